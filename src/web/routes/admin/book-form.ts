import { InputError } from '../../../core/errors'
import { parsePhysicalSpec, type Book, type BookEdit, type BookFields, type FieldError, type FieldErrorCode, type Isbn13, type PriceLawError, type TocEntry } from '../../../catalog'
import { applyTocOp, rowsToToc, tocRowsFromForm, tocToRows, type TocRow } from './toc-rows'

/** The edit form's fields, as strings, the way a browser posts them. */
export type BookForm = Record<string, string>

/** A catalog field error (a sale price the price law refused among them), or one of text the form itself reads (a size), by form field. */
export type FormErrors = Record<string, { code: FieldErrorCode | PriceLawError['code'] | 'unreadable_size' | 'already_in_catalog' | `isbn_${string}`; params: FieldError['params'] }>

const numberOrNull = (s: string) => (s.trim() ? Number(s.replace(/,/g, '')) : null)
const textOrNull = (s: string) => (s.trim() ? s.trim() : null)

/** "이름 | translator" per line; the role defaults to author. */
export function contributorsToText(contributors: Book['contributors']): string {
  return contributors.map((c) => (c.role === 'author' ? c.name : `${c.name} | ${c.role}`)).join('\n')
}

function contributorsFromText(text: string): Array<{ name: string; role: string }> {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [name, role] = line.split('|').map((p) => p.trim())
      return { name: name!, role: role || 'author' }
    })
}

/** A contents list pasted as text, one entry per line: "01 Title" is a numbered chapter, "front: …", "part: …" and "back: …" the rest. */
export function tocFromText(text: string): TocEntry[] {
  const entries: TocEntry[] = []
  let seenChapter = false
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    if (!line) continue
    const matter = line.match(/^(front|back|part):\s*(.+)$/i)
    const numbered = line.match(/^(\d{1,3}|[IVXLC]+\.)\s+(.+)$/)
    if (matter) entries.push({ kind: matter[1]!.toLowerCase() as TocEntry['kind'], title: matter[2]! })
    else if (numbered) {
      seenChapter = true
      entries.push({ kind: 'chapter', number: numbered[1]!.replace(/\.$/, ''), title: numbered[2]! })
    } else entries.push({ kind: seenChapter ? 'chapter' : 'front', title: line })
  }
  return entries
}

/** The form as the edit page first shows it. */
export function bookToForm(book: Book): BookForm {
  const d = book.dimensions
  return {
    title: book.title,
    subtitle: book.subtitle ?? '',
    ...translationsToForm(book.translations),
    contributors: contributorsToText(book.contributors),
    publisher: book.publisher ?? '',
    issuedOn: book.issuedOn ?? '',
    format: book.format,
    language: book.language ?? '',
    series: book.series ?? '',
    seriesNumber: book.seriesNumber ?? '',
    pageCount: book.pageCount?.toString() ?? '',
    weightG: book.weightG?.toString() ?? '',
    size: d ? [d.widthMm, d.heightMm, d.thicknessMm].filter((n) => n != null).join('*') : '',
    currency: book.currency ?? '',
    listPrice: book.listPrice?.toString() ?? '',
    salePrice: book.salePrice?.toString() ?? '',
    stock: book.stock?.toString() ?? '',
    leadDays: book.leadDays?.toString() ?? '',
    onSale: book.onSale ? 'on' : '',
    descriptionHeadline: book.descriptionHeadline ?? '',
    descriptionHtml: book.descriptionHtml ?? '',
    ...tocToForm(book.toc),
    reviewHtml: book.reviewHtml ?? '',
    authorBioHtml: book.authorBioHtml ?? '',
    excerptsHtml: book.excerptsHtml ?? '',
    coverUrl: book.coverUrl ?? '',
    categoryIds: book.categoryIds.join(' '),
  }
}

const rowFields = (i: number, row: TocRow): BookForm => ({
  [`toc.${i}.kind`]: row.kind,
  [`toc.${i}.number`]: row.number,
  [`toc.${i}.title`]: row.title,
  [`toc.${i}.depth`]: String(row.depth),
  [`toc.${i}.place`]: row.place,
  [`toc.${i}.year`]: row.year,
})

/** The contents tree as the form's rows (`toc.N.kind` and so on), with the mark that says the form has them. */
export function tocToForm(toc: TocEntry[]): BookForm {
  const form: BookForm = { tocRows: '1' }
  tocToRows(toc).forEach((row, i) => Object.assign(form, rowFields(i, row)))
  return form
}

/** One row per language the title is given in (`tr.N.lang`, `tr.N.title`, `tr.N.subtitle`); the page adds a blank row for a new one. */
function translationsToForm(translations: Book['translations']): BookForm {
  const form: BookForm = { hasTranslations: '1' }
  Object.entries(translations).forEach(([lang, t], i) => Object.assign(form, { [`tr.${i}.lang`]: lang, [`tr.${i}.title`]: t.title, [`tr.${i}.subtitle`]: t.subtitle ?? '' }))
  return form
}

/** The translations a form posted: rows without a language and title are left out; the first row of a language wins. */
function translationsFromForm(posted: BookForm): Book['translations'] {
  const out: Book['translations'] = {}
  const indexes = [...new Set(Object.keys(posted).flatMap((k) => /^tr\.(\d{1,3})\.lang$/.exec(k)?.[1] ?? []))].map(Number).sort((a, b) => a - b)
  for (const i of indexes) {
    const lang = (posted[`tr.${i}.lang`] ?? '').trim().toLowerCase()
    const title = (posted[`tr.${i}.title`] ?? '').trim()
    const subtitle = (posted[`tr.${i}.subtitle`] ?? '').trim()
    if (!lang && !title) continue
    out[lang] ??= { title, ...(subtitle && { subtitle }) }
  }
  return out
}

/**
 * A press of one of the contents tree's buttons: the form comes back with
 * the tree changed and nothing saved. Undefined when the post is a save.
 */
export function pressedTocButton(posted: BookForm): BookForm | undefined {
  if (!posted.tocOp) return undefined
  const rows = applyTocOp(tocRowsFromForm(posted, { keepBlank: true }), posted.tocOp)
  const rest = Object.fromEntries(Object.entries(posted).filter(([k]) => !k.startsWith('toc.') && k !== 'tocOp'))
  const form: BookForm = { ...rest, tocRows: '1' }
  rows.forEach((row, i) => Object.assign(form, rowFields(i, row)))
  return form
}

/** How each form field becomes book fields; a field the form does not post is not in the edit, so the book keeps it. */
const FIELDS: Record<string, (value: string, book: Book | undefined) => BookFields> = {
  title: (v) => ({ title: v }),
  subtitle: (v) => ({ subtitle: textOrNull(v) }),
  // The form shows only the English title; the book's other translations stay as they are.
  titleEn: (v, book) => {
    const { en: _en, ...others } = book?.translations ?? {}
    return { translations: v.trim() ? { ...others, en: { title: v.trim() } } : others }
  },
  contributors: (v) => ({ contributors: contributorsFromText(v) }),
  publisher: (v) => ({ publisher: textOrNull(v) }),
  issuedOn: (v) => ({ issuedOn: textOrNull(v) }),
  format: (v) => ({ format: v }),
  language: (v) => ({ language: textOrNull(v) }),
  series: (v) => ({ series: textOrNull(v) }),
  seriesNumber: (v) => ({ seriesNumber: textOrNull(v) }),
  pageCount: (v) => ({ pageCount: numberOrNull(v) }),
  weightG: (v) => ({ weightG: numberOrNull(v) }),
  size: (v) => ({ dimensions: v.trim() ? parsePhysicalSpec(v.trim()).dimensions : null }),
  currency: (v) => ({ currency: v.trim() || 'KRW' }),
  listPrice: (v) => ({ listPrice: numberOrNull(v) }),
  salePrice: (v) => ({ salePrice: numberOrNull(v) }),
  // Left empty, the copies are not counted: the book is sold to order, not out of stock.
  stock: (v) => ({ stock: numberOrNull(v) }),
  leadDays: (v) => ({ leadDays: numberOrNull(v) }),
  descriptionHeadline: (v) => ({ descriptionHeadline: textOrNull(v) }),
  descriptionHtml: (v) => ({ descriptionHtml: textOrNull(v) }),
  // Pasted text replaces the tree's rows; left empty, the rows are what is saved.
  tocText: (v) => (v.trim() ? { toc: tocFromText(v) } : {}),
  reviewHtml: (v) => ({ reviewHtml: textOrNull(v) }),
  authorBioHtml: (v) => ({ authorBioHtml: textOrNull(v) }),
  excerptsHtml: (v) => ({ excerptsHtml: textOrNull(v) }),
  coverUrl: (v) => ({ coverUrl: textOrNull(v) }),
  categoryIds: (v) => ({ categoryIds: v.split(/[\s,]+/).filter(Boolean) }),
}

/**
 * A posted form as a catalog edit of the book (a new book when there is
 * none yet), with the errors of text the form itself cannot read (a size).
 * The check box is read only when the form says it had one, since browsers
 * post nothing for an unticked box.
 */
export function formToEdit(isbn13: Isbn13, posted: BookForm, book?: Book): { edit: BookEdit; errors: FormErrors } {
  const fields: BookFields = {}
  const errors: FormErrors = {}
  for (const [name, value] of Object.entries(posted)) {
    const toFields = FIELDS[name]
    if (!toFields) continue
    try {
      Object.assign(fields, toFields(value, book))
    } catch (e) {
      if (!(e instanceof InputError) || name !== 'size') throw e
      errors[name] = { code: 'unreadable_size', params: { text: value.trim() } }
    }
  }
  if (posted.hasOnSale) fields.onSale = posted.onSale === 'on'
  if (posted.tocRows && !posted.tocText?.trim()) fields.toc = rowsToToc(tocRowsFromForm(posted))
  if (posted.hasTranslations) fields.translations = translationsFromForm(posted)
  return { edit: { isbn13, fields, mustExist: book !== undefined }, errors }
}

/** The form field that shows a catalog field path ("dimensions.widthMm" is the size box). */
export function formFieldOf(path: string): string {
  const field = path.split('.')[0]!
  return field === 'dimensions' ? 'size' : field
}

import { InputError } from '../../../core/errors'
import { parsePhysicalSpec, type Book, type BookEdit, type BookFields, type FieldError, type FieldErrorCode, type PriceLawError, type TocEntry } from '../../../catalog'

/** The edit form's fields, as strings, the way a browser posts them. */
export type BookForm = Record<string, string>

/** A catalog field error (a sale price the price law refused among them), or one of text the form itself reads (a size), by form field. */
export type FormErrors = Record<string, { code: FieldErrorCode | PriceLawError['code'] | 'unreadable_size'; params: FieldError['params'] }>

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

/** One entry per line: "01 Title" is a numbered chapter, "front: …" and "back: …" the matter around them. */
export function tocToText(toc: TocEntry[]): string {
  return toc.map((e) => (e.kind === 'chapter' ? (e.number ? `${e.number} ${e.title}` : e.title) : `${e.kind}: ${e.title}`)).join('\n')
}

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
    titleEn: book.translations.en?.title ?? '',
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
    currency: book.currency,
    listPrice: book.listPrice?.toString() ?? '',
    salePrice: book.salePrice?.toString() ?? '',
    stock: String(book.stock),
    onSale: book.onSale ? 'on' : '',
    descriptionHeadline: book.descriptionHeadline ?? '',
    descriptionHtml: book.descriptionHtml ?? '',
    toc: tocToText(book.toc),
    reviewHtml: book.reviewHtml ?? '',
    authorBioHtml: book.authorBioHtml ?? '',
    coverUrl: book.coverUrl ?? '',
    categoryIds: book.categoryIds.join(' '),
  }
}

/** How each form field becomes book fields; a field the form does not post is not in the edit, so the book keeps it. */
const FIELDS: Record<string, (value: string, book: Book) => BookFields> = {
  title: (v) => ({ title: v }),
  subtitle: (v) => ({ subtitle: textOrNull(v) }),
  // The form shows only the English title; the book's other translations stay as they are.
  titleEn: (v, book) => {
    const { en: _en, ...others } = book.translations
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
  stock: (v) => ({ stock: numberOrNull(v) ?? 0 }),
  descriptionHeadline: (v) => ({ descriptionHeadline: textOrNull(v) }),
  descriptionHtml: (v) => ({ descriptionHtml: textOrNull(v) }),
  toc: (v) => ({ toc: tocFromText(v) }),
  reviewHtml: (v) => ({ reviewHtml: textOrNull(v) }),
  authorBioHtml: (v) => ({ authorBioHtml: textOrNull(v) }),
  coverUrl: (v) => ({ coverUrl: textOrNull(v) }),
  categoryIds: (v) => ({ categoryIds: v.split(/[\s,]+/).filter(Boolean) }),
}

/**
 * A posted form as a catalog edit of the book, with the errors of text the
 * form itself cannot read (a size). The check box is read only when the form
 * says it had one, since browsers post nothing for an unticked box.
 */
export function formToEdit(book: Book, posted: BookForm): { edit: BookEdit; errors: FormErrors } {
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
  return { edit: { isbn13: book.isbn13, fields, mustExist: true }, errors }
}

/** The form field that shows a catalog field path ("dimensions.widthMm" is the size box). */
export function formFieldOf(path: string): string {
  const field = path.split('.')[0]!
  return field === 'dimensions' ? 'size' : field === 'translations' ? 'titleEn' : field
}

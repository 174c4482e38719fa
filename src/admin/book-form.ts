import { bookInputSchema, CONTRIBUTOR_ROLES, parseBookInput, parsePhysicalSpec, type Book, type BookInput, type ContributorRole, type TocEntry } from '../catalog'
import { InputError } from '../core/errors'

/** The edit form's fields, as strings, the way a browser posts them. */
export type BookForm = Record<string, string>

export type FieldErrors = Record<string, string>

const numberOrNull = (s: string | undefined) => (s && s.trim() ? Number(s.replace(/,/g, '')) : null)
const textOrNull = (s: string | undefined) => (s && s.trim() ? s.trim() : null)

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

/**
 * Reads a posted form into a validated book, or says which fields are wrong
 * and why, all at once, so staff can fix them in one go.
 */
export function bookFromForm(isbn13: string, form: BookForm, existing: Book): { book?: BookInput; errors: FieldErrors } {
  const errors: FieldErrors = {}
  let dimensions: unknown = null
  if (form.size?.trim()) {
    try {
      dimensions = parsePhysicalSpec(form.size.trim()).dimensions
    } catch (e) {
      errors.size = e instanceof InputError ? e.reason : String(e)
    }
  }
  const contributors = contributorsFromText(form.contributors ?? '')
  for (const c of contributors) if (!(CONTRIBUTOR_ROLES as readonly string[]).includes(c.role)) errors.contributors = `unknown role "${c.role}" for ${c.name}; use one of ${CONTRIBUTOR_ROLES.join(', ')}`
  const raw = {
    isbn13,
    title: form.title ?? '',
    subtitle: textOrNull(form.subtitle),
    originalTitle: existing.originalTitle,
    translations: form.titleEn?.trim() ? { ...existing.translations, en: { title: form.titleEn.trim() } } : Object.fromEntries(Object.entries(existing.translations).filter(([k]) => k !== 'en')),
    contributors: contributors as Array<{ name: string; role: ContributorRole }>,
    publisher: textOrNull(form.publisher),
    imprint: existing.imprint,
    issuedOn: textOrNull(form.issuedOn),
    language: textOrNull(form.language),
    format: form.format,
    series: textOrNull(form.series),
    seriesNumber: textOrNull(form.seriesNumber),
    pageCount: numberOrNull(form.pageCount),
    weightG: numberOrNull(form.weightG),
    dimensions,
    currency: form.currency?.trim() || 'KRW',
    listPrice: numberOrNull(form.listPrice),
    salePrice: numberOrNull(form.salePrice),
    stock: numberOrNull(form.stock) ?? 0,
    onSale: form.onSale === 'on',
    descriptionHeadline: textOrNull(form.descriptionHeadline),
    descriptionHtml: textOrNull(form.descriptionHtml),
    toc: tocFromText(form.toc ?? ''),
    reviewHtml: textOrNull(form.reviewHtml),
    authorBioHtml: textOrNull(form.authorBioHtml),
    coverUrl: textOrNull(form.coverUrl),
    categoryIds: (form.categoryIds ?? '').split(/[\s,]+/).filter(Boolean),
  }
  const parsed = bookInputSchema.safeParse(raw)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] === 'dimensions' ? 'size' : issue.path[0] === 'translations' ? 'titleEn' : String(issue.path[0] ?? 'form')
      errors[field] ??= issue.message
    }
  }
  if (Object.keys(errors).length || !parsed.success) return { errors }
  return { book: parseBookInput(raw), errors }
}

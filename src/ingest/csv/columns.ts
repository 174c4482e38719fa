import type { Book, Contributor } from '../../catalog'
import { roleOfTerm } from '../roles'
import type { IncomingFields } from '../types'

/**
 * The CSV columns, in the order `colophon export --format csv` writes them.
 * An import needs isbn13 and, for a new book, title; any other column may be
 * left out (the book keeps what it has), and an empty cell clears the field.
 * README.md documents them for staff.
 */
export const CSV_COLUMNS = [
  'isbn13', 'title', 'subtitle', 'original_title', 'contributors', 'publisher', 'imprint', 'issued_on', 'language', 'format',
  'series', 'series_number', 'page_count', 'weight_g', 'width_mm', 'height_mm', 'thickness_mm', 'currency', 'list_price',
  'sale_price', 'stock', 'lead_days', 'on_sale', 'categories', 'cover_url', 'description_headline', 'description_html', 'toc',
  'review_html', 'author_bio_html', 'translations', 'excerpts_html',
] as const
export type CsvColumn = (typeof CSV_COLUMNS)[number]

const ROLE = /^(.*\S)\s*\(([^()]+)\)$/

/**
 * "Name (role); Name (role)"; a name without a role is an author. The role is
 * a Colophon role or any word roles.ts reads ("옮김", "trans."); another one
 * keeps the person as 'other' and goes to `unknownRoles`.
 */
export function parseContributors(cell: string, unknownRoles: string[] = []): Contributor[] {
  return cell
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s): Contributor => {
      const m = ROLE.exec(s)
      if (!m) return { name: s, role: 'author' }
      const role = roleOfTerm(m[2]!)
      if (!role) unknownRoles.push(m[2]!.trim())
      return { name: m[1]!, role: role ?? 'other' }
    })
}

const text = (s: string) => (s === '' ? null : s)
function number(s: string, column: string, problems: Array<{ field: string; reason: string }>): number | null {
  if (s === '') return null
  const n = Number(s)
  if (!Number.isFinite(n)) problems.push({ field: column, reason: `"${s}" is not a number` })
  return n
}
function json(s: string, column: string, problems: Array<{ field: string; reason: string }>, empty: unknown): unknown {
  if (s === '') return empty
  try {
    return JSON.parse(s)
  } catch {
    problems.push({ field: column, reason: 'is not valid JSON' })
    return empty
  }
}

/** One CSV row (by column name) as the fields it carries. */
export function csvRowToFields(row: Map<string, string>, problems: Array<{ field: string; reason: string }>, unknownRoles: string[] = []): IncomingFields {
  const f: IncomingFields = {}
  const get = (c: CsvColumn) => row.get(c)
  const set = (c: CsvColumn, apply: (s: string) => void) => {
    const v = get(c)
    if (v !== undefined) apply(v.trim() === '' ? '' : v)
  }
  set('isbn13', (s) => (f.isbn13 = s))
  set('title', (s) => (f.title = text(s)))
  set('subtitle', (s) => (f.subtitle = text(s)))
  set('original_title', (s) => (f.originalTitle = text(s)))
  set('contributors', (s) => (f.contributors = parseContributors(s, unknownRoles)))
  set('publisher', (s) => (f.publisher = text(s)))
  set('imprint', (s) => (f.imprint = text(s)))
  set('issued_on', (s) => (f.issuedOn = text(s)))
  set('language', (s) => (f.language = text(s)))
  set('format', (s) => s && (f.format = s))
  set('series', (s) => (f.series = text(s)))
  set('series_number', (s) => (f.seriesNumber = text(s)))
  set('page_count', (s) => (f.pageCount = number(s, 'page_count', problems)))
  set('weight_g', (s) => (f.weightG = number(s, 'weight_g', problems)))
  const [w, h, t] = (['width_mm', 'height_mm', 'thickness_mm'] as const).map((c) => (get(c) === undefined ? undefined : number(get(c)!.trim(), c, problems)))
  if (w !== undefined || h !== undefined) f.dimensions = w == null && h == null ? null : { widthMm: w, heightMm: h, thicknessMm: t ?? null }
  set('currency', (s) => s && (f.currency = s))
  set('list_price', (s) => (f.listPrice = number(s, 'list_price', problems)))
  set('sale_price', (s) => (f.salePrice = number(s, 'sale_price', problems)))
  // An empty cell: the copies are not counted (sold to order), not none.
  set('stock', (s) => (f.stock = number(s, 'stock', problems)))
  set('lead_days', (s) => (f.leadDays = number(s, 'lead_days', problems)))
  set('on_sale', (s) => {
    if (s === '') return
    if (!/^(true|false|1|0|yes|no)$/i.test(s)) problems.push({ field: 'on_sale', reason: `"${s}" is not true or false` })
    f.onSale = /^(true|1|yes)$/i.test(s)
  })
  set('categories', (s) => (f.categoryIds = s.split(';').map((c) => c.trim()).filter(Boolean)))
  set('cover_url', (s) => (f.coverUrl = text(s)))
  set('description_headline', (s) => (f.descriptionHeadline = text(s)))
  set('description_html', (s) => (f.descriptionHtml = text(s)))
  set('toc', (s) => (f.toc = json(s, 'toc', problems, [])))
  set('review_html', (s) => (f.reviewHtml = text(s)))
  set('excerpts_html', (s) => (f.excerptsHtml = text(s)))
  set('author_bio_html', (s) => (f.authorBioHtml = text(s)))
  set('translations', (s) => (f.translations = json(s, 'translations', problems, {})))
  return f
}

/** A book as a CSV row, in CSV_COLUMNS order. */
export function bookToCsvCells(b: Book): string[] {
  const s = (v: string | number | null) => (v == null ? '' : String(v))
  const cells: Record<CsvColumn, string> = {
    isbn13: b.isbn13, title: b.title, subtitle: s(b.subtitle), original_title: s(b.originalTitle),
    contributors: b.contributors.map((c) => `${c.name} (${c.role})`).join('; '),
    publisher: s(b.publisher), imprint: s(b.imprint), issued_on: s(b.issuedOn), language: s(b.language), format: b.format,
    series: s(b.series), series_number: s(b.seriesNumber), page_count: s(b.pageCount), weight_g: s(b.weightG),
    width_mm: s(b.dimensions?.widthMm ?? null), height_mm: s(b.dimensions?.heightMm ?? null), thickness_mm: s(b.dimensions?.thicknessMm ?? null),
    currency: b.currency ?? '', list_price: s(b.listPrice), sale_price: s(b.salePrice), stock: s(b.stock), lead_days: s(b.leadDays), on_sale: String(b.onSale),
    categories: b.categoryIds.join(';'), cover_url: s(b.coverUrl), description_headline: s(b.descriptionHeadline),
    description_html: s(b.descriptionHtml), toc: b.toc.length ? JSON.stringify(b.toc) : '', review_html: s(b.reviewHtml),
    author_bio_html: s(b.authorBioHtml), translations: Object.keys(b.translations).length ? JSON.stringify(b.translations) : '',
    excerpts_html: s(b.excerptsHtml),
  }
  return CSV_COLUMNS.map((c) => cells[c])
}

import { z } from 'zod'
import { InputError } from '../core/errors'
import { parseIsbn, type Isbn13 } from './isbn'
import { datePrecision } from './issued'
import { isDigital } from './availability'
import { toRichText } from './rich-text'
import { BOOK_FORMATS, CONTRIBUTOR_ROLES, type Book, type TocEntry } from './types'

const isbn = z.string().transform((raw, ctx): Isbn13 => {
  try {
    return parseIsbn(raw)
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: e instanceof InputError ? e.reason : String(e), params: { code: 'invalid_isbn' } })
    return z.NEVER
  }
})

/** A real date as precise as its source: YYYY, YYYY-MM or YYYY-MM-DD; future dates are fine (pre-orders). */
const isoDate = z.string().refine((s) => datePrecision(s) !== null, { message: 'expected a real date as YYYY-MM-DD, YYYY-MM or YYYY', params: { code: 'not_date' } })

const text = (max: number) => z.string().trim().min(1).max(max)
const richText = z.string().max(200_000).transform((s) => toRichText(s) || null)
const money = z.number().int('expected an integer amount in minor units').min(0).max(100_000_000_000)

const tocEntry: z.ZodType<TocEntry> = z.lazy(() =>
  z.object({
    kind: z.enum(['front', 'part', 'chapter', 'back']),
    number: z.string().trim().max(16).optional(),
    title: text(500),
    place: text(100).optional(),
    year: z.number().int().min(-3000).max(2100).optional(),
    children: z.array(tocEntry).max(500).optional(),
  }),
)

/**
 * Everything that writes a book (demo, importers, staff forms) passes through
 * this schema, so the store only ever holds validated, sanitised records.
 */
const bookInputSchema = z
  .object({
    isbn13: isbn,
    title: text(1000),
    subtitle: text(1000).nullish(),
    originalTitle: text(1000).nullish(),
    translations: z.record(z.string().regex(/^[a-z]{2}$/), z.object({ title: text(1000), subtitle: text(1000).optional() })).default({}),
    contributors: z.array(z.object({ name: text(300), role: z.enum(CONTRIBUTOR_ROLES) })).max(100).default([]),
    alternateForms: z.object({ titles: z.array(text(1000)).max(20), names: z.array(text(300)).max(100) }).default({ titles: [], names: [] }),
    publisher: text(300).nullish(),
    imprint: text(300).nullish(),
    issuedOn: isoDate.nullish(),
    language: z.string().refine((s) => /^[a-z]{3}$/.test(s), { message: 'expected an ISO 639-2 code such as "kor"', params: { code: 'not_language_code' } }).nullish(),
    format: z.enum(BOOK_FORMATS).default('unknown'),
    series: text(500).nullish(),
    seriesNumber: text(16).nullish(),
    pageCount: z.number().int().min(1).max(100_000).nullish(),
    weightG: z.number().int().min(1).max(50_000).nullish(),
    dimensions: z
      .object({
        widthMm: z.number().int().min(10).max(2000),
        heightMm: z.number().int().min(10).max(2000),
        thicknessMm: z.number().int().min(1).max(1000).nullable(),
      })
      .nullish(),
    currency: z.string().refine((s) => /^[A-Z]{3}$/.test(s), { message: 'expected an ISO 4217 code such as "KRW"', params: { code: 'not_currency_code' } }).nullish(),
    listPrice: money.nullish(),
    salePrice: money.nullish(),
    // Only a given count is a count: a book nobody counted (null) is sold to order, not out of stock.
    stock: z.number().int().min(0).max(10_000_000).nullable().default(null),
    leadDays: z.number().int().min(0).max(365).nullable().default(null),
    onSale: z.boolean().default(true),
    descriptionHeadline: text(500).nullish(),
    descriptionHtml: richText.nullish(),
    toc: z.array(tocEntry).max(2000).default([]),
    reviewHtml: richText.nullish(),
    authorBioHtml: richText.nullish(),
    excerptsHtml: richText.nullish(),
    coverUrl: z.url({ protocol: /^https?$/ }).nullish(),
    categoryIds: z.array(z.string().min(1).max(64)).max(50).default([]),
  })
  .refine((b) => b.salePrice == null || b.listPrice == null || b.salePrice <= b.listPrice, {
    message: 'sale price is above the list price',
    path: ['salePrice'],
    params: { code: 'sale_above_list' },
  })

export type BookInput = Omit<Book, 'updatedAt' | 'isbn10' | 'cover'>

/** Validates one book: the book as it is stored, or every issue found. */
export function checkBookInput(raw: unknown): { book: BookInput } | { issues: z.core.$ZodIssue[] } {
  const r = bookInputSchema.safeParse(raw)
  if (!r.success) return { issues: r.error.issues }
  const b = r.data
  return {
    book: {
      ...b,
      subtitle: b.subtitle ?? null,
      originalTitle: b.originalTitle ?? null,
      publisher: b.publisher ?? null,
      imprint: b.imprint ?? null,
      issuedOn: b.issuedOn ?? null,
      language: b.language ?? null,
      series: b.series ?? null,
      seriesNumber: b.seriesNumber ?? null,
      pageCount: b.pageCount ?? null,
      weightG: b.weightG ?? null,
      dimensions: b.dimensions ?? null,
      // A currency belongs to a price: none without one, KRW (the store's own) when a price comes without it.
      currency: b.listPrice == null && b.salePrice == null ? null : (b.currency ?? 'KRW'),
      listPrice: b.listPrice ?? null,
      // An e-book has no copies to count, whatever a feed or form said.
      stock: isDigital(b) ? null : b.stock,
      salePrice: b.salePrice ?? null,
      descriptionHeadline: b.descriptionHeadline ?? null,
      descriptionHtml: b.descriptionHtml ?? null,
      reviewHtml: b.reviewHtml ?? null,
      authorBioHtml: b.authorBioHtml ?? null,
      excerptsHtml: b.excerptsHtml ?? null,
      coverUrl: b.coverUrl ?? null,
    },
  }
}

/** Validates one book; throws an InputError naming the first bad field. */
export function parseBookInput(raw: unknown): BookInput {
  const r = checkBookInput(raw)
  if ('issues' in r) {
    const issue = r.issues[0]!
    throw new InputError(issue.path.join('.') || 'book', issue.message)
  }
  return r.book
}

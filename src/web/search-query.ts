import { z } from 'zod'
import { BOOK_FORMATS } from '../catalog'
import { SEARCH_SORTS, type SearchParams } from '../search'

// Forms send empty fields as "": they mean "no filter".
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional())
const amount = (name: string) => z.coerce.number({ message: `${name} must be a number` }).int(`${name} must be a whole number`).min(0, `${name} cannot be negative`).max(100_000_000_000)

/** The filters, sort and page of a search or category listing, as the URL carries them. */
export const listingQuery = z
  .object({
    q: z.string().default(''),
    category: optional(z.string().max(64)),
    publisher: optional(z.string().max(300)),
    format: optional(z.enum(BOOK_FORMATS, { message: `format must be one of ${BOOK_FORMATS.join(', ')}` })),
    language: optional(z.string().regex(/^[a-z]{3}$/, 'language must be an ISO 639-2 code such as "kor"')),
    year: optional(z.coerce.number().int('year must be a whole number').min(1000).max(2999)),
    price_min: optional(amount('price_min')),
    price_max: optional(amount('price_max')),
    in_stock: optional(z.enum(['1', 'true', 'on', '0', 'false'], { message: 'in_stock must be 1 or 0' })),
    sort: optional(z.enum(SEARCH_SORTS, { message: `sort must be one of ${SEARCH_SORTS.join(', ')}` })),
    page: z.coerce.number().int('page must be a whole number').min(1, 'page starts at 1').max(10_000, 'page must be at most 10000').default(1),
  })
  .refine((v) => v.price_min === undefined || v.price_max === undefined || v.price_min <= v.price_max, {
    message: 'price_min is above price_max',
    path: ['price_min'],
    params: { code: 'price_range' },
  })

export type ListingQuery = z.infer<typeof listingQuery>

export function toSearchParams(query: ListingQuery, pageSize: number): SearchParams {
  return {
    q: query.q,
    category: query.category,
    publisher: query.publisher,
    format: query.format,
    language: query.language,
    year: query.year,
    priceMin: query.price_min,
    priceMax: query.price_max,
    inStock: query.in_stock === undefined ? undefined : ['1', 'true', 'on'].includes(query.in_stock),
    sort: query.sort,
    page: query.page,
    pageSize,
  }
}

/** The query string of a listing's current state, as plain strings, for building links. */
export function listingState(query: ListingQuery): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) out[k] = String(v)
  return out
}

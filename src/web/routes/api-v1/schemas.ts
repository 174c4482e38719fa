import { z } from '@hono/zod-openapi'
import { API_SCOPES } from '../../../accounts'
import { BOOK_FORMATS } from '../../../catalog'

/*
 * The API's answers as documented. Objects are open (looseObject): the
 * fields named here are promised, and a later version may add others,
 * which a client must ignore.
 */

const isbn13 = z.string().regex(/^\d{13}$/).openapi({ example: '9788962633245' })
const nullableText = z.string().nullable()
const money = z.number().int().nullable()

export const ErrorBody = z
  .object({ error: z.looseObject({ code: z.string(), field: z.string().optional(), message: z.string().optional() }) })
  .openapi('Error')

const Contributor = z.looseObject({ name: z.string(), role: z.string() })

export const BookSummary = z
  .looseObject({
    isbn13,
    title: z.string(),
    contributors: z.array(Contributor),
    publisher: nullableText,
    issuedOn: nullableText.openapi({ description: 'YYYY, YYYY-MM or YYYY-MM-DD, as precise as known' }),
    format: z.enum(BOOK_FORMATS),
    coverUrl: nullableText,
    currency: nullableText.openapi({ description: 'ISO 4217; null when the book has no price' }),
    listPrice: money.openapi({ description: 'in the currency’s minor unit (won for KRW)' }),
    salePrice: money,
    stock: z.number().int().nullable().openapi({ description: 'copies on hand; null when not counted (sold to order)' }),
    onSale: z.boolean(),
  })
  .openapi('BookSummary')

export const Book = BookSummary.extend({
  subtitle: nullableText,
  language: nullableText,
  series: nullableText,
  seriesNumber: nullableText,
  pageCount: z.number().int().nullable(),
  leadDays: z.number().int().nullable(),
  descriptionHtml: nullableText,
  categoryIds: z.array(z.string()),
  workId: z.string().nullable().optional().openapi({ description: 'The work this edition belongs to; books with the same one are editions of each other.' }),
  updatedAt: z.string(),
}).openapi('Book')

const Page = <T extends z.ZodType>(item: T) => z.looseObject({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })

export const SearchResult = z
  .looseObject({
    q: z.string(),
    sort: z.string(),
    books: Page(BookSummary),
    isTotalAtLeast: z.boolean(),
    facets: z.record(z.string(), z.array(z.looseObject({ value: z.string(), count: z.number().int(), isSelected: z.boolean() }))),
    didYouMean: nullableText,
  })
  .openapi('SearchResult')

export const Suggestions = z
  .object({ suggestions: z.array(z.object({ kind: z.enum(['title', 'contributor', 'category']), label: z.string(), path: z.string() })) })
  .openapi('Suggestions')

const Category = z
  .object({ id: z.string(), parentId: z.string().nullable(), name: z.object({ ko: z.string(), en: z.string() }), sortOrder: z.number().int() })
  .openapi('Category')

export const CategoryList = z.object({ categories: z.array(Category) }).openapi('CategoryList')

export const CategoryDetail = z
  .object({ category: Category, path: z.array(Category).openapi({ description: 'root first, the category itself last' }), children: z.array(Category) })
  .openapi('CategoryDetail')

export const ContributorBooks = z.object({ name: z.string(), books: z.array(BookSummary) }).openapi('ContributorBooks')

export const SeriesVolumes = z
  .object({ name: z.string(), volumes: z.array(BookSummary.extend({ seriesNumber: nullableText })) })
  .openapi('SeriesVolumes')

export const ORDER_STATUSES = ['awaiting_payment', 'paid', 'preparing', 'shipped', 'delivered', 'return_requested', 'returned', 'refunded', 'cancelled'] as const

export const Order = z
  .looseObject({
    number: z.string().openapi({ example: '20261202-000123' }),
    status: z.enum(ORDER_STATUSES),
    placedAt: z.string(),
    currency: z.string(),
    booksTotal: z.number().int(),
    shippingFee: z.number().int(),
    pointsSpent: z.number().int(),
    total: z.number().int(),
    paymentMethod: z.enum(['bank_transfer', 'card']),
    paidAt: nullableText,
    carrier: nullableText,
    trackingNumber: nullableText,
    buyer: z.looseObject({ name: z.string(), phone: z.string(), email: z.string() }),
    delivery: z.looseObject({ recipientName: z.string(), recipientPhone: z.string(), postalCode: z.string(), address: z.string(), addressDetail: z.string(), note: z.string() }),
    lines: z.array(z.looseObject({ isbn13, title: z.string(), quantity: z.number().int(), unitPrice: z.number().int(), listPrice: z.number().int() })),
  })
  .openapi('Order')

export const OrderList = z
  .object({ orders: z.array(Order), total: z.number().int(), page: z.number().int(), perPage: z.number().int() })
  .openapi('OrderList')

export const Stock = z
  .object({ isbn13, stock: z.number().int().nullable(), onSale: z.boolean() })
  .openapi('Stock', { description: 'stock null: not counted (sold to order, or an e-book)' })

export const StockList = z
  .object({ items: z.array(Stock), next: z.string().nullable().openapi({ description: 'the cursor of the next page; null on the last' }) })
  .openapi('StockList')

export const StockPut = z
  .object({ stock: z.number().int().min(0).max(10_000_000).nullable().openapi({ description: 'copies on hand; null: not counted' }) })
  .openapi('StockPut')

export const SCOPE_LIST = API_SCOPES.join(', ')

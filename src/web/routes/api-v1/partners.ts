import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import type { ApiKeyService } from '../../../accounts'
import { parseIsbn, type CatalogService } from '../../../catalog'
import type { OrderService } from '../../../commerce'
import { InputError } from '../../../core/errors'
import type { AppEnv } from '../../env'
import { requireKey, type KeyEnv } from './key-auth'
import { ErrorBody, Order, OrderList, ORDER_STATUSES, Stock, StockList, StockPut } from './schemas'

const json = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description })
const keyed = {
  401: json(ErrorBody, 'No key, or one unknown or revoked'),
  403: json(ErrorBody, 'The key lacks the scope'),
  429: json(ErrorBody, 'Too many requests from this address: see Retry-After'),
}
const security = [{ apiKey: [] }]
const isbnParam = z.object({ isbn: z.string().max(20).openapi({ description: 'ISBN-13 or ISBN-10', example: '9788962633245' }) })

export interface PartnerServices {
  catalog: CatalogService
  orders?: OrderService
  apiKeys?: ApiKeyService
}

const routes = (keys: ApiKeyService | undefined) => ({
  orders: createRoute({
    method: 'get',
    path: '/orders',
    tags: ['partners'],
    summary: 'Orders, newest first',
    description: 'Scope `orders:read`.',
    security,
    middleware: [requireKey(keys, 'orders:read')] as const,
    request: {
      query: z.object({
        status: z.enum(ORDER_STATUSES).optional().openapi({ description: 'only orders in this state' }),
        page: z.coerce.number().int().min(1).max(10_000).default(1),
        per_page: z.coerce.number().int().min(1).max(100).default(50),
      }),
    },
    responses: { 200: json(OrderList, 'A page of orders'), 400: json(ErrorBody, 'A parameter is malformed'), ...keyed },
  }),
  order: createRoute({
    method: 'get',
    path: '/orders/{number}',
    tags: ['partners'],
    summary: 'An order',
    description: 'Scope `orders:read`.',
    security,
    middleware: [requireKey(keys, 'orders:read')] as const,
    request: { params: z.object({ number: z.string().max(40).openapi({ example: '20261202-000123' }) }) },
    responses: { 200: json(Order, 'The order, with its lines'), ...keyed, 404: json(ErrorBody, 'No such order') },
  }),
  stockList: createRoute({
    method: 'get',
    path: '/stock',
    tags: ['partners'],
    summary: 'Stock of every book, by ISBN',
    description: 'Scope `stock:read`. Pages by cursor: pass the `next` of one page to get the following one.',
    security,
    middleware: [requireKey(keys, 'stock:read')] as const,
    request: { query: z.object({ cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }) },
    responses: { 200: json(StockList, 'A page of books’ stock'), 400: json(ErrorBody, 'A parameter is malformed'), ...keyed },
  }),
  stock: createRoute({
    method: 'get',
    path: '/stock/{isbn}',
    tags: ['partners'],
    summary: 'A book’s stock',
    description: 'Scope `stock:read`.',
    security,
    middleware: [requireKey(keys, 'stock:read')] as const,
    request: { params: isbnParam },
    responses: { 200: json(Stock, 'The book’s stock'), 400: json(ErrorBody, 'Not an ISBN'), ...keyed, 404: json(ErrorBody, 'No such book') },
  }),
  stockPut: createRoute({
    method: 'put',
    path: '/stock/{isbn}',
    tags: ['partners'],
    summary: 'Set a book’s stock',
    description: 'Scope `stock:write`. Audited in the book’s history under the key’s name.',
    security,
    middleware: [requireKey(keys, 'stock:write')] as const,
    request: { params: isbnParam, body: { content: { 'application/json': { schema: StockPut } }, required: true } },
    responses: { 200: json(Stock, 'The book’s stock as saved'), 400: json(ErrorBody, 'The count is not accepted: `error.field` says why'), ...keyed, 404: json(ErrorBody, 'No such book') },
  }),
})

const stockOf = (b: { isbn13: string; stock: number | null; onSale: boolean }) => ({ isbn13: b.isbn13, stock: b.stock, onSale: b.onSale })

/** Partners' operations, each behind an API key with its scope: orders to read, stock to read and set. */
export function partnerApi(app: OpenAPIHono<AppEnv>, { catalog, orders, apiKeys }: PartnerServices) {
  const r = routes(apiKeys)
  const keyed = app as unknown as OpenAPIHono<KeyEnv>
  // Without checkout there are no orders, and no order operations.
  if (orders) {
    keyed
      .openapi(r.orders, async (c) => {
        const { status, page, per_page: perPage } = c.req.valid('query')
        const found = await orders.find({ statuses: status ? [status] : ORDER_STATUSES }, { page, perPage })
        return c.json({ orders: found.orders, total: found.total, page, perPage }, 200)
      })
      .openapi(r.order, async (c) => c.json(await orders.byNumber(c.req.valid('param').number), 200))
  }
  return keyed
    .openapi(r.stockList, async (c) => {
      const { cursor, limit } = c.req.valid('query')
      const page = await catalog.staffList({ sort: 'isbn', cursor, pageSize: limit })
      return c.json({ items: page.rows.map(stockOf), next: page.next }, 200)
    })
    .openapi(r.stock, async (c) => c.json(stockOf(await catalog.getBook(parseIsbn(c.req.valid('param').isbn))), 200))
    .openapi(r.stockPut, async (c) => {
      const isbn13 = parseIsbn(c.req.valid('param').isbn)
      await catalog.getBook(isbn13)
      const key = c.var.apiKey
      const result = await catalog.editBooks([{ isbn13, fields: { stock: c.req.valid('json').stock }, mustExist: true }], { actor: `api_key:${key.id}`, actorName: key.name, via: 'api' })
      const rejected = result.rejected[0]
      if (rejected) {
        const [field, error] = Object.entries(rejected.errors)[0] ?? ['stock', undefined]
        throw new InputError(field, `not accepted (${error?.code ?? 'invalid'})`, { code: error?.code ?? 'invalid' })
      }
      return c.json(stockOf(await catalog.getBook(isbn13)), 200)
    })
}

import { stream } from 'hono/streaming'
import { z } from 'zod'
import { isIsbn, parseIsbn, STAFF_MISSING, STAFF_SORTS, type BulkAction, type CatalogService, type StaffListQuery } from '../../../catalog'
import { csvTable } from '../../../ingest'
import { booksListPage, bulkResultPage, type ListForm } from '../../pages/admin/books-list'
import { href } from '../../pages/context'
import { InputError } from '../../../core/errors'
import { may, route, type AdminRoute } from './access'

// A GET form sends an empty box as "": that is no filter, not a zero.
const blankless = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional())
const many = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(schema))

/** The list's filter and order as the GET form and the column links write them. */
const filterFields = {
  q: blankless(z.string().trim().max(200)),
  missing: many(z.enum(STAFF_MISSING)),
  offSale: blankless(z.literal('1')),
  priceLaw: blankless(z.literal('1')),
  stock: blankless(z.coerce.number().int().min(0).max(1_000_000)),
  run: blankless(z.coerce.number().int().positive()),
  category: blankless(z.string().trim().max(64)),
  sort: blankless(z.enum(STAFF_SORTS)),
  dir: blankless(z.enum(['asc', 'desc'])),
}
const listQuery = z.object({ ...filterFields, after: blankless(z.string().max(400)), isbn: blankless(z.string().max(40)), lang: blankless(z.string()) })

const bulkForm = z.object({
  ...filterFields,
  action: z.enum(['onSale', 'offSale', 'categoryReplace', 'categoryAdd', 'salePrice']),
  categoryId: blankless(z.string().trim().max(64)),
  salePrice: blankless(z.coerce.number().int().min(0).max(100_000_000_000)),
  scope: z.enum(['selected', 'filter']),
  isbn: many(z.string().max(40)),
})

/** The form's fields as the catalog's question. */
function toQuery(form: ListForm): StaffListQuery {
  return {
    text: form.q,
    missing: form.missing.length ? form.missing : undefined,
    offSale: form.offSale === '1' || undefined,
    priceLaw: form.priceLaw === '1' || undefined,
    stockAtMost: form.stock,
    importRun: form.run,
    category: form.category,
    sort: form.sort,
    isDescending: form.dir === 'desc',
  }
}

function toAction(form: z.infer<typeof bulkForm>): BulkAction {
  if (form.action === 'onSale' || form.action === 'offSale') return { kind: 'onSale', onSale: form.action === 'onSale' }
  if (form.action === 'salePrice') return { kind: 'salePrice', salePrice: form.salePrice ?? null }
  return { kind: 'category', categoryId: form.categoryId ?? '', mode: form.action === 'categoryReplace' ? 'replace' : 'add' }
}

const PAGE_SIZE = 50

/** A GET form's fields (a repeated one as a list), read by the schema; a bad one fails as any bad input does. */
function readQuery<T extends z.ZodType>(schema: T, queries: Record<string, string[]>): z.infer<T> {
  const raw = Object.fromEntries(Object.entries(queries).map(([k, v]) => [k, v.length === 1 ? v[0] : v]))
  const parsed = schema.safeParse(raw)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  throw new InputError(issue.path.join('.') || 'query', issue.message)
}

const exportQuery = listQuery.extend({ _csrf: blankless(z.string()), action: blankless(z.string()), categoryId: blankless(z.string()), salePrice: blankless(z.string()), scope: blankless(z.enum(['selected', 'filter'])), isbn: many(z.string().max(40)) })

/**
 * The books list: filters in the query string (a link can be shared), sorted
 * by column, paged by cursor; bulk actions over the ticked books or all a
 * filter matches; the same selection as CSV, streamed.
 */
export const booksListRoutes = ({ catalog }: { catalog: CatalogService }): AdminRoute[] => [
  route('GET', '/books', 'catalog.read', async (c) => {
    const form = readQuery(listQuery, c.req.queries())
    // The old "find a book by ISBN" box still lands on the book itself.
    if (form.isbn && isIsbn(form.isbn)) return c.redirect(href(c.var.page, `/admin/books/${parseIsbn(form.isbn)}`), 302)
    const page = await catalog.staffList({ ...toQuery(form), cursor: form.after, pageSize: PAGE_SIZE })
    const staff = c.var.staff!
    const tree = await catalog.categories()
    return c.html(booksListPage(c.var.page, staff, { form, page, categories: tree.roots, mayWrite: may(staff.role, 'catalog.write') }))
  }),
  route('POST', '/books/bulk', 'catalog.write', async (c) => {
    const body = await c.req.parseBody({ all: true })
    const parsed = bulkForm.safeParse(body)
    if (!parsed.success) return c.html(bulkResultPage(c.var.page, c.var.staff!, { problem: 'invalid' }), 400)
    const form = parsed.data
    const selection = form.scope === 'filter' ? { filter: toQuery(form) } : { isbns: form.isbn }
    if (form.scope === 'selected' && form.isbn.length === 0) return c.html(bulkResultPage(c.var.page, c.var.staff!, { problem: 'nothingSelected' }), 400)
    const staff = c.var.staff!
    const result = await catalog.bulkEdit(toAction(form), selection, { actor: `staff:${staff.id}`, actorName: staff.name, via: 'bulk', action: 'bulk' })
    return c.html(bulkResultPage(c.var.page, staff, { result }))
  }),
  route('GET', '/books/export.csv', 'catalog.read', async (c) => {
    const form = readQuery(exportQuery, c.req.queries())
    const books = form.scope === 'selected' ? selectedBooks(catalog, form.isbn) : catalog.staffListBooks(toQuery(form))
    c.header('Content-Type', 'text/csv; charset=utf-8')
    c.header('Content-Disposition', 'attachment; filename="books.csv"')
    return stream(c, async (out) => {
      for await (const chunk of csvTable(books)) await out.write(chunk)
    })
  }),
]

async function* selectedBooks(catalog: CatalogService, isbns: string[]) {
  const valid = isbns.filter(isIsbn).map((i) => parseIsbn(i))
  const byIsbn = new Map((await catalog.findBooks(valid)).map((b) => [b.isbn13 as string, b]))
  for (const isbn of valid) {
    const book = byIsbn.get(isbn)
    if (book) yield book
  }
}

import { parseIsbn, type CatalogService, type Isbn13 } from '../../../catalog'
import { InputError } from '../../../core/errors'
import type { Context } from 'hono'
import type { AppEnv } from '../../env'
import { coverPage, type CoverView } from '../../pages/admin/covers'
import { href } from '../../pages/context'
import { may, route, type AdminRoute, editedBy } from './access'

const NOTICES = ['uploaded', 'removed'] as const
const MB = 1024 * 1024

/** The cover page for this book and reader, with a notice or the reason an upload was refused. */
async function renderCover(c: Context<AppEnv>, catalog: CatalogService, isbn13: Isbn13, extra: Pick<CoverView, 'notice' | 'refusal'> = {}): Promise<string> {
  const staff = c.var.staff!
  const book = await catalog.getBook(isbn13)
  return coverPage(c.var.page, staff, { book, maxMb: Math.round((catalog.coverMaxBytes / MB) * 10) / 10, mayWrite: may(staff.role, 'catalog.write'), ...extra })
}

/**
 * A book's cover: see it, upload a new one, remove the uploaded one. The
 * upload's body may be as large as the cover limit (src/web/app.ts); the
 * catalog checks the bytes themselves, never the name or the declared type.
 */
export const coversRoutes = ({ catalog }: { catalog: CatalogService }): AdminRoute[] => [
  route('GET', '/books/:isbn/cover', 'catalog.read', async (c) => {
    const notice = NOTICES.find((n) => n === c.req.query('done'))
    return c.html(await renderCover(c, catalog, parseIsbn(c.req.param('isbn') ?? ''), { notice }))
  }),
  route('POST', '/books/:isbn/cover', 'catalog.write', async (c) => {
    const isbn13 = parseIsbn(c.req.param('isbn') ?? '')
    const file = (await c.req.parseBody()).cover
    if (!(file instanceof File) || file.size === 0) {
      return c.html(await renderCover(c, catalog, isbn13, { refusal: { code: 'cover_missing', params: {}, fileName: '' } }), 400)
    }
    try {
      await catalog.setCover(isbn13, { bytes: Buffer.from(await file.arrayBuffer()), fileName: file.name }, `staff:${c.var.staff!.id}`, editedBy(c.var.staff!))
    } catch (err) {
      if (!(err instanceof InputError && err.field === 'cover')) throw err
      return c.html(await renderCover(c, catalog, isbn13, { refusal: { code: err.code, params: err.params, fileName: file.name } }), 400)
    }
    return c.redirect(href(c.var.page, `/admin/books/${isbn13}/cover?done=uploaded`), 303)
  }),
  route('POST', '/books/:isbn/cover/remove', 'catalog.write', async (c) => {
    const isbn13 = parseIsbn(c.req.param('isbn') ?? '')
    await catalog.removeCover(isbn13, editedBy(c.var.staff!))
    return c.redirect(href(c.var.page, `/admin/books/${isbn13}/cover?done=removed`), 303)
  }),
]

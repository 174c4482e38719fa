import { Hono } from 'hono'
import { basicAuth } from 'hono/basic-auth'
import { csrf } from 'hono/csrf'
import { bookFromForm, bookToForm, type BookForm } from '../admin'
import { parseIsbn, type CatalogService } from '../catalog'
import type { AppEnv } from './env'
import { adminHomePage, bookEditPage } from './pages/admin'
import { pageContext } from './pages/context'

/**
 * The staff back office: find a book and edit what its page says. Behind
 * HTTP basic auth over the password from COLOPHON_ADMIN_PASSWORD, with a
 * same-origin check on every form post. Staff pages are English.
 */
export const adminRoutes = ({ catalog, password }: { catalog: CatalogService; password: string }) =>
  new Hono<AppEnv>()
    .use(basicAuth({ username: 'staff', password, realm: 'Colophon back office' }))
    .use(csrf())
    .use(async (c, next) => {
      c.set('page', pageContext({ lang: 'en', explicit: true }, new URL(c.req.url).origin, c.req.path))
      await next()
      c.header('Cache-Control', 'no-store')
    })
    .get('/', async (c) => c.html(adminHomePage(c.var.page, { books: await catalog.countBooks() })))
    .get('/books', (c) => c.redirect(`/admin/books/${parseIsbn(c.req.query('isbn') ?? '')}`, 302))
    .get('/books/:isbn', async (c) => {
      const book = await catalog.getBook(parseIsbn(c.req.param('isbn')))
      const tree = await catalog.categories()
      return c.html(bookEditPage(c.var.page, { isbn13: book.isbn13, form: bookToForm(book), errors: {}, categories: tree.roots, saved: c.req.query('saved') === '1' }))
    })
    .post('/books/:isbn', async (c) => {
      const existing = await catalog.getBook(parseIsbn(c.req.param('isbn')))
      const body = await c.req.parseBody()
      // A field the post leaves out keeps its value; the on-sale box is read only when the form says it had one.
      const posted: BookForm = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : '']))
      const form: BookForm = { ...bookToForm(existing), ...posted }
      if (posted.hasOnSale) form.onSale = posted.onSale ?? ''
      const tree = await catalog.categories()
      const { book, errors } = bookFromForm(existing.isbn13, form, existing)
      const unknown = (form.categoryIds ?? '').split(/[\s,]+/).filter((id) => id && !tree.get(id))
      if (unknown.length) errors.categoryIds = `no category ${unknown.join(', ')}`
      if (!book || Object.keys(errors).length) {
        return c.html(bookEditPage(c.var.page, { isbn13: existing.isbn13, form, errors, categories: tree.roots, saved: false }), 400)
      }
      await catalog.saveBooks([book])
      return c.redirect(`/admin/books/${existing.isbn13}?saved=1`, 303)
    })

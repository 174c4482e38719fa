import { Hono } from 'hono'
import { basicAuth } from 'hono/basic-auth'
import { parseIsbn, type Book, type CatalogService, type CategoryNode } from '../../../catalog'
import type { Logger } from '../../../core/logger'
import type { AppEnv } from '../../env'
import { adminHomePage, bookEditPage } from '../../pages/admin'
import { href, type PageContext } from '../../pages/context'
import { bookToForm, formFieldOf, formToEdit, type BookForm, type FormErrors } from './book-form'
import { signInGuard } from './sign-in'
import { createSignInThrottle, type SignInThrottle } from './throttle'

export interface AdminOptions {
  catalog: CatalogService
  password: string
  /** Hears the warning when an address or account is blocked from signing in. */
  logger?: Logger
  throttle?: SignInThrottle
}

/**
 * The staff back office: find a book and edit what its page says. Behind
 * HTTP basic auth over the password from COLOPHON_ADMIN_PASSWORD, throttled
 * against guessing; the request gate refuses form posts from other sites or
 * without the session's form token. Staff read it in Korean or English, as shoppers do.
 */
export const adminRoutes = ({ catalog, password, logger, throttle = createSignInThrottle('staff') }: AdminOptions) =>
  new Hono<AppEnv>()
    .use(async (c, next) => {
      await next()
      c.header('Cache-Control', 'no-store')
    })
    .use(basicAuth({ realm: 'Colophon back office', verifyUser: signInGuard({ password, throttle, logger }) }))
    .get('/', async (c) => c.html(adminHomePage(c.var.page, { books: await catalog.countBooks() })))
    .get('/books', (c) => c.redirect(href(c.var.page, `/admin/books/${parseIsbn(c.req.query('isbn') ?? '')}`), 302))
    .get('/books/:isbn', async (c) => {
      const book = await catalog.getBook(parseIsbn(c.req.param('isbn')))
      const tree = await catalog.categories()
      return c.html(bookEditPage(c.var.page, { isbn13: book.isbn13, form: bookToForm(book), errors: {}, categories: tree.roots, saved: c.req.query('saved') === '1' }))
    })
    .post('/books/:isbn', async (c) => {
      const book = await catalog.getBook(parseIsbn(c.req.param('isbn')))
      const body = await c.req.parseBody()
      const posted: BookForm = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : '']))
      const { edit, errors } = formToEdit(book, posted)
      // Nothing is saved while any field is wrong, and every wrong field is named at once.
      const { rejected, applied } = Object.keys(errors).length ? await catalog.checkEdits([edit]) : await catalog.editBooks([edit])
      // A sale price the book price law refuses is not stored: the rest is saved, and the form says why that field was not.
      for (const [path, error] of Object.entries({ ...applied[0]?.refused, ...rejected[0]?.errors })) errors[formFieldOf(path)] ??= error
      if (Object.keys(errors).length) return c.html(editAgainPage(c.var.page, book, posted, errors, (await catalog.categories()).roots), 400)
      return c.redirect(href(c.var.page, `/admin/books/${book.isbn13}?saved=1`), 303)
    })

/** The form as posted, over the book as stored, with what is wrong with it. */
function editAgainPage(page: PageContext, book: Book, posted: BookForm, errors: FormErrors, categories: CategoryNode[]): string {
  const form: BookForm = { ...bookToForm(book), ...posted }
  if (posted.hasOnSale) form.onSale = posted.onSale ?? ''
  return bookEditPage(page, { isbn13: book.isbn13, form, errors, categories, saved: false })
}

import type { Context } from 'hono'
import { parseIsbn, type Book, type CatalogService, type CategoryNode } from '../../../catalog'
import type { AppEnv } from '../../env'
import { adminHomePage, bookEditPage } from '../../pages/admin/books'
import { href } from '../../pages/context'
import { route, type AdminRoute, editedBy } from './access'
import { bookToForm, formFieldOf, formToEdit, type BookForm, type FormErrors } from './book-form'

/** The back office's front page, and a book with everything its page says, to edit (the list at /books finds it by ISBN). */
export function booksRoutes({ catalog }: { catalog: CatalogService }): AdminRoute[] {
  return [
    route('GET', '/', 'staff.self', async (c) => c.html(adminHomePage(c.var.page, c.var.staff!, { books: await catalog.countBooks() }))),
    route('GET', '/books/:isbn', 'catalog.read', async (c) => {
      const book = await catalog.getBook(parseIsbn(c.req.param('isbn')!))
      const tree = await catalog.categories()
      return c.html(bookEditPage(c.var.page, c.var.staff!, { isbn13: book.isbn13, form: bookToForm(book), errors: {}, categories: tree.roots, saved: c.req.query('saved') === '1' }))
    }),
    route('POST', '/books/:isbn', 'catalog.write', async (c) => {
      const book = await catalog.getBook(parseIsbn(c.req.param('isbn')!))
      const body = await c.req.parseBody()
      const posted: BookForm = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : '']))
      const { edit, errors } = formToEdit(book, posted)
      // Nothing is saved while any field is wrong, and every wrong field is named at once.
      const { rejected, applied } = Object.keys(errors).length ? await catalog.checkEdits([edit]) : await catalog.editBooks([edit], editedBy(c.var.staff!))
      // A sale price the book price law refuses is not stored: the rest is saved, and the form says why that field was not.
      for (const [path, error] of Object.entries({ ...applied[0]?.refused, ...rejected[0]?.errors })) errors[formFieldOf(path)] ??= error
      if (Object.keys(errors).length) return c.html(editAgainPage(c, book, posted, errors, (await catalog.categories()).roots), 400)
      return c.redirect(href(c.var.page, `/admin/books/${book.isbn13}?saved=1`), 303)
    }),
  ]
}

/** The form as posted, over the book as stored, with what is wrong with it. */
function editAgainPage(c: Context<AppEnv>, book: Book, posted: BookForm, errors: FormErrors, categories: CategoryNode[]): string {
  const form: BookForm = { ...bookToForm(book), ...posted }
  if (posted.hasOnSale) form.onSale = posted.onSale ?? ''
  return bookEditPage(c.var.page, c.var.staff!, { isbn13: book.isbn13, form, errors, categories, saved: false })
}

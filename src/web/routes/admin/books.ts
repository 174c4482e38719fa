import type { Context } from 'hono'
import { hyphenate, parseIsbn, type Book, type CatalogService, type Isbn13 } from '../../../catalog'
import { InputError } from '../../../core/errors'
import type { AppEnv } from '../../env'
import { bookEditPage } from '../../pages/admin/books'
import { href } from '../../pages/context'
import { route, type AdminRoute, editedBy } from './access'
import { bookToForm, formFieldOf, formToEdit, pressedTocButton, tocToForm, type BookForm, type FormErrors } from './book-form'

const postedForm = async (c: Context<AppEnv>): Promise<BookForm> =>
  Object.fromEntries(Object.entries(await c.req.parseBody()).map(([k, v]) => [k, typeof v === 'string' ? v : '']))

/** A new book's form starts as a paperback in Korean won, on sale, with one blank contents row. */
const NEW_BOOK: BookForm = { format: 'paperback', currency: 'KRW', language: 'kor', onSale: 'on', stock: '0', ...tocToForm([{ kind: 'chapter', title: '' }]) }

/** A book with everything its page says, to edit; and a new book. */
export function booksRoutes({ catalog }: { catalog: CatalogService }): AdminRoute[] {
  const formPage = async (c: Context<AppEnv>, view: { book?: Book; form: BookForm; errors?: FormErrors; saved?: boolean }, status: 200 | 400 = 200) =>
    c.html(
      bookEditPage(c.var.page, c.var.staff!, {
        isbn13: view.book?.isbn13,
        isbnDisplay: view.book && hyphenate(view.book.isbn13).isbn13h,
        form: view.form,
        errors: view.errors ?? {},
        categories: (await catalog.categories()).roots,
        saved: view.saved ?? false,
      }),
      status,
    )

  /** Saves the posted form as an edit of `book` (or a new book), naming every wrong field at once; undefined when it was saved. */
  async function save(c: Context<AppEnv>, isbn13: Isbn13, posted: BookForm, book?: Book): Promise<FormErrors | undefined> {
    const { edit, errors } = formToEdit(isbn13, posted, book)
    const { rejected, applied } = Object.keys(errors).length ? await catalog.checkEdits([edit]) : await catalog.editBooks([edit], editedBy(c.var.staff!))
    // A sale price the book price law refuses is not stored: the rest is saved, and the form says why that field was not.
    for (const [path, error] of Object.entries({ ...applied[0]?.refused, ...rejected[0]?.errors })) errors[formFieldOf(path)] ??= error
    return Object.keys(errors).length ? errors : undefined
  }

  return [
    route('GET', '/books/new', 'catalog.write', (c) => formPage(c, { form: NEW_BOOK })),
    route('POST', '/books/new', 'catalog.write', async (c) => {
      const posted = await postedForm(c)
      const pressed = pressedTocButton(posted)
      if (pressed) return formPage(c, { form: pressed })
      let isbn13: Isbn13
      try {
        isbn13 = parseIsbn(posted.isbn ?? '')
      } catch (e) {
        if (!(e instanceof InputError)) throw e
        return formPage(c, { form: posted, errors: { isbn: { code: e.code as `isbn_${string}`, params: e.params ?? {} } } }, 400)
      }
      if ((await catalog.findBooks([isbn13])).length) return formPage(c, { form: posted, errors: { isbn: { code: 'already_in_catalog', params: { isbn: hyphenate(isbn13).isbn13h } } } }, 400)
      const errors = await save(c, isbn13, posted)
      if (errors) return formPage(c, { form: posted, errors }, 400)
      return c.redirect(href(c.var.page, `/admin/books/${isbn13}?saved=1`), 303)
    }),
    route('GET', '/books/:isbn', 'catalog.read', async (c) => {
      const book = await catalog.getBook(parseIsbn(c.req.param('isbn')!))
      return formPage(c, { book, form: bookToForm(book), saved: c.req.query('saved') === '1' })
    }),
    route('POST', '/books/:isbn', 'catalog.write', async (c) => {
      const book = await catalog.getBook(parseIsbn(c.req.param('isbn')!))
      const posted = await postedForm(c)
      const pressed = pressedTocButton(posted)
      if (pressed) return formPage(c, { book, form: pressed })
      const errors = await save(c, book.isbn13, posted, book)
      if (errors) return formPage(c, { book, form: againForm(book, posted), errors }, 400)
      return c.redirect(href(c.var.page, `/admin/books/${book.isbn13}?saved=1`), 303)
    }),
  ]
}

/** The form as posted, over the book as stored (whose contents and translation rows give way to posted ones). */
function againForm(book: Book, posted: BookForm): BookForm {
  const stored = Object.entries(bookToForm(book)).filter(([k]) => !(posted.tocRows && k.startsWith('toc.')) && !(posted.hasTranslations && k.startsWith('tr.')))
  const form: BookForm = { ...Object.fromEntries(stored), ...posted }
  if (posted.hasOnSale) form.onSale = posted.onSale ?? ''
  return form
}

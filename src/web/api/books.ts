import { Hono } from 'hono'
import { parseIsbn, type CatalogService } from '../../catalog'

/** The product record as JSON: the same service the page uses. */
export const booksApi = ({ catalog }: { catalog: CatalogService }) =>
  new Hono().get('/:isbn', async (c) => {
    const raw = c.req.param('isbn')
    const isbn13 = parseIsbn(raw)
    if (raw !== isbn13) return c.redirect(`/api/books/${isbn13}`, 301)
    return c.json(await catalog.getBook(isbn13))
  })

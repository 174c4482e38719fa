import { Hono } from 'hono'
import { generatedCoverSvg, parseIsbn, type CatalogService } from '../catalog'
import { InputError, NotFoundError } from '../core/errors'
import type { Logger } from '../core/logger'
import type { SearchService } from '../search'
import { booksApi } from './api/books'
import { searchApi } from './api/search'
import { assetsByUrl } from './assets'
import { pickLang } from './i18n'
import { valid } from './middleware/validate'
import { categoryPage, categoryTreePage } from './pages/category'
import { pageContext, type PageContext } from './pages/context'
import { errorPage } from './pages/error'
import { homePage } from './pages/home'
import { productPage } from './pages/product'
import { searchPage } from './pages/search'
import { listingQuery, listingState, toSearchParams } from './search-query'

export interface AppServices {
  catalog: CatalogService
  search: SearchService
  logger: Logger
}

export type AppEnv = { Variables: { page: PageContext } }

const RELATED_BOOKS = 12
const NEW_ARRIVALS = 12
const CATEGORY_PAGE_SIZE = 24

function today(): string {
  return new Date().toISOString().slice(0, 10)
}

export function createApp({ catalog, search, logger }: AppServices) {
  const app = new Hono<AppEnv>()

  app.use(async (c, next) => {
    const url = new URL(c.req.url)
    url.searchParams.delete('lang')
    const lang = pickLang(c.req.query('lang'), c.req.header('accept-language'))
    c.set('page', pageContext(lang, new URL(c.req.url).origin, url.pathname + url.search))
    await next()
    c.header('Vary', 'Accept-Language', { append: true })
  })

  app.get('/', async (c) => {
    const [newArrivals, tree] = await Promise.all([catalog.newArrivals(NEW_ARRIVALS, today()), catalog.categories()])
    return c.html(homePage(c.var.page, { newArrivals, roots: tree.roots }))
  })

  app.get('/books/:isbn', async (c) => {
    const raw = c.req.param('isbn')
    const isbn13 = parseIsbn(raw)
    if (raw !== isbn13) return c.redirect(`/books/${isbn13}${c.req.query('lang') ? `?lang=${c.req.query('lang')}` : ''}`, 301)
    const book = await catalog.getBook(isbn13)
    const [categories, related] = await Promise.all([catalog.categories(), catalog.related(book, RELATED_BOOKS)])
    return c.html(productPage(c.var.page, { book, categories, related, today: today() }))
  })

  app.get('/categories', async (c) => c.html(categoryTreePage(c.var.page, (await catalog.categories()).roots)))

  app.get('/categories/:id', valid('query', listingQuery), async (c) => {
    const query = c.req.valid('query')
    const listing = await search.categoryListing(c.req.param('id'), toSearchParams(query, CATEGORY_PAGE_SIZE))
    return c.html(categoryPage(c.var.page, listing, listingState(query)))
  })

  app.get('/search', valid('query', listingQuery), async (c) => {
    const query = c.req.valid('query')
    return c.html(searchPage(c.var.page, await search.search(toSearchParams(query, CATEGORY_PAGE_SIZE)), listingState(query)))
  })

  app.get('/covers/:file{[0-9Xx-]+\\.svg}', async (c) => {
    const isbn13 = parseIsbn(c.req.param('file').slice(0, -4))
    const [book] = await catalog.summaries([isbn13])
    if (!book) throw new NotFoundError('book', isbn13)
    c.header('Content-Type', 'image/svg+xml; charset=utf-8')
    c.header('Cache-Control', 'public, max-age=86400')
    return c.body(generatedCoverSvg({ isbn13, title: book.title, contributor: book.contributors[0]?.name }))
  })

  app.get('/assets/:file', (c) => {
    const asset = assetsByUrl.get(c.req.path)
    if (!asset) throw new NotFoundError('asset', c.req.path)
    c.header('Content-Type', asset.contentType)
    c.header('Cache-Control', 'public, max-age=31536000, immutable')
    return c.body(new Uint8Array(asset.body))
  })

  app.route('/api/books', booksApi({ catalog }))
  app.route('/api', searchApi({ search }))

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) return c.json({ error: 'not found' }, 404)
    return c.html(errorPage(c.var.page, 404), 404)
  })

  // The one place where errors become HTTP answers.
  app.onError((err, c) => {
    const isApi = c.req.path.startsWith('/api/')
    const status = err instanceof InputError ? 400 : err instanceof NotFoundError ? 404 : 500
    if (status === 500) logger.error({ err, path: c.req.path }, 'request failed')
    const message = status === 400 ? err.message : status === 404 ? err.message : 'internal error'
    if (isApi) return c.json({ error: message }, status)
    const page = c.var.page ?? pageContext('ko', new URL(c.req.url).origin, c.req.path)
    return c.html(errorPage(page, status, message), status)
  })

  return app
}

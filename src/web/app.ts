import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import { requestId } from 'hono/request-id'
import { coverFingerprint, generatedCoverSvg, parseIsbn, type CatalogService } from '../catalog'
import type { CommerceService } from '../commerce'
import { InputError, NotFoundError, StoreUnavailableError } from '../core/errors'
import type { Logger } from '../core/logger'
import { isBot, type Recommended, type RecommendService } from '../recommend'
import type { SearchService } from '../search'
import { adminRoutes } from './admin'
import { booksApi } from './api/books'
import { searchApi } from './api/search'
import { onixFeed } from './feeds/onix'
import { opdsRoutes } from './feeds/opds'
import { sitemapRoutes } from './feeds/sitemap'
import { assets, assetsByUrl } from './assets'
import { cartRoutes } from './cart-routes'
import type { AppEnv } from './env'
import type { Metrics } from './metrics'
import { session } from './middleware/session'
import { valid } from './middleware/validate'
import { compressPage, type AnswerKind, type CachedPage, type PageCache } from './page-cache'
import { answerPage, answerUncached, headerPairs, pageKey, pickEncoding, requestLang } from './page-response'
import { categoryPage, categoryTreePage } from './pages/category'
import { pageContext } from './pages/context'
import { errorPage } from './pages/error'
import { homePage } from './pages/home'
import { productPage } from './pages/product'
import { searchPage } from './pages/search'
import { listingQuery, listingState, toSearchParams } from './search-query'

export interface AppServices {
  catalog: CatalogService
  search: SearchService
  recommend: RecommendService
  commerce: CommerceService
  logger: Logger
  metrics?: Metrics
  /** Absent: every page is rendered on every request (--no-page-cache). */
  pageCache?: PageCache
  /** Whether GET /metrics is answered on this app (else it is off or on its own port). */
  exposeMetrics?: boolean
  /** Answers /readyz: resolves when the database answers. */
  ping?: () => Promise<void>
  /** The back office's password; without one /admin does not exist. */
  adminPassword?: string
}


const NEW_ARRIVALS = 12
const CATEGORY_PAGE_SIZE = 24
const MAX_BODY_BYTES = 64 * 1024

function today(): string {
  return new Date().toISOString().slice(0, 10)
}

export function createApp({ catalog, search, recommend, commerce, logger, metrics, pageCache, exposeMetrics, ping, adminPassword }: AppServices) {
  const app = new Hono<AppEnv>()

  /** Renders a cacheable page (or takes it from a render that just finished), then answers it compressed, with validators. */
  async function sendPage(c: Context<AppEnv>, route: string, deps: (html: string) => CachedPage['deps'], render: () => Promise<string>, kind?: AnswerKind) {
    const started = performance.now()
    const html = await render()
    metrics?.render.observe({ route }, (performance.now() - started) / 1000)
    const req = { acceptEncoding: c.req.header('accept-encoding'), ifNoneMatch: c.req.header('if-none-match'), isHead: c.req.method === 'HEAD' }
    let answer: { status: 200 | 304; headers: Record<string, string>; body: Buffer | undefined }
    if (pageCache) {
      const page = compressPage(html, deps(html), pickEncoding(req.acceptEncoding), kind)
      metrics?.cacheMisses.inc()
      pageCache.put(pageKey(c.var.page, c.req.url), page, c.var.cacheGeneration)
      const cached = answerPage(page, req)
      answer = { ...cached, headers: Object.fromEntries(headerPairs(cached.headers)) }
    } else {
      answer = answerUncached(html, req, kind)
    }
    const headers = answer.headers
    if (!answer.body) return c.body(null, answer.status, headers)
    return c.body(new Uint8Array(answer.body.buffer, answer.body.byteOffset, answer.body.byteLength) as Uint8Array<ArrayBuffer>, 200, headers)
  }

  app.use(requestId())
  app.use(async (c, next) => {
    const started = performance.now()
    await next()
    const route = c.req.routePath || 'unmatched'
    metrics?.requests.inc({ route, status: c.res.status })
    metrics?.duration.observe({ route }, (performance.now() - started) / 1000)
    logger.debug({ reqId: c.var.requestId, method: c.req.method, path: c.req.path, status: c.res.status, ms: +(performance.now() - started).toFixed(2) }, 'request')
  })
  app.use(bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.text('request body too large', 413) }))
  app.use(async (c, next) => {
    const url = new URL(c.req.url)
    const chosen = requestLang(url.pathname + url.search, c.req.header('accept-language'))
    url.searchParams.delete('lang')
    c.set('page', pageContext(chosen, url.origin, url.pathname + url.search))
    if (pageCache) {
      await pageCache.refresh()
      c.set('cacheGeneration', pageCache.generation)
    }
    await next()
    if (!c.res.headers.get('vary')?.includes('Accept-Language')) c.header('Vary', 'Accept-Language', { append: true })
  })
  app.use(session())

  app.get('/', async (c) => {
    const home = async (forYou: Recommended[] = []) => {
      const [newArrivals, categories] = await Promise.all([catalog.newArrivals(NEW_ARRIVALS, today()), catalog.categories()])
      return homePage(c.var.page, { newArrivals, categories, forYou })
    }
    // A returning session's home is its own: rendered for it alone, never cached.
    const forYou = c.var.session.id ? await recommend.forSession(c.var.session.id) : []
    if (forYou.length) return c.html(await home(forYou), 200, { 'Cache-Control': 'no-store' })
    return sendPage(c, 'home', () => 'listing', () => home())
  })

  app.get('/books/:isbn', async (c) => {
    const raw = c.req.param('isbn')
    const isbn13 = parseIsbn(raw)
    if (raw !== isbn13) return c.redirect(`/books/${isbn13}${c.var.page.explicit ? `?lang=${c.var.page.lang}` : ''}`, 301)
    let shown: string[] = []
    const answer = await sendPage(c, 'product', () => shown, async () => {
      const book = await catalog.getBook(isbn13)
      const [categories, related] = await Promise.all([catalog.categories(), recommend.forBook(book)])
      shown = [isbn13, ...related.map((r) => r.book.isbn13)]
      return productPage(c.var.page, { book, categories, related, today: today() })
    })
    // Views served from the page cache are recorded in server.ts, before Hono runs.
    if (!isBot(c.req.header('user-agent'))) recommend.events.record(c.var.session.ensure(), isbn13, 'view')
    return answer
  })

  app.get('/categories', (c) => sendPage(c, 'categories', () => 'listing', async () => categoryTreePage(c.var.page, (await catalog.categories()).roots)))

  app.get('/categories/:id', valid('query', listingQuery), (c) =>
    sendPage(c, 'category', () => 'listing', async () => {
      const query = c.req.valid('query')
      const listing = await search.categoryListing(c.req.param('id'), toSearchParams(query, CATEGORY_PAGE_SIZE))
      return categoryPage(c.var.page, listing, listingState(query))
    }),
  )

  // Shoppers ask the same few queries most: a results page is cached like a shelf, until the catalog changes.
  app.get('/search', valid('query', listingQuery), (c) =>
    sendPage(c, 'search', () => 'listing', async () => {
      const query = c.req.valid('query')
      return searchPage(c.var.page, await search.search(toSearchParams(query, CATEGORY_PAGE_SIZE)), listingState(query))
    }),
  )

  app.get('/covers/:file{[0-9A-Za-z-]+\\.svg}', async (c) => {
    const [isbn, fingerprint] = c.req.param('file').slice(0, -4).split(/-(?=[0-9a-z]+$)/) as [string, string | undefined]
    const isbn13 = parseIsbn(isbn)
    const [book] = await catalog.summaries([isbn13])
    if (!book) throw new NotFoundError('book', isbn13)
    const contributor = book.contributors[0]?.name
    const current = coverFingerprint(book.title, contributor)
    // An old fingerprint means the title changed: send the reader to the cover that shows it now.
    if (fingerprint !== current) return c.redirect(`/covers/${isbn13}-${current}.svg`, 302)
    c.header('Content-Type', 'image/svg+xml; charset=utf-8')
    c.header('Cache-Control', 'public, max-age=31536000, immutable')
    return c.body(generatedCoverSvg({ isbn13, title: book.title, contributor }))
  })

  app.get('/assets/:file', (c) => {
    const asset = assetsByUrl.get(c.req.path)
    if (!asset) throw new NotFoundError('asset', c.req.path)
    c.header('Content-Type', asset.contentType)
    c.header('Cache-Control', 'public, max-age=31536000, immutable')
    return c.body(new Uint8Array(asset.body))
  })

  app.get('/favicon.ico', (c) => c.redirect(assets.icon.url, 301))

  app.route('/api/books', booksApi({ catalog }))
  app.route('/', sitemapRoutes({ catalog }))
  app.route('/opds', opdsRoutes({ catalog }))
  app.route('/feeds', onixFeed({ catalog }))
  if (adminPassword) app.route('/admin', adminRoutes({ catalog, password: adminPassword }))
  app.route('/', cartRoutes({ catalog, commerce, recommend }))

  app.get('/healthz', (c) => c.text('ok'))
  app.get('/readyz', async (c) => {
    try {
      await ping?.()
      return c.text('ready')
    } catch (err) {
      logger.warn({ err }, 'database not reachable')
      return c.text('database unreachable', 503)
    }
  })
  if (exposeMetrics && metrics) {
    app.get('/metrics', async (c) => c.text(await metrics.registry.metrics(), 200, { 'Content-Type': metrics.registry.contentType }))
  }
  app.route('/api', searchApi({ search, cached: (c, route, render, kind) => sendPage(c, route, () => 'listing', render, kind) }))

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) return c.json({ error: 'not found' }, 404)
    return c.html(errorPage(c.var.page, 404), 404)
  })

  // The one place where errors become HTTP answers.
  app.onError((err, c) => {
    // Hono's own middleware (basic auth, CSRF) answers through HTTPException with its status.
    if (err instanceof HTTPException) return err.getResponse()
    const isApi = c.req.path.startsWith('/api/')
    const status = err instanceof InputError ? 400 : err instanceof NotFoundError ? 404 : err instanceof StoreUnavailableError ? 503 : 500
    if (status === 500) logger.error({ err, reqId: c.var.requestId, path: c.req.path }, 'request failed')
    if (status === 503) {
      logger.warn({ err: err.message, reqId: c.var.requestId, path: c.req.path }, 'database unavailable')
      c.header('Retry-After', '5')
    }
    const message = status === 500 ? 'internal error' : status === 503 ? 'temporarily unavailable' : err.message
    if (isApi) return c.json({ error: message }, status)
    const page = c.var.page ?? pageContext({ lang: 'ko', explicit: false }, new URL(c.req.url).origin, c.req.path)
    return c.html(errorPage(page, status, message), status)
  })

  return app
}

import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { requestId } from 'hono/request-id'
import { z } from 'zod'
import { generatedCoverSvg, parseIsbn, type CatalogService } from '../catalog'
import { InputError, NotFoundError, StoreUnavailableError } from '../core/errors'
import type { Logger } from '../core/logger'
import { booksApi } from './api/books'
import { assets, assetsByUrl } from './assets'
import type { Metrics } from './metrics'
import { valid } from './middleware/validate'
import { compressPage, type CachedPage, type PageCache } from './page-cache'
import { answerPage, headerPairs, pageKey, requestLang } from './page-response'
import { categoryPage } from './pages/category'
import { pageContext, type PageContext } from './pages/context'
import { errorPage } from './pages/error'
import { homePage } from './pages/home'
import { productPage } from './pages/product'

export interface AppServices {
  catalog: CatalogService
  logger: Logger
  metrics?: Metrics
  /** Absent: every page is rendered on every request (--no-page-cache). */
  pageCache?: PageCache
  /** Whether GET /metrics is answered on this app (else it is off or on its own port). */
  exposeMetrics?: boolean
  /** Answers /readyz: resolves when the database answers. */
  ping?: () => Promise<void>
}

export type AppEnv = { Variables: { page: PageContext; cacheGeneration: number } }

const RELATED_BOOKS = 12
const NEW_ARRIVALS = 12
const CATEGORY_PAGE_SIZE = 24
const MAX_BODY_BYTES = 64 * 1024

const pageQuery = z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) })

function today(): string {
  return new Date().toISOString().slice(0, 10)
}

export function createApp({ catalog, logger, metrics, pageCache, exposeMetrics, ping }: AppServices) {
  const app = new Hono<AppEnv>()

  /** Renders a cacheable page (or takes it from a render that just finished), then answers it compressed, with validators. */
  async function sendPage(c: Context<AppEnv>, route: string, deps: (html: string) => CachedPage['deps'], render: () => Promise<string>) {
    const started = performance.now()
    const html = await render()
    metrics?.render.observe({ route }, (performance.now() - started) / 1000)
    const page = compressPage(html, deps(html))
    if (pageCache) {
      metrics?.cacheMisses.inc()
      pageCache.put(pageKey(c.var.page, c.req.url), page, c.var.cacheGeneration)
    }
    const answer = answerPage(page, { acceptEncoding: c.req.header('accept-encoding'), ifNoneMatch: c.req.header('if-none-match'), isHead: c.req.method === 'HEAD' })
    const headers = Object.fromEntries(headerPairs(answer.headers))
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

  app.get('/', (c) =>
    sendPage(c, 'home', () => 'listing', async () => {
      const [newArrivals, tree] = await Promise.all([catalog.newArrivals(NEW_ARRIVALS, today()), catalog.categories()])
      return homePage(c.var.page, { newArrivals, roots: tree.roots })
    }),
  )

  app.get('/books/:isbn', async (c) => {
    const raw = c.req.param('isbn')
    const isbn13 = parseIsbn(raw)
    if (raw !== isbn13) return c.redirect(`/books/${isbn13}${c.var.page.explicit ? `?lang=${c.var.page.lang}` : ''}`, 301)
    let shown: string[] = []
    return sendPage(c, 'product', () => shown, async () => {
      const book = await catalog.getBook(isbn13)
      const [categories, related] = await Promise.all([catalog.categories(), catalog.related(book, RELATED_BOOKS)])
      shown = [isbn13, ...related.map((b) => b.isbn13)]
      return productPage(c.var.page, { book, categories, related, today: today() })
    })
  })

  app.get('/categories/:id', valid('query', pageQuery), (c) =>
    sendPage(c, 'category', () => 'listing', async () => {
      const { page } = c.req.valid('query')
      return categoryPage(c.var.page, await catalog.booksInCategory(c.req.param('id'), page, CATEGORY_PAGE_SIZE))
    }),
  )

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

  app.get('/favicon.ico', (c) => c.redirect(assets.icon.url, 301))

  app.route('/api/books', booksApi({ catalog }))

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

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) return c.json({ error: 'not found' }, 404)
    return c.html(errorPage(c.var.page, 404), 404)
  })

  // The one place where errors become HTTP answers.
  app.onError((err, c) => {
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

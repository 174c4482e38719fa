import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import { requestId } from 'hono/request-id'
import type { AccountsService, ApiKeyService, StaffService } from '../accounts'
import type { AuditService } from '../audit'
import type { CatalogService } from '../catalog'
import type { CommerceService, OrderService } from '../commerce'
import type { PaymentsService } from '../payments'
import { StoreUnavailableError } from '../core/errors'
import type { Logger } from '../core/logger'
import type { RecommendService } from '../recommend'
import type { ReviewsService } from '../reviews'
import type { WishlistService } from '../wishlist'
import type { SearchService } from '../search'
import type { AppEnv } from './env'
import { errorAnswer } from './error-answer'
import { Gate } from './gate'
import type { Metrics } from './metrics'
import { accountSession, gateway, sealed } from './middleware/gate'
import type { PageCache } from './page-cache'
import { pageSender } from './page-sender'
import { errorPage } from './pages/error'
import { accountRoutes, type Mailer } from './routes/account'
import { adminRoutes } from './routes/admin'
import type { ImportUploads } from './routes/admin/imports'
import { legacyApiRoutes } from './routes/api'
import { apiV1Routes } from './routes/api-v1'
import { cartRoutes } from './routes/cart'
import { checkoutRoutes } from './routes/checkout'
import { paymentRoutes } from './routes/payments'
import { reviewRoutes } from './routes/reviews'
import { wishlistRoutes } from './routes/wishlist'
import type { ShopFacts } from './storefront'
import { feedRoutes } from './routes/feeds'
import { opsRoutes } from './routes/ops'
import { shopRoutes } from './routes/shop'
import { opdsRoutes } from './feeds/opds'
import { shoppingFeedRoutes } from './feeds/shopping-routes'
import { sitemapRoutes } from './feeds/sitemap'

export interface AppServices {
  catalog: CatalogService
  search: SearchService
  recommend: RecommendService
  commerce: CommerceService
  logger: Logger
  metrics?: Metrics
  /** The request gate; absent, one with a random secret (tests). */
  gate?: Gate
  /** The store's public origin; absent, pages link root-relative. */
  publicUrl?: string
  /** Absent: every page is rendered on every request (--no-page-cache). */
  pageCache?: PageCache
  /** Whether GET /metrics is answered on this app (else it is off or on its own port). */
  exposeMetrics?: boolean
  /** Answers /readyz: resolves when the database answers. */
  ping?: () => Promise<void>
  /** Staff accounts: the back office at /admin. */
  staff?: StaffService
  /** Partners' bearer tokens for the ONIX feed; none, and the feed is off. */
  feedTokens?: string[]
  /** Where the ONIX feed's files are written. */
  feedDir?: string
  /** Customer accounts; with a mailer, /account exists. */
  accounts?: AccountsService
  mailer?: Mailer
  /** Checkout and orders; with them, /checkout exists. */
  orders?: OrderService
  storefront?: ShopFacts
  payments?: PaymentsService
  /** The audit log: with it, the back office shows a book's history. */
  audit?: AuditService
  /** Feed imports: with them, the back office takes ONIX, MARC and CSV uploads. */
  imports?: ImportUploads
  /** Readers' reviews and wishlists: with accounts, their pages and forms exist. */
  reviews?: ReviewsService
  wishlist?: WishlistService
  /** Partners' API keys: with them, /api/v1's orders and stock, and /admin/api-keys. */
  apiKeys?: ApiKeyService
  /** Open API requests allowed per client address a minute (default API_RATE_LIMIT's). */
  apiRatePerMinute?: number
}

const MAX_BODY_BYTES = 64 * 1024
/** A cover upload's form: the image, as large as the cover limit allows, plus room for the token field and multipart headers. */
const COVER_FORM_SLACK = 16 * 1024
const COVER_UPLOAD = /^\/admin\/books\/[^/]+\/cover$/
/** The order screens' CSV uploads (tracking numbers, a bank statement): months of a shop's rows fit well within this. */
const CSV_UPLOAD_BYTES = 5 * 1024 * 1024
const CSV_UPLOAD = /^\/admin\/(orders\/tracking|payments\/statements)$/

/** The Hono app: middleware, the areas of the store mounted by path, and the one mapping of errors to answers. */
export function createApp(services: AppServices) {
  const { catalog, search, recommend, commerce, logger, metrics, pageCache, publicUrl } = services
  const gate = services.gate ?? Gate.withRandomSecret({ publicUrl, paymentScript: services.storefront?.card?.sdkUrl })
  const sendPage = pageSender({ gate, pageCache, metrics, logger })
  const app = new Hono<AppEnv>()

  app.use(requestId())
  app.use(sealed(gate))
  app.use(async (c, next) => {
    const started = performance.now()
    await next()
    const route = c.req.routePath || 'unmatched'
    metrics?.requests.inc({ route, status: c.res.status })
    metrics?.duration.observe({ route }, (performance.now() - started) / 1000)
    logger.debug({ reqId: c.var.requestId, method: c.req.method, path: c.req.path, status: c.res.status, ms: +(performance.now() - started).toFixed(2) }, 'request')
  })
  // Liveness and readiness answer before anything that needs the database.
  app.route('/', opsRoutes({ ping: services.ping, logger, metrics: services.exposeMetrics ? metrics : undefined }))
  // Only requests that carry a body are measured: for a GET the check would cost more than the answer.
  const limitBody = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.text('request body too large', 413) })
  // A cover upload may go past 64 KB, up to the cover limit, and the order screens' CSV uploads up to theirs: bodyLimit counts the stream as it arrives and stops at that, so no more is ever held.
  const limitCover = bodyLimit({ maxSize: catalog.coverMaxBytes + COVER_FORM_SLACK, onError: (c) => c.text('request body too large', 413) })
  const limitCsv = bodyLimit({ maxSize: CSV_UPLOAD_BYTES, onError: (c) => c.text('request body too large', 413) })
  app.use((c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    if (c.req.method === 'POST' && COVER_UPLOAD.test(c.req.path)) return limitCover(c, next)
    if (c.req.method === 'POST' && CSV_UPLOAD.test(c.req.path)) return limitCsv(c, next)
    // A feed upload is counted by its route as it streams to disk, and stopped at COLOPHON_IMPORT_MAX_MB: bodyLimit would hold a body sent without a length in memory.
    if (c.req.method === 'POST' && c.req.path === '/admin/imports') return next()
    return limitBody(c, next)
  })
  app.use(gateway(gate, publicUrl))
  app.use(accountSession(gate, services.accounts))
  app.use(async (c, next) => {
    c.set('isStoreDown', false)
    if (pageCache) {
      try {
        await pageCache.refresh()
      } catch (err) {
        if (!(err instanceof StoreUnavailableError)) throw err
        c.set('isStoreDown', true)
      }
      c.set('cacheGeneration', pageCache.generation)
    }
    await next()
  })

  app.route('/', shopRoutes({ catalog, search, recommend, commerce, gate, sendPage, reviews: services.reviews }))
  app.route('/', cartRoutes({ catalog, commerce, recommend, gate, estimate: services.storefront?.estimate }))
  if (services.orders && services.storefront) app.route('/', checkoutRoutes({ accounts: services.accounts, commerce, orders: services.orders, payments: services.payments, shop: services.storefront, gate, logger, catalog }))
  app.route('/api/v1', apiV1Routes({ catalog, search, sendPage, orders: services.orders, apiKeys: services.apiKeys, ratePerMinute: services.apiRatePerMinute }))
  app.route('/api', legacyApiRoutes())
  app.route('/', sitemapRoutes({ catalog, publicUrl }))
  app.route('/opds', opdsRoutes({ catalog, search, commerce, publicUrl }))
  app.route('/feeds/shopping', shoppingFeedRoutes({ catalog, tokens: services.feedTokens, publicUrl }))
  app.route('/feeds', feedRoutes({ catalog, logger, tokens: services.feedTokens, dir: services.feedDir }))
  if (services.payments) app.route('/payments', paymentRoutes({ payments: services.payments, logger }))
  if (services.accounts && services.mailer && services.orders) app.route('/account', accountRoutes({ accounts: services.accounts, mailer: services.mailer, commerce, orders: services.orders, gate, publicUrl, logger }))
  if (services.reviews) app.route('/', reviewRoutes({ reviews: services.reviews, catalog, sendPage }))
  if (services.wishlist) app.route('/', wishlistRoutes({ wishlist: services.wishlist }))
  if (services.staff) app.route('/admin', adminRoutes({ ...services, staff: services.staff, gate, logger }))

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) return c.json({ error: { code: 'not_found' } }, 404)
    return c.html(errorPage(c.var.page, { status: 404 }), 404)
  })
  app.onError((err, c) => {
    // Hono's own middleware (basic auth) answers through HTTPException with its status.
    if (err instanceof HTTPException) return err.getResponse()
    return errorAnswer(c, err, logger)
  })
  return app
}

import { getRequestListener } from '@hono/node-server'
import { loadGazetteer } from '../atlas'
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { AccountsService, ApiKeyService, StaffService } from '../accounts'
import type { AuditService } from '../audit'
import type { ReviewsService } from '../reviews'
import type { WishlistService } from '../wishlist'
import type { CatalogService } from '../catalog'
import type { CommerceService, OrderService } from '../commerce'
import type { Logger } from '../core/logger'
import type { PaymentsService } from '../payments'
import type { SearchService } from '../search'
import type { RecommendService } from '../recommend'
import { createApp } from './app'
import { connectionOptions, limitConnections } from './connections'
import { createMetrics, type Metrics } from './metrics'
import { PageCache } from './page-cache'
import { cachedAnswer } from './fast-path'
import { Gate } from './gate'
import type { ShopFacts } from './storefront'
import type { Mailer } from './routes/account'
import type { WebhookService } from '../webhooks'
import type { ImportUploads } from './routes/admin/imports'

/** Connections waiting to be accepted: enough for a burst of a few thousand. */
const LISTEN_BACKLOG = 4096

export interface ServerServices {
  catalog: CatalogService
  search: SearchService
  recommend: RecommendService
  commerce: CommerceService
  logger: Logger
  /** The store's commit counter (Store.foreignCommits); the page cache needs it. */
  foreignCommits: () => number
  ping?: () => Promise<void>
  /** Open API requests allowed per client address a minute. */
  apiRatePerMinute?: number
  /** Customer accounts; with a mailer, /account exists. */
  accounts?: AccountsService
  mailer?: Mailer
  /** Checkout and orders; with them, /checkout exists. */
  orders?: OrderService
  storefront?: ShopFacts
  /** Bank transfers and card payments; with `storefront.card`, checkout offers cards. */
  payments?: PaymentsService
  /** Staff accounts: the back office at /admin. */
  staff?: StaffService
  /** The audit log: with it, the back office shows a book's history. */
  audit?: AuditService
  /** Feed imports from the back office. */
  imports?: ImportUploads
  /** Readers' reviews and wishlists: with accounts, their pages and forms exist. */
  reviews?: ReviewsService
  wishlist?: WishlistService
  apiKeys?: ApiKeyService
  /** Webhook endpoints: with staff, the back office registers them and shows their deliveries. */
  webhooks?: WebhookService
}

export interface ServerOptions {
  port: number
  host: string
  /** Keep rendered pages (default true); false renders every request. */
  pageCache?: boolean
  pageCacheBytes?: number
  /** Answer GET /metrics on this server. */
  exposeMetrics?: boolean
  /** The store's public origin (COLOPHON_PUBLIC_URL); absent, pages link root-relative. */
  publicUrl?: string
  /** Proxies whose forwarded headers are believed (COLOPHON_TRUST_PROXY): "loopback" or IP addresses. */
  trustProxy?: string[]
  /** Signs session ids and form tokens; absent, a random one lives as long as this server. */
  secret?: string
  /** Partners' bearer tokens for the ONIX feed; none, and the feed is off. */
  feedTokens?: string[]
  /** Where the ONIX feed's files are written (COLOPHON_FEED_DIR ?? defaultFeedDir(COLOPHON_DB)). */
  feedDir?: string
  /** The process's metrics, when the store was opened with them already (query timing). */
  metrics?: Metrics
}

export interface RunningServer {
  port: number
  metrics: Metrics
  close(): Promise<void>
}

/**
 * Starts the store's HTTP server. A request for a page already rendered is
 * answered straight from the page cache on node:http, before any framework
 * code runs; everything else goes through the Hono app.
 */
export async function startServer(services: ServerServices, options: ServerOptions): Promise<RunningServer> {
  const metrics = options.metrics ?? createMetrics()
  // Read before listening: read on the first product page with places in its contents, it held every request behind it for 0.3-1.2 s.
  loadGazetteer()
  const pageCache = options.pageCache === false ? undefined : new PageCache(services.catalog, services.foreignCommits, { maxBytes: options.pageCacheBytes })
  await pageCache?.start()
  const gate = new Gate({ secret: options.secret ?? randomBytes(32).toString('base64url'), publicUrl: options.publicUrl, trustProxy: options.trustProxy, paymentScript: services.storefront?.card?.sdkUrl })
  const app = createApp({ ...services, metrics, pageCache, gate, publicUrl: options.publicUrl, exposeMetrics: options.exposeMetrics, feedTokens: options.feedTokens, feedDir: options.feedDir })
  const viaHono = getRequestListener(app.fetch)
  const { events } = services.recommend
  events.start()
  const fromCache = pageCache ? cachedAnswer(gate, pageCache, events, metrics) : () => false

  const server = createServer(connectionOptions, (req, res) => {
    if (!fromCache(req, res)) void viaHono(req, res)
  })
  limitConnections(server)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    // Node's default backlog (511) drops connections when a thousand arrive at once; the kernel caps it at somaxconn.
    server.listen({ port: options.port, host: options.host, backlog: LISTEN_BACKLOG }, () => resolve())
  })
  return {
    port: (server.address() as AddressInfo).port,
    metrics,
    close: async () => {
      // Stops accepting at once. A keep-alive connection only counts as idle between requests,
      // so idle ones are closed again and again as the requests in flight finish; those get 10 s.
      const closed = new Promise<void>((done) => server.close(() => done()))
      const idle = setInterval(() => server.closeIdleConnections(), 50)
      const cut = setTimeout(() => server.closeAllConnections(), 10_000)
      await closed
      clearInterval(idle)
      clearTimeout(cut)
      await events.close()
    },
  }
}

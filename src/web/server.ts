import { getRequestListener } from '@hono/node-server'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { CatalogService } from '../catalog'
import type { CommerceService } from '../commerce'
import type { Logger } from '../core/logger'
import type { SearchService } from '../search'
import { isBot, type RecommendService } from '../recommend'
import { createApp } from './app'
import { connectionOptions, limitConnections } from './connections'
import { createMetrics, type Metrics } from './metrics'
import { PageCache } from './page-cache'
import { answerPage, pageKey, requestLang } from './page-response'
import { isHome, newSessionId, productIsbn, sessionCookie, sessionFromCookie, withSessionCookie } from './session'

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
}

export interface ServerOptions {
  port: number
  host: string
  /** Keep rendered pages (default true); false renders every request. */
  pageCache?: boolean
  pageCacheBytes?: number
  /** Answer GET /metrics on this server. */
  exposeMetrics?: boolean
  /** Enables the back office at /admin. */
  adminPassword?: string
  /** The store's public origin (COLOPHON_PUBLIC_URL); absent, pages link root-relative. */
  publicUrl?: string
  /** Proxies whose forwarded headers are believed (COLOPHON_TRUST_PROXY): "loopback" or IP addresses. */
  trustProxy?: string[]
  /** Signs session ids and form tokens; absent, a random one lives as long as this server. */
  secret?: string
  /** Partners' bearer tokens for the ONIX feed; none, and the feed is off. */
  feedTokens?: string[]
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
  const pageCache = options.pageCache === false ? undefined : new PageCache(services.catalog, services.foreignCommits, { maxBytes: options.pageCacheBytes })
  await pageCache?.start()
  const app = createApp({ ...services, metrics, pageCache, exposeMetrics: options.exposeMetrics, adminPassword: options.adminPassword })
  const viaHono = getRequestListener(app.fetch)
  const cachedRequests = metrics.requests.labels('cached', '200')
  const { events } = services.recommend
  events.start()

  function fromCache(req: IncomingMessage, res: ServerResponse): boolean {
    if (!pageCache || (req.method !== 'GET' && req.method !== 'HEAD') || !pageCache.isFresh()) return false
    const url = req.url ?? '/'
    let sessionId = sessionFromCookie(req.headers.cookie)
    // A returning session's home page carries its own recommendations.
    if (sessionId && isHome(url)) return false
    const page = pageCache.get(pageKey(requestLang(url, req.headers['accept-language']), url))
    if (!page) return false
    const answer = answerPage(page, { acceptEncoding: req.headers['accept-encoding'], ifNoneMatch: req.headers['if-none-match'], isHead: req.method === 'HEAD' })
    metrics.cacheHits.inc()
    cachedRequests.inc()
    // A product view is an in-memory append, written to the database later in a batch.
    const isbn = productIsbn(url)
    let headers = answer.headers
    if (isbn && !isBot(req.headers['user-agent'])) {
      if (!sessionId) {
        sessionId = newSessionId()
        headers = withSessionCookie(headers, sessionCookie(sessionId, req.headers['x-forwarded-proto'] === 'https'))
      }
      events.record(sessionId, isbn, 'view')
    }
    res.writeHead(answer.status, headers)
    res.end(answer.body)
    return true
  }

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
      await new Promise<void>((done) => {
        server.close(() => done())
        server.closeAllConnections()
      })
      await events.close()
    },
  }
}

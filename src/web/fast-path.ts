import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EventLog } from '../recommend'
import type { Gate, RequestHead } from './gate'
import type { Metrics } from './metrics'
import type { PageCache } from './page-cache'
import { answerPage, pageKey } from './page-response'

/** The ISBN of a product page URL (/books/979…), or undefined for any other URL. */
export function productIsbn(url: string): string | undefined {
  if (!url.startsWith('/books/')) return undefined
  const isbn = url.slice(7, 20)
  const end = url[20]
  return /^\d{13}$/.test(isbn) && (end === undefined || end === '?' || end === '#') ? isbn : undefined
}

export function isHome(url: string): boolean {
  return url === '/' || url.startsWith('/?')
}

export function nodeRequestHead(req: IncomingMessage): RequestHead {
  return {
    method: req.method ?? 'GET',
    url: req.url ?? '/',
    header: (name) => {
      const v = req.headers[name]
      return Array.isArray(v) ? v[0] : v
    },
    remoteAddress: req.socket.remoteAddress,
  }
}

/**
 * Answers a page already rendered straight from the page cache on node:http,
 * before any framework code runs, when the gate says this visitor may share
 * it. Everything the Hono path decides about the visitor (session, view,
 * form token, cookies, security headers) is decided here by the same gate.
 * Returns false when the request must go to the app.
 */
export function cachedAnswer(gate: Gate, pageCache: PageCache, events: EventLog, metrics: Metrics) {
  const cachedRequests = metrics.requests.labels('cached', '200')
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !pageCache.isFresh()) return false
    const head = nodeRequestHead(req)
    // The API counts every request against its address's limit, which only the app does.
    if (head.url.startsWith('/api/')) return false
    const visitor = gate.identify(head)
    if (!gate.mayShare(visitor, isHome(head.url) ? 'home' : 'public')) return false
    const page = pageCache.get(pageKey(visitor.lang, head.url))
    if (!page) return false
    const isbn = productIsbn(head.url)
    const viewer = isbn ? gate.viewer(visitor) : undefined
    // A product view is an in-memory append, written to the database later in a batch.
    if (viewer) events.record(viewer, isbn!, 'view')
    const answer = answerPage(page, { acceptEncoding: head.header('accept-encoding'), ifNoneMatch: head.header('if-none-match'), isHead: req.method === 'HEAD' }, page.slotted ? gate.formToken(visitor) : undefined)
    const headers = answer.headers.concat(gate.securityHeaders)
    const cookies = gate.cookies(visitor)
    if (cookies.length) {
      // A shared cache must never hand one shopper's cookie to another.
      const i = headers.indexOf('cache-control')
      if (i >= 0 && !headers[i + 1]!.startsWith('private')) headers[i + 1] = `private, ${headers[i + 1]}`
      for (const cookie of cookies) headers.push('set-cookie', cookie)
    }
    metrics.cacheHits.inc()
    cachedRequests.inc()
    res.writeHead(answer.status, headers)
    res.end(answer.body)
    return true
  }
}

import type { Context } from 'hono'
import type { Logger } from '../core/logger'
import type { AppEnv } from './env'
import type { Gate, RouteKind } from './gate'
import type { Metrics } from './metrics'
import { compressPage, HTML_PAGE, type AnswerKind, type CachedPage, type PageCache } from './page-cache'
import { answerPage, answerUncached, headerPairs, pageKey, type PageAnswer } from './page-response'

export interface SendPageOptions {
  /** The books the page shows; 'listing' pages depend on any change (default). */
  deps?: () => CachedPage['deps']
  kind?: AnswerKind
  /** 'home': a returning session's home is its own and never shared. */
  route?: RouteKind
  /** False: answered (and cacheable by browsers) but never kept in the page cache, for answers that may lag a change (a read replica's). */
  keep?: boolean
}

export type SendPage = (c: Context<AppEnv>, metric: string, render: () => Promise<string>, options?: SendPageOptions) => Promise<Response>

/** A page rendered for one visitor must never be stored for others: its form token is its own. */
const PERSONAL_FIELD = 'name="_csrf"'

/**
 * Answers a page that may be shared: from the page cache when the database
 * is away and the page was rendered before, else rendered now, stored for
 * the next anonymous visitor (only when the gate allows sharing both ways)
 * and answered compressed with validators. The visitor's form token goes
 * into the page's visitor slot, never into what is stored.
 */
export function pageSender({ gate, pageCache, metrics, logger }: { gate: Gate; pageCache?: PageCache; metrics?: Metrics; logger: Logger }): SendPage {
  return async (c, metric, render, { deps = (): CachedPage['deps'] => 'listing', kind, route = 'public', keep = true } = {}) => {
    const visitor = c.var.visitor
    const req = { acceptEncoding: c.req.header('accept-encoding'), ifNoneMatch: c.req.header('if-none-match'), isHead: c.req.method === 'HEAD' }
    const isPersonal = !gate.mayShare(visitor, route)
    const isShared = pageCache !== undefined && !isPersonal && keep
    const key = pageKey(visitor.lang, c.req.url)
    // Crawlers get a token too: a browser the bot list mistakes for one (a headless one) must still be able to buy.
    const formToken = (page: { slotted?: unknown } | string) => ((typeof page === 'string' ? page.includes('<!--visitor:') : page.slotted) ? gate.formToken(visitor) : undefined)
    let answer: PageAnswer | ReturnType<typeof answerUncached>
    const stale = isShared && c.var.isStoreDown ? pageCache.get(key) : undefined
    if (stale) {
      answer = answerPage(stale, req, formToken(stale))
    } else {
      const started = performance.now()
      const html = await render()
      metrics?.render.observe({ route: metric }, (performance.now() - started) / 1000)
      const isPersonalPage = isShared && html.includes(PERSONAL_FIELD)
      if (isPersonalPage) logger.error({ path: c.req.path }, 'a shared page carries a personal form token: not cached')
      if (isShared && !isPersonalPage) {
        const page = compressPage(html, deps(), 'gzip', kind)
        metrics?.cacheMisses.inc()
        pageCache.put(key, page, c.var.cacheGeneration)
        answer = answerPage(page, req, formToken(page))
      } else {
        const answerKind = isPersonal ? { ...(kind ?? HTML_PAGE), cacheControl: 'private, no-cache' } : kind
        answer = answerUncached(html, req, answerKind, formToken(html))
      }
    }
    const headers = Array.isArray(answer.headers) ? Object.fromEntries(headerPairs(answer.headers)) : answer.headers
    if (!answer.body) return c.body(null, answer.status, headers)
    return c.body(new Uint8Array(answer.body.buffer, answer.body.byteOffset, answer.body.byteLength) as Uint8Array<ArrayBuffer>, 200, headers)
  }
}

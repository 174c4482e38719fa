import { Hono } from 'hono'
import type { Book, CatalogService, CategoryNode } from '../../catalog'
import { bearerChecker } from './bearer'
import { feedOrigin } from './origin'
import { GOOGLE_FEED_TAIL, googleFeedHead, googleItem, isListable, NAVER_FIELDS, NAVER_INCREMENTAL_FIELDS, naverRow, shoppingItem } from './shopping'

/** What the incremental EP covers: Naver fetches it several times a day, the full file daily. */
const INCREMENTAL_MS = 24 * 60 * 60 * 1000

type Kind = 'naver-ep.tsv' | 'naver-ep-incremental.tsv' | 'google-merchant.xml'

/**
 * Product feeds for shopping search, under /feeds/shopping/<token>/: Naver
 * Shopping's EP (full and incremental TSV) and a Google Merchant Center feed.
 * Their crawlers fetch a registered URL and send no Authorization header, so
 * the token (one of COLOPHON_FEED_TOKENS) is in the path; each file is
 * written once per catalog state (the change-log sequence) and kept.
 */
export function shoppingFeedRoutes({ catalog, tokens = [], publicUrl }: { catalog: CatalogService; tokens?: readonly string[]; publicUrl?: string }) {
  const app = new Hono()
  if (tokens.length === 0) return app
  const isPartner = bearerChecker(tokens)
  const written = new Map<string, { seq: number; body: Promise<string> }>()

  async function shelves(): Promise<Map<string, string[]>> {
    const paths = new Map<string, string[]>()
    const walk = (nodes: CategoryNode[], above: string[]) => nodes.forEach((n) => (paths.set(n.id, [...above, n.name.ko]), walk(n.children, [...above, n.name.ko])))
    walk((await catalog.categories()).roots, [])
    return paths
  }

  async function write(kind: Kind, origin: string): Promise<string> {
    const paths = await shelves()
    const item = (b: Book) => shoppingItem(b, origin, paths.get(b.categoryIds[0] ?? '') ?? [])
    const since = new Date(Date.now() - INCREMENTAL_MS).toISOString()
    const parts: string[] = [kind === 'google-merchant.xml' ? googleFeedHead(origin) : `${(kind === 'naver-ep.tsv' ? NAVER_FIELDS : NAVER_INCREMENTAL_FIELDS).join('\t')}\n`]
    for await (const b of catalog.allBooks(200)) {
      if (kind === 'naver-ep-incremental.tsv') {
        if (b.updatedAt >= since) parts.push(`${naverRow(item(b), { kind: isListable(b) ? 'U' : 'D', at: b.updatedAt })}\n`)
      } else if (isListable(b)) parts.push(kind === 'naver-ep.tsv' ? `${naverRow(item(b))}\n` : `${googleItem(item(b))}\n`)
    }
    if (kind === 'google-merchant.xml') parts.push(GOOGLE_FEED_TAIL)
    return parts.join('')
  }

  return app.get('/:token/:file{naver-ep\\.tsv|naver-ep-incremental\\.tsv|google-merchant\\.xml}', async (c) => {
    if (!isPartner(`Bearer ${c.req.param('token')}`)) return c.text('Not Found', 404)
    const kind = c.req.param('file') as Kind
    const { origin } = feedOrigin(c, publicUrl, 0)
    const seq = await catalog.latestChangeSeq()
    // The incremental file covers the last day: it is written again each hour as well.
    const key = `${kind} ${origin} ${kind === 'naver-ep-incremental.tsv' ? Math.floor(Date.now() / 3_600_000) : ''}`
    let file = written.get(key)
    if (!file || file.seq !== seq) {
      const body = write(kind, origin)
      file = { seq, body }
      body.catch(() => written.delete(key))
      written.set(key, file)
    }
    const type = kind.endsWith('.xml') ? 'application/rss+xml; charset=utf-8' : 'text/tab-separated-values; charset=utf-8'
    return c.body(await file.body, 200, { 'Content-Type': type, 'Cache-Control': 'private, no-cache', ETag: `"${seq}"`, 'X-Robots-Tag': 'noindex' })
  })
}

import { Hono } from 'hono'
import { close, fstat, open } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { CatalogService } from '../../catalog'
import type { Logger } from '../../core/logger'
import { bearerChecker } from '../feeds/bearer'
import { fileAnswer } from '../feeds/file-answer'
import { FileBodies } from '../feeds/file-body'
import { onixFiles } from '../feeds/onix-file'
import { labels, pickLang } from '../i18n'

const REALM = 'Bearer realm="Colophon ONIX feed"'
// A plain descriptor: a stream over a FileHandle costs about twice the CPU per byte read.
const openFd = promisify(open)
const fstatFd = promisify(fstat)
const closeFd = promisify(close)

export interface FeedOptions {
  catalog: CatalogService
  logger: Logger
  /** Trading partners' bearer tokens (COLOPHON_FEED_TOKENS); none, and the feed does not exist. */
  tokens?: readonly string[]
  /** Where the feed's files are written (COLOPHON_FEED_DIR, else defaultFeedDir); needed once there are tokens. */
  dir?: string
}

/**
 * GET /feeds/onix.xml: the whole catalog, stock included, as ONIX 3.0 for
 * trading partners. Only an Authorization header carries the token, never
 * the query string: a URL ends up in access logs, proxies and Referer headers.
 * The message is written to a file once per catalog state and answered from
 * it like a static file: ETag, Last-Modified, conditional GETs, Range, HEAD.
 */
export function feedRoutes({ catalog, logger, tokens = [], dir }: FeedOptions) {
  const app = new Hono()
  if (tokens.length === 0) return app
  if (!dir) throw new Error('the ONIX feed has tokens but no folder for its files: pass feedDir (COLOPHON_FEED_DIR ?? defaultFeedDir(COLOPHON_DB))')
  const isPartner = bearerChecker(tokens)
  const files = onixFiles({ catalog, dir, logger })
  const bodies = new FileBodies()

  return app.get('/onix.xml', async (c) => {
    const authorization = c.req.header('authorization')
    if (!isPartner(authorization)) {
      if (authorization) logger.warn({ path: c.req.path }, 'ONIX feed: a request with a wrong token')
      const lang = pickLang(c.req.query('lang'), c.req.header('accept-language'))
      return c.text(labels[lang].feedTokenRequired, 401, { 'WWW-Authenticate': REALM, 'Cache-Control': 'no-store' })
    }
    const file = await files.current()
    // Opened before anything is decided: a newer state may remove the name meanwhile, never the open file.
    const fd = await openFd(join(file.dir, file.name), 'r')
    let closesFd = false
    try {
      const { size, mtime, mtimeMs } = await fstatFd(fd)
      const answer = fileAnswer((name) => c.req.header(name), { size, mtime, etag: `"${file.seq}-${size.toString(36)}-${Math.floor(mtimeMs).toString(36)}"` })
      // Private: only token holders may have it, so no shared cache keeps it; no-cache: ask again (the ETag makes that cheap).
      const headers = { ...answer.headers, 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'private, no-cache' }
      if (!('start' in answer) || c.req.method === 'HEAD') return c.body(null, answer.status, headers)
      const sent = await bodies.body(fd, { key: `${file.name}@${mtimeMs}`, size }, answer.start, answer.end)
      closesFd = sent.closesFd
      return c.body(sent.body, answer.status, headers)
    } finally {
      if (!closesFd) await closeFd(fd)
    }
  })
}

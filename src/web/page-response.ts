import type { Lang } from './i18n'
import { brotliPage, gzipPage, HTML_PAGE, pageEtag, type AnswerKind, type CachedPage, type Encoding } from './page-cache'
import { fillSlot, type SlottedBody } from './visitor-slot'

export interface RequestLang {
  lang: Lang
  /** Chosen by ?lang= rather than by default: the page's links then keep the choice. */
  explicit: boolean
}

/**
 * The page language: one URL, one language. ?lang=ko|en when given, else
 * Korean; the browser's Accept-Language never changes what a URL says (a
 * page only offers a link to the other language, from the page's script).
 */
export function requestLang(rawUrl: string): RequestLang {
  const i = rawUrl.indexOf('lang=')
  if (i > 0 && (rawUrl[i - 1] === '?' || rawUrl[i - 1] === '&')) {
    const v = rawUrl.slice(i + 5, i + 7)
    const end = rawUrl[i + 7]
    if ((v === 'en' || v === 'ko') && (end === undefined || end === '&' || end === '#')) return { lang: v, explicit: true }
  }
  return { lang: 'ko', explicit: false }
}

/** The cache key of a page: its language, how it was chosen, and its URL without the lang parameter. */
export function pageKey({ lang, explicit }: RequestLang, rawUrl: string): string {
  const prefix = explicit ? `${lang}!` : lang
  // A plain path is its own normal form; parsing it would cost more than the rest of a cache hit.
  if (/^\/[\w./-]*$/.test(rawUrl) && !rawUrl.includes('/.')) return prefix + rawUrl
  const url = new URL(rawUrl.startsWith('/') ? 'http://x' + rawUrl : rawUrl)
  if (url.searchParams.has('lang')) url.searchParams.delete('lang')
  return prefix + url.pathname + url.search
}

export interface PageAnswer {
  status: 200 | 304
  /** Flat [name, value, …] pairs, as node's writeHead takes them. */
  headers: string[]
  body: Buffer | undefined
}

/** The best encoding a client takes: brotli, then gzip, else none. */
export function pickEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return 'identity'
  if (!acceptEncoding.includes('q=0')) return acceptEncoding.includes('br') ? 'br' : acceptEncoding.includes('gzip') ? 'gzip' : 'identity'
  const refuses = (name: string) => new RegExp(`\\b${name}\\s*;\\s*q=0(?:\\.0*)?(?:,|$)`).test(acceptEncoding)
  if (acceptEncoding.includes('br') && !refuses('br')) return 'br'
  if (acceptEncoding.includes('gzip') && !refuses('gzip')) return 'gzip'
  return 'identity'
}

/**
 * One answer for a cached page, shared by the bare fast path and the Hono
 * path: 304 when the client's ETag matches, else the body in the best
 * encoding the client accepts (uncompressed only when it accepts neither).
 */
export function answerPage(page: CachedPage, req: { acceptEncoding?: string; ifNoneMatch?: string; isHead: boolean }, formToken?: string): PageAnswer {
  if (page.slotted) return answerSlotted(page, page.slotted, req, formToken)
  if (req.ifNoneMatch && req.ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === page.etag)) {
    return { status: 304, headers: page.notModifiedHeaders, body: undefined }
  }
  const encoding = pickEncoding(req.acceptEncoding)
  const body = page.body(encoding)
  return { status: 200, headers: page.headers(encoding, body), body: req.isHead ? undefined : body }
}

/**
 * A page with a visitor slot: the visitor's form token is part of the body,
 * so it is part of the ETag too. Brotli streams cannot be joined like gzip
 * members, so these pages go out as gzip to every client that takes it.
 */
function answerSlotted(page: CachedPage, slotted: SlottedBody, req: { acceptEncoding?: string; ifNoneMatch?: string; isHead: boolean }, formToken: string | undefined): PageAnswer {
  // The token is in the body the same client reads, so part of it can name this copy.
  const etag = formToken ? `${page.etag.slice(0, -1)}.${formToken.slice(0, 10)}"` : page.etag
  const headers = page.notModifiedHeaders.map((v, i) => (i > 0 && page.notModifiedHeaders[i - 1] === 'etag' ? etag : v))
  if (req.ifNoneMatch?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return { status: 304, headers, body: undefined }
  const preferred = pickEncoding(req.acceptEncoding)
  const encoding = preferred === 'gzip' || (preferred === 'br' && req.acceptEncoding!.includes('gzip')) ? 'gzip' : 'identity'
  const body = encoding === 'gzip' ? slotted.gzip(formToken) : slotted.identity(formToken)
  if (encoding === 'gzip') headers.push('content-encoding', 'gzip')
  headers.push('content-length', String(body.length))
  return { status: 200, headers, body: req.isHead ? undefined : body }
}

/** An answer for a page that will not be cached: compressed only in the encoding this client takes. */
export function answerUncached(
  html: string,
  req: { acceptEncoding?: string; ifNoneMatch?: string; isHead: boolean },
  kind: AnswerKind = HTML_PAGE,
  formToken?: string,
): { status: 200 | 304; headers: Record<string, string>; body: Buffer | undefined } {
  const filled = fillSlot(html, formToken)
  const raw = Buffer.from(filled)
  const etag = pageEtag(raw)
  const cacheControl = filled === html ? kind.cacheControl : `private, ${kind.cacheControl}`
  const headers: Record<string, string> = { 'content-type': kind.type, etag, 'cache-control': cacheControl, vary: 'Accept-Encoding' }
  if (req.ifNoneMatch?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return { status: 304, headers, body: undefined }
  const encoding = pickEncoding(req.acceptEncoding)
  const body = encoding === 'br' ? brotliPage(raw) : encoding === 'gzip' ? gzipPage(raw) : raw
  if (encoding !== 'identity') headers['content-encoding'] = encoding
  return { status: 200, headers, body: req.isHead ? undefined : body }
}

/** The flat header list as pairs, for APIs that take a Headers init. */
export function headerPairs(flat: string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = []
  for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i]!, flat[i + 1]!])
  return pairs
}

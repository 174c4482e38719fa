import { createHash } from 'node:crypto'
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib'
import type { CatalogChange, CatalogService } from '../catalog'
import { PAGE_GZIP_LEVEL } from './compression'
import { SlottedBody } from './visitor-slot'

export type Encoding = 'br' | 'gzip' | 'identity'

/** What a cached answer is and how long a client may keep it: pages by default, JSON for the search API. */
export interface AnswerKind {
  type: string
  cacheControl: string
}
export const HTML_PAGE: AnswerKind = { type: 'text/html; charset=utf-8', cacheControl: 'no-cache' }

/**
 * A rendered page, with the validators a 304 needs. Each compressed form is
 * made once, the first time a client asks for it: a page first fetched by a
 * gzip client never pays for brotli until a brotli client comes.
 */
export class CachedPage {
  readonly etag: string
  readonly lastModified: string
  /** Headers of a 304, as a flat [name, value, …] list as node's writeHead takes it. */
  readonly notModifiedHeaders: string[]
  private readonly encoded: Partial<Record<'br' | 'gzip', Buffer>> = {}
  private readonly headerLists: Partial<Record<Encoding, string[]>> = {}
  /** Called with the extra bytes held when another encoding is made (the cache keeps its budget). */
  onGrow: ((bytes: number) => void) | undefined
  /** Set by every hit; eviction gives a page hit since it last looked a second chance. */
  isRecent = false

  constructor(
    raw: Buffer,
    /** The books shown on the page; 'listing' pages (home, categories) depend on any change. */
    readonly deps: string[] | 'listing',
    first: Encoding,
    kind: AnswerKind = HTML_PAGE,
    /** Set when the page has a visitor slot: every answer then carries that visitor's own fields, and is private. */
    readonly slotted?: SlottedBody,
  ) {
    this.etag = pageEtag(raw)
    this.lastModified = new Date().toUTCString()
    const cacheControl = slotted ? `private, ${kind.cacheControl}` : kind.cacheControl
    this.notModifiedHeaders = ['content-type', kind.type, 'etag', this.etag, 'last-modified', this.lastModified, 'cache-control', cacheControl, 'vary', 'Accept-Encoding']
    if (!slotted) this.encoded[first === 'br' ? 'br' : 'gzip'] = first === 'br' ? brotliPage(raw) : gzipPage(raw)
  }

  get bytes(): number {
    return this.slotted ? this.slotted.head.length : (this.encoded.br?.length ?? 0) + (this.encoded.gzip?.length ?? 0)
  }

  /** The body in an encoding, made now if no client asked for it before. */
  body(encoding: Encoding): Buffer {
    if (encoding === 'identity') return this.encoded.gzip ? gunzipSync(this.encoded.gzip) : brotliDecompressSync(this.encoded.br!)
    let body = this.encoded[encoding]
    if (!body) {
      body = encoding === 'br' ? brotliPage(gunzipSync(this.encoded.gzip!)) : gzipPage(brotliDecompressSync(this.encoded.br!))
      this.encoded[encoding] = body
      this.onGrow?.(body.length)
    }
    return body
  }

  headers(encoding: Encoding, body: Buffer): string[] {
    let list = this.headerLists[encoding]
    if (!list) {
      list = [...this.notModifiedHeaders, ...(encoding === 'identity' ? [] : ['content-encoding', encoding]), 'content-length', String(body.length)]
      this.headerLists[encoding] = list
    }
    return list
  }
}

export interface PageCacheOptions {
  /** Upper bound on the compressed bytes held (default 64 MiB). */
  maxBytes?: number
}

/**
 * zlib's sync calls may return a view of a 16 KiB chunk; a copy of the exact
 * size keeps a 3 KiB page from pinning the whole chunk for as long as it is cached.
 */
function tight(buf: Buffer): Buffer {
  return buf.byteLength === buf.buffer.byteLength ? buf : Buffer.from(Uint8Array.prototype.slice.call(buf).buffer)
}

export function gzipPage(raw: Buffer): Buffer {
  return tight(gzipSync(raw, { level: PAGE_GZIP_LEVEL }))
}

export function brotliPage(raw: Buffer): Buffer {
  return tight(brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }))
}

export function pageEtag(raw: Buffer): string {
  return `"${createHash('sha1').update(raw).digest('base64url').slice(0, 22)}"`
}

/** Builds the cache entry for one page (or JSON answer), compressed in the encoding its first reader takes. */
export function compressPage(body: string, deps: CachedPage['deps'], first: Encoding = 'gzip', kind: AnswerKind = HTML_PAGE): CachedPage {
  return new CachedPage(Buffer.from(body), deps, first, kind, SlottedBody.of(body))
}


/**
 * Rendered pages by language and URL, dropped exactly when the books behind
 * them change: writes in this process arrive through the catalog's change
 * listener, writes by other processes through the change log, which is read
 * only when the store's commit counter moved.
 */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>()
  /** The pages that show each book: most books are on one page, so a lone key is kept as it is, not in a Set of its own. */
  private readonly keysByIsbn = new Map<string, string | Set<string>>()
  private readonly listingKeys = new Set<string>()
  private bytes = 0
  private seq = 0
  private counter = 0
  /** Moves on every invalidation, so a render that overlapped one is never stored. */
  generation = 0
  private readonly maxBytes: number

  constructor(
    private readonly catalog: CatalogService,
    private readonly foreignCommits: () => number,
    options: PageCacheOptions = {},
  ) {
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024
  }

  async start(): Promise<void> {
    this.counter = this.foreignCommits()
    this.seq = await this.catalog.latestChangeSeq()
    this.catalog.onChange((change) => this.invalidate(change))
  }

  /** True while no other connection has committed since the last look: entries can be served as they are. */
  isFresh(): boolean {
    return this.foreignCommits() === this.counter
  }

  /** Reads the change log when another process committed, dropping what went stale. */
  async refresh(): Promise<void> {
    const counter = this.foreignCommits()
    if (counter === this.counter) return
    const { seq, change } = await this.catalog.changesSince(this.seq)
    this.seq = seq
    this.counter = counter
    this.invalidate(change)
  }

  /**
   * A hit only marks the page: moving it in the map on every hit (a true LRU)
   * churns the map's storage tens of thousands of times a second, and the
   * garbage collections that follow were the slowest 1% of cached answers.
   */
  get(key: string): CachedPage | undefined {
    const page = this.pages.get(key)
    if (page) page.isRecent = true
    return page
  }

  /** Stores a page unless an invalidation happened since `generation` was read at the start of its render. */
  put(key: string, page: CachedPage, generation: number): void {
    if (generation !== this.generation) return
    this.remove(key)
    this.pages.set(key, page)
    this.bytes += page.bytes
    page.onGrow = (bytes) => {
      if (this.pages.get(key) === page) this.bytes += bytes
    }
    if (page.deps === 'listing') this.listingKeys.add(key)
    else
      for (const isbn of page.deps) {
        const keys = this.keysByIsbn.get(isbn)
        if (keys === undefined) this.keysByIsbn.set(isbn, key)
        else if (typeof keys === 'string') {
          if (keys !== key) this.keysByIsbn.set(isbn, new Set([keys, key]))
        } else keys.add(key)
      }
    // Second chance (CLOCK): the oldest pages go first, but a page hit since it was last looked at moves to the back.
    for (const [oldest, candidate] of this.pages) {
      if (this.bytes <= this.maxBytes) break
      if (candidate.isRecent && candidate !== page) {
        candidate.isRecent = false
        this.pages.delete(oldest)
        this.pages.set(oldest, candidate)
      } else this.remove(oldest)
    }
  }

  invalidate(change: CatalogChange): void {
    this.generation++
    if (change.isbns === 'all') {
      this.pages.clear()
      this.keysByIsbn.clear()
      this.listingKeys.clear()
      this.bytes = 0
      return
    }
    if (change.isbns.length === 0) return
    for (const key of [...this.listingKeys]) this.remove(key)
    for (const isbn of change.isbns) {
      const keys = this.keysByIsbn.get(isbn)
      if (typeof keys === 'string') this.remove(keys)
      else if (keys) for (const key of [...keys]) this.remove(key)
    }
  }

  get size(): number {
    return this.pages.size
  }

  private remove(key: string): void {
    const page = this.pages.get(key)
    if (!page) return
    this.pages.delete(key)
    this.bytes -= page.bytes
    page.onGrow = undefined
    if (page.deps === 'listing') this.listingKeys.delete(key)
    else
      for (const isbn of page.deps) {
        const keys = this.keysByIsbn.get(isbn)
        if (keys === key) this.keysByIsbn.delete(isbn)
        else if (typeof keys === 'object') {
          keys.delete(key)
          if (keys.size === 1) this.keysByIsbn.set(isbn, keys.values().next().value!)
        }
      }
  }
}

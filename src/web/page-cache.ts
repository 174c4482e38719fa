import { createHash } from 'node:crypto'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { CatalogChange, CatalogService } from '../catalog'

/** A rendered page, compressed once, with the validators a 304 needs. */
export interface CachedPage {
  etag: string
  lastModified: string
  gzip: Buffer
  br: Buffer
  /** Response headers as flat [name, value, …] arrays, built once per encoding. */
  headers: { br: string[]; gzip: string[]; identity: string[]; notModified: string[] }
  /** The books shown on the page; 'listing' pages (home, categories) depend on any change. */
  deps: string[] | 'listing'
  bytes: number
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
  return tight(gzipSync(raw, { level: 6 }))
}

export function brotliPage(raw: Buffer): Buffer {
  return tight(brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }))
}

export function pageEtag(raw: Buffer): string {
  return `"${createHash('sha1').update(raw).digest('base64url').slice(0, 22)}"`
}

/** Builds the cache entry for one page: compressed once, for every request that follows. */
export function compressPage(html: string, deps: CachedPage['deps']): CachedPage {
  const raw = Buffer.from(html)
  const gzip = gzipPage(raw)
  const br = brotliPage(raw)
  const etag = pageEtag(raw)
  const lastModified = new Date().toUTCString()
  const common = ['content-type', 'text/html; charset=utf-8', 'etag', etag, 'last-modified', lastModified, 'cache-control', 'no-cache', 'vary', 'Accept-Encoding, Accept-Language']
  return {
    etag,
    lastModified,
    gzip,
    br,
    headers: {
      br: [...common, 'content-encoding', 'br', 'content-length', String(br.length)],
      gzip: [...common, 'content-encoding', 'gzip', 'content-length', String(gzip.length)],
      identity: [...common, 'content-length', String(raw.length)],
      notModified: common,
    },
    deps,
    bytes: gzip.length + br.length,
  }
}


/**
 * Rendered pages by language and URL, dropped exactly when the books behind
 * them change: writes in this process arrive through the catalog's change
 * listener, writes by other processes through the change log, which is read
 * only when the store's commit counter moved.
 */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>()
  private readonly keysByIsbn = new Map<string, Set<string>>()
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

  get(key: string): CachedPage | undefined {
    const page = this.pages.get(key)
    if (page) {
      // Map order is the eviction order: a hit moves the page to the back.
      this.pages.delete(key)
      this.pages.set(key, page)
    }
    return page
  }

  /** Stores a page unless an invalidation happened since `generation` was read at the start of its render. */
  put(key: string, page: CachedPage, generation: number): void {
    if (generation !== this.generation) return
    this.remove(key)
    this.pages.set(key, page)
    this.bytes += page.bytes
    if (page.deps === 'listing') this.listingKeys.add(key)
    else
      for (const isbn of page.deps) {
        let keys = this.keysByIsbn.get(isbn)
        if (!keys) this.keysByIsbn.set(isbn, (keys = new Set()))
        keys.add(key)
      }
    for (const oldest of this.pages.keys()) {
      if (this.bytes <= this.maxBytes) break
      this.remove(oldest)
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
      if (keys) for (const key of [...keys]) this.remove(key)
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
    if (page.deps === 'listing') this.listingKeys.delete(key)
    else
      for (const isbn of page.deps) {
        const keys = this.keysByIsbn.get(isbn)
        keys?.delete(key)
        if (keys?.size === 0) this.keysByIsbn.delete(isbn)
      }
  }
}

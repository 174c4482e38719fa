import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { parseBookInput } from '../../src/catalog'
import { buildServices, type Services } from '../../src/cli/services'
import { seedBook } from '../../src/demo'
import { openStore } from '../../src/store'
import { startServer, type RunningServer } from '../../src/web/server'
import { testDialects } from '../dialects'
import { testServices, testStore, type TestStore, testShop } from '../helpers'

const SEED = '9788962633245'
let store: TestStore
let other: Services
let server: RunningServer
let base: string

/** A page as one returning shopper sees it (one session, so one form token in every copy). */
let cookie = ''
const page = async (path: string) => {
  const res = await fetch(base + path, { headers: { 'accept-encoding': 'gzip', 'accept-language': 'ko', ...(cookie ? { cookie } : {}) } })
  expect(res.status).toBe(200)
  cookie ||= res.headers.get('set-cookie')?.split(';')[0] ?? ''
  return res.text()
}
/**
 * Another process's write reaches this one as a commit notification: at once
 * on SQLite (PRAGMA data_version), a moment after the commit on PostgreSQL
 * (NOTIFY). Pages must be fresh from then on.
 */
async function otherWrites(write: () => Promise<void>): Promise<void> {
  const before = store.store.foreignCommits()
  await write()
  await vi.waitFor(() => expect(store.store.foreignCommits()).not.toBe(before), { timeout: 2000, interval: 2 })
}
const hits = async () => (await server.metrics.cacheHits.get()).values[0]?.value ?? 0

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: rendered-page cache`, () => {
    beforeAll(async () => {
      store = await testStore(dialect, { demoBooks: 60 })
      server = await startServer(testServices(store), { port: 0, host: '127.0.0.1' })
      base = `http://127.0.0.1:${server.port}`
      cookie = ''
      // A second connection to the same database stands for another process: an import, or another worker.
      other = buildServices(await openStore(store.url), undefined, testShop())
    })
    afterAll(async () => {
      await server.close()
      await other.store.close()
      await store.cleanup()
    })

    it('answers a repeated page from the cache, with the same bytes', async () => {
      const first = await page(`/books/${SEED}`)
      const before = await hits()
      expect(await page(`/books/${SEED}`)).toBe(first)
      expect(await hits()).toBe(before + 1)
    })

    it('never serves a book stale after a price change in this process', async () => {
      await page(`/books/${SEED}`)
      await store.catalog.saveBooks([parseBookInput({ ...seedBook, salePrice: 19900 })])
      expect(await page(`/books/${SEED}`)).toContain('19,900원')
    })

    it('never serves a book stale after another process changes its stock', async () => {
      expect(await page(`/books/${SEED}`)).toContain('재고 있음')
      await otherWrites(() => other.catalog.saveBooks([parseBookInput({ ...seedBook, stock: 0 })]))
      expect(await page(`/books/${SEED}`)).toContain('품절')
    })

    it('drops a page when a book it shows as related changes', async () => {
      const before = await page(`/books/${SEED}`)
      const relatedIsbn = before.split('id="related"')[1]!.match(/href="\/books\/(\d{13})"/)![1]!
      const related = await other.catalog.getBook(relatedIsbn as never)
      await otherWrites(() => other.catalog.saveBooks([parseBookInput({ ...related, title: '새 제목으로 바뀐 책' })]))
      expect(await page(`/books/${SEED}`)).toContain('새 제목으로 바뀐 책')
    })

    it('drops category and home pages when a new book arrives', async () => {
      await page('/categories/history-world')
      await page('/')
      const fresh = parseBookInput({ ...seedBook, isbn13: '9791199999992', title: '방금 들어온 책', issuedOn: '2026-01-05', categoryIds: ['history-world'] })
      await otherWrites(() => other.catalog.saveBooks([fresh]))
      expect(await page('/categories/history-world')).toContain('방금 들어온 책')
      expect(await page('/')).toContain('방금 들어온 책')
    })

    it('keeps search answers (page, JSON, suggestions) only until the catalog changes', async () => {
      const q = encodeURIComponent('갓 나온 검색어')
      const urls = [`/search?q=${q}`, `/api/v1/search?q=${q}`, `/api/v1/suggest?q=${q}`]
      for (const url of urls) expect(await page(url)).not.toContain('9791199999985')
      const before = await hits()
      for (const url of urls) await page(url)
      // The API's answers are cached too, but answered by the app, which counts each request against the address's limit.
      expect(await hits()).toBe(before + 1)
      const res = await fetch(base + urls[1]!)
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
      const book = parseBookInput({ ...seedBook, isbn13: '9791199999985', title: '갓 나온 검색어', categoryIds: ['history-world'] })
      await otherWrites(() => other.catalog.saveBooks([book]))
      for (const url of urls) expect(await page(url)).toContain('9791199999985')
    })

    it('answers 304 to a matching ETag and a new body once the book changes', async () => {
      await page(`/books/${SEED}`)
      const res = await fetch(`${base}/books/${SEED}`, { headers: { cookie } })
      const etag = res.headers.get('etag')!
      expect((await fetch(`${base}/books/${SEED}`, { headers: { 'if-none-match': etag, cookie } })).status).toBe(304)
      // The ETag covers the visitor's form token: another session's copy is another body.
      expect((await fetch(`${base}/books/${SEED}`, { headers: { 'if-none-match': etag } })).status).toBe(200)
      await otherWrites(() => other.catalog.saveBooks([parseBookInput({ ...seedBook, stock: 42 })]))
      const changed = await fetch(`${base}/books/${SEED}`, { headers: { 'if-none-match': etag, cookie } })
      expect(changed.status).toBe(200)
      expect(changed.headers.get('etag')).not.toBe(etag)
    })

    it('keeps Korean and English pages apart and compresses by Accept-Encoding', async () => {
      const ko = await fetch(`${base}/books/${SEED}`, { headers: { 'accept-language': 'en' } })
      const en = await fetch(`${base}/books/${SEED}?lang=en`)
      expect(await ko.text()).toContain('<html lang="ko">')
      expect(await en.text()).toContain('<html lang="en">')
      for (const encoding of ['br', 'gzip']) {
        const res = await fetch(`${base}/categories/history-world?lang=en`, { headers: { 'accept-encoding': encoding } })
        expect(res.headers.get('content-encoding')).toBe(encoding)
        expect(await res.text()).toContain('World history')
      }
      // A product page carries each visitor's form token in a slot: its shared part is gzip, joined to the visitor's part.
      for (const encoding of ['br, gzip', 'gzip']) {
        const res = await fetch(`${base}/books/${SEED}?lang=en`, { headers: { 'accept-encoding': encoding } })
        expect(res.headers.get('content-encoding')).toBe('gzip')
        expect(await res.text()).toMatch(/China and Russia[\s\S]*name="_csrf" value="[\w-]{22}" form="buy"><input type="hidden" name="_csrf" value="[\w-]{22}" form="wish"><\/body><\/html>$/)
      }
      const plain = await fetch(`${base}/books/${SEED}?lang=en`, { headers: { 'accept-encoding': 'identity' } })
      expect(plain.headers.get('content-encoding')).toBeNull()
      expect(await plain.text()).toMatch(/form="buy"><input type="hidden" name="_csrf" value="[\w-]{22}" form="wish"><\/body><\/html>$/)
    })
  })
}

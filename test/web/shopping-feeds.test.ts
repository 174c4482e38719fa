import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseIsbn } from '../../src/catalog'
import { createApp } from '../../src/web/app'
import { NAVER_FIELDS, NAVER_INCREMENTAL_FIELDS } from '../../src/web/feeds/shopping'
import { testDialects } from '../dialects'
import { testServices, testStore, type TestStore } from '../helpers'
import { SEED } from '../support/checkout'

const TOKEN = 'shopping-feed-token-0123456789abcdef'
/** What each format requires of every product (Google asks no brand of books: their GTIN is enough). */
const NAVER_REQUIRED = ['id', 'title', 'price_pc', 'link', 'image_link', 'category_name1', 'shipping']
const GOOGLE_REQUIRED = ['g:id', 'g:title', 'g:description', 'g:link', 'g:image_link', 'g:availability', 'g:price', 'g:condition', 'g:gtin']

const rows = (tsv: string) => {
  const [head, ...lines] = tsv.trimEnd().split('\n')
  const names = head!.split('\t')
  return { names, rows: lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [names[i]!, v]))) }
}

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: shopping feeds`, { timeout: 60_000 }, () => {
    let store: TestStore
    let app: ReturnType<typeof createApp>
    beforeAll(async () => {
      store = await testStore(dialect, { demoBooks: 40 })
      app = createApp({ ...testServices(store), feedTokens: [TOKEN], feedDir: mkdtempSync(join(tmpdir(), 'colophon-shopping-')), publicUrl: 'https://books.example' })
    })
    afterAll(() => store?.cleanup())

    it('Naver EP: every listed book has the required fields, prices in won, ISBN as barcode; the file follows a catalog change', async () => {
      const res = await app.request(`/feeds/shopping/${TOKEN}/naver-ep.tsv`)
      expect(res.headers.get('content-type')).toContain('text/tab-separated-values')
      const ep = rows(await res.text())
      expect(ep.names).toEqual([...NAVER_FIELDS])
      expect(ep.rows.length).toBeGreaterThan(10)
      for (const row of ep.rows) {
        for (const f of NAVER_REQUIRED) expect(row[f], `${row.id} ${f}`).toBeTruthy()
        expect(row.id).toMatch(/^97[89]\d{10}$/)
        expect(row.barcode).toBe(row.id)
        expect(row.price_pc).toMatch(/^\d+$/)
        expect(row.link).toBe(`https://books.example/books/${row.id}`)
        expect(row.image_link).toMatch(/^https:\/\//)
      }
      const seed = parseIsbn(SEED)
      const edit = await store.catalog.editBooks([{ isbn13: seed, fields: { onSale: true, salePrice: 12_300, listPrice: 13_000, currency: 'KRW' } }])
      expect(edit.rejected).toEqual([])
      const again = rows(await (await app.request(`/feeds/shopping/${TOKEN}/naver-ep.tsv`)).text())
      expect(again.rows.find((r) => r.id === SEED)).toMatchObject({ price_pc: '12300', normal_price: '13000' })
    })

    it('Naver EP incremental: the books changed in the last day, with class and update time', async () => {
      await store.catalog.editBooks([{ isbn13: parseIsbn(SEED), fields: { subtitle: '증분' } }])
      const ep = rows(await (await app.request(`/feeds/shopping/${TOKEN}/naver-ep-incremental.tsv`)).text())
      expect(ep.names).toEqual([...NAVER_INCREMENTAL_FIELDS])
      const seed = ep.rows.find((r) => r.id === SEED)
      expect(seed?.class).toBe('U')
      expect(seed?.update_time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/)
      expect(seed?.title).toContain('증분')
    })

    it('Google Merchant Center: RSS 2.0 in the g: namespace, each item with the required fields, GTIN the ISBN', async () => {
      const res = await app.request(`/feeds/shopping/${TOKEN}/google-merchant.xml`)
      expect(res.headers.get('content-type')).toContain('application/rss+xml')
      const body = await res.text()
      expect(body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0" xmlns:g="http:\/\/base.google.com\/ns\/1.0"><channel>/)
      const items = [...body.matchAll(/<item>(.*?)<\/item>/g)].map((m) => m[1]!)
      expect(items.length).toBeGreaterThan(10)
      for (const item of items) {
        for (const f of GOOGLE_REQUIRED) expect(item, f).toMatch(new RegExp(`<${f}>[^<]+</${f}>`))
        expect(/<g:gtin>(\d+)<\/g:gtin>/.exec(item)?.[1]).toBe(/<g:id>(\d+)<\/g:id>/.exec(item)?.[1])
        expect(item).toMatch(/<g:price>\d+ KRW<\/g:price>/)
        expect(item).toMatch(/<g:availability>(in_stock|out_of_stock|preorder|backorder)<\/g:availability>/)
      }
    })

    it('answers only a configured token, and nothing without tokens', async () => {
      expect((await app.request('/feeds/shopping/not-the-token-0123456789abcdef/naver-ep.tsv')).status).toBe(404)
      const closed = createApp({ ...testServices(store) })
      expect((await closed.request(`/feeds/shopping/${TOKEN}/google-merchant.xml`)).status).toBe(404)
    })
  })
}

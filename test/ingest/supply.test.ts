import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseBookInput, parseIsbn, type Isbn13 } from '../../src/catalog'
import { openInput, type FileReport } from '../../src/ingest'
import { testDialects } from '../dialects'
import { testApp, testStore, type TestStore } from '../helpers'
import { checkoutInput } from '../support/checkout'
import { bytesOf, sharedFixtures } from '../support/ingest'

const shared = sharedFixtures()

const product = (isbn: string, form: string, supply: string) => `<Product><RecordReference>r-${isbn}</RecordReference><NotificationType>03</NotificationType>
<ProductIdentifier><ProductIDType>15</ProductIDType><IDValue>${isbn}</IDValue></ProductIdentifier>
<DescriptiveDetail><ProductComposition>00</ProductComposition><ProductForm>${form}</ProductForm><TitleDetail><TitleType>01</TitleType><TitleElement><TitleElementLevel>01</TitleElementLevel><TitleText>Supply ${isbn}</TitleText></TitleElement></TitleDetail></DescriptiveDetail>
<ProductSupply>${supply}</ProductSupply></Product>`
const feed = (...products: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<ONIXMessage release="3.0" xmlns="http://ns.editeur.org/onix/3.0/reference"><Header><Sender><SenderName>Test</SenderName></Sender><SentDateTime>20261201</SentDateTime></Header>${products.join('')}</ONIXMessage>`
const price = (type: string, amount: string, currency: string, territory = '') => `<Price><PriceType>${type}</PriceType><PriceAmount>${amount}</PriceAmount><CurrencyCode>${currency}</CurrencyCode>${territory}</Price>`

// Small records for what the shared samples lack: a lead time, out of stock without a count, bad and comma prices, Korea excluded.
const TO_ORDER = '9791100000014' // 22 to order, OrderTime 5
const NONE_NOW = '9791100000021' // 31 out of stock, no <Stock>
const COUNTED = '9791100000038' // 21 with <OnHand>3</OnHand>
const PRICES = '9791100000045' // KRW price, a comma EUR price and an unreadable one
const EXCLUDED = '9791100000052' // a USD price for the world except Korea, a EUR one with a decimal comma for the world
const own = feed(
  product(TO_ORDER, 'BB', `<SupplyDetail><ProductAvailability>22</ProductAvailability><OrderTime>5</OrderTime>${price('02', '18000', 'KRW')}</SupplyDetail>`),
  product(NONE_NOW, 'BC', `<SupplyDetail><ProductAvailability>31</ProductAvailability>${price('02', '15000', 'KRW')}</SupplyDetail>`),
  product(COUNTED, 'BC', `<SupplyDetail><ProductAvailability>21</ProductAvailability><Stock><OnHand>3</OnHand></Stock>${price('02', '12,000', 'KRW')}</SupplyDetail>`),
  product(PRICES, 'BC', `<SupplyDetail><ProductAvailability>20</ProductAvailability>${price('02', '30,80', 'EUR')}${price('02', '30,8O', 'CHF')}${price('02', '1,234', 'USD')}${price('02', '22000', 'KRW')}${price('02', '9.99', 'USDD')}</SupplyDetail>`),
  product(EXCLUDED, 'BC', `<SupplyDetail><ProductAvailability>20</ProductAvailability>${price('01', '19.99', 'USD', '<Territory><RegionsIncluded>WORLD</RegionsIncluded><CountriesExcluded>KR JP</CountriesExcluded></Territory>')}${price('01', '30,80', 'EUR', '<Territory><RegionsIncluded>WORLD</RegionsIncluded></Territory>')}</SupplyDetail>`),
)

const correctionsOf = (report: FileReport, reference: string) => report.corrections.filter((c) => c.reference === reference).map((c) => c.message)

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: availability without a count, and prices`, () => {
    let store: TestStore
    let report: FileReport
    const book = (isbn: string) => store.catalog.getBook(parseIsbn(isbn))
    const page = async (isbn: string, lang: 'ko' | 'en') => (await testApp(store).request(`/books/${isbn}?lang=${lang}`)).text()
    const buyBox = (html: string) => /<p class="stock[^"]*">([^<]*)<\/p>[\s\S]*?<button class="btn" type="submit"( disabled)?>/.exec(html)!

    beforeAll(async () => {
      store = await testStore(dialect, { demoBooks: 0 })
      report = await store.importer.importFile('supply.xml', bytesOf(own), { user: 'test' })
    })
    afterAll(() => store?.cleanup())

    it('a book to order keeps no count, its lead time, and is bought without taking stock', async () => {
      expect(report.counts).toMatchObject({ records: 5, created: 5, rejected: 0 })
      expect(await book(TO_ORDER)).toMatchObject({ stock: null, leadDays: 5, onSale: true })
      const [ko, en] = [buyBox(await page(TO_ORDER, 'ko')), buyBox(await page(TO_ORDER, 'en'))]
      expect([ko[1], ko[2]]).toEqual(['주문 후 5일 이내 발송', undefined])
      expect([en[1], en[2]]).toEqual(['Ships within 5 days of ordering', undefined])
      await store.commerce.addItem('buyer-1', parseIsbn(TO_ORDER), 4)
      await store.commerce.addItem('buyer-1', parseIsbn(COUNTED), 2)
      await store.orders.place({ owner: 'buyer-1', customerId: null, input: checkoutInput() })
      expect(await book(TO_ORDER)).toMatchObject({ stock: null })
      expect(await book(COUNTED)).toMatchObject({ stock: 1 })
    })

    it('only a given count is a count: 31 without one is none now, <OnHand> is the count', async () => {
      expect(await book(NONE_NOW)).toMatchObject({ stock: 0, leadDays: null })
      expect(buyBox(await page(NONE_NOW, 'en')).slice(1)).toEqual(['Out of stock', ' disabled'])
      // The back office's low-stock filter lists counted books only.
      const low = await store.catalog.staffList({ stockAtMost: 5 })
      expect(low.rows.map((r) => r.isbn13).sort()).toEqual([NONE_NOW, COUNTED].sort())
      expect(correctionsOf(report, `r-${COUNTED}`)).toContain('ProductSupply/SupplyDetail[1]/Price[1]/PriceAmount: "12,000" read as 12000 KRW (commas as thousands separators)')
    })

    it('a bad price is left out with a correction, never the product; KRW comes first', async () => {
      expect(await book(PRICES)).toMatchObject({ currency: 'KRW', listPrice: 22_000, stock: null })
      expect(correctionsOf(report, `r-${PRICES}`)).toEqual([
        'ProductSupply/SupplyDetail[1]/Price[1]/PriceAmount: "30,80" read as 30.8 EUR (a decimal comma)',
        'ProductSupply/SupplyDetail[1]/Price[2]: PriceAmount "30,8O" is not an amount; expected a decimal such as 12.50; this price is left out, the product\'s other prices are read',
        'ProductSupply/SupplyDetail[1]/Price[3]: PriceAmount "1,234" could be thousands or a decimal comma; expected a decimal point, such as 1234.00; this price is left out, the product\'s other prices are read',
        'ProductSupply/SupplyDetail[1]/Price[5]: CurrencyCode "USDD" is not an ISO 4217 currency (ONIX code list 96); this price is left out, the product\'s other prices are read',
      ])
    })

    it('a price for a territory without Korea is not used; the fallback currency is, and the report says so', async () => {
      expect(await book(EXCLUDED)).toMatchObject({ currency: 'EUR', listPrice: 3080 })
      expect(correctionsOf(report, `r-${EXCLUDED}`)).toContain('ProductSupply: no KRW price for KR; the EUR price for WORLD is used')
    })

    it('with no fallback currency, a book priced only abroad has no price, and the report names what was offered', async () => {
      const strict = await testStore(dialect, { demoBooks: 0, shop: { priceFallback: 'none' } })
      try {
        const r = await strict.importer.importFile('supply.xml', bytesOf(own), { user: 'test' })
        expect(await strict.catalog.getBook(parseIsbn(EXCLUDED))).toMatchObject({ listPrice: null, salePrice: null })
        expect(correctionsOf(r, `r-${EXCLUDED}`)).toContain('ProductSupply: no price the store may sell at in KR (prices given: USD for WORLD except KR JP, EUR for WORLD; taken: KRW for KR); the book has no price')
      } finally {
        await strict.cleanup()
      }
    })

    it('exports what it knows: a count with 21/31, no <Stock> and the OrderTime for a book to order', async () => {
      let onix = ''
      for await (const chunk of (await import('../../src/ingest')).onixMessage(store.catalog.allBooks())) onix += chunk
      const supplyOf = (isbn: string) => onix.slice(onix.indexOf(`<IDValue>${isbn}</IDValue>`)).match(/<ProductSupply>.*?<\/ProductSupply>/)![0]
      expect(supplyOf(TO_ORDER)).toContain('<ProductAvailability>20</ProductAvailability><OrderTime>5</OrderTime><Price>')
      expect(supplyOf(NONE_NOW)).toContain('<ProductAvailability>31</ProductAvailability><Stock><OnHand>0</OnHand></Stock>')
      expect(supplyOf(COUNTED)).toContain('<ProductAvailability>21</ProductAvailability><Stock><OnHand>1</OnHand></Stock>')
    })

    describe.skipIf(!shared)('real feeds', () => {
      const importShared = (file: string) => store.importer.importFile(file, openInput(join(shared!, 'onix', file)), { user: 'test' })

      it('the Google e-book (availability 20, no <Stock>) is on sale; its US-only price is not for Korea, so it cannot be bought until it has one', async () => {
        const r = await importShared('onixcheck/valid_google_onix_3.xml')
        const isbn = (await store.catalog.staffList({ importRun: r.runId })).rows[0]!.isbn13 as Isbn13
        expect(await book(isbn)).toMatchObject({ format: 'ebook', stock: null, onSale: true, listPrice: null })
        expect(correctionsOf(r, r.corrections.find((c) => c.reference)?.reference ?? '')).toContain('ProductSupply: no price the store may sell at in KR (prices given: USD for US; taken: any currency for KR); the book has no price')
        expect(buyBox(await page(isbn, 'ko')).slice(1)).toEqual(['가격 미정: 아직 주문할 수 없습니다', ' disabled'])
        expect(buyBox(await page(isbn, 'en')).slice(1)).toEqual(['Not priced yet: cannot be ordered yet', ' disabled'])
        // Priced for Korea, the same e-book is buyable at once, as a download.
        const priced = await book(isbn)
        await store.catalog.saveBooks([parseBookInput({ ...priced, currency: 'KRW', listPrice: 12000, salePrice: 10800 })])
        expect(buyBox(await page(isbn, 'ko')).slice(1)).toEqual(['바로 구매 가능 (내려받기)', undefined])
        expect(buyBox(await page(isbn, 'en')).slice(1)).toEqual(['Available now (download)', undefined])
      })

      it('the invalid Google sample loses its bad USDD price, not the product', async () => {
        const r = await importShared('onixcheck/invalid_google_onix_3.xml')
        expect(r.rejected.filter((x) => /CurrencyCode/.test(x.field))).toEqual([])
        expect(r.corrections.map((c) => c.message)).toContain('ProductSupply/SupplyDetail[1]/Price[1]: CurrencyCode "USDD" is not an ISO 4217 currency (ONIX code list 96); this price is left out, the product\'s other prices are read')
      })

      it('DILICOM paperbacks available without a count are orderable, priced by their price for the world outside France', async () => {
        const r = await importShared('dilicom/Sample_ONIX_3.0.xml')
        expect(r.counts.created).toBe(103)
        const first = await book('9782017185550')
        expect(first).toMatchObject({ format: 'paperback', stock: null, leadDays: null, onSale: true, currency: 'EUR', listPrice: 1095 })
        expect(r.corrections.filter((c) => c.record === 1).map((c) => c.message)).toContain('ProductSupply: no KRW price for KR; the EUR price for WORLD except BE CH CA FR is used')
        expect(buyBox(await page(first.isbn13, 'en')).slice(1)).toEqual(['Available to order (ordered in for you, then shipped)', undefined])
      })
    })
  })
}

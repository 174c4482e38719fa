import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { parseIsbn, type EditResult } from '../../src/catalog'
import { buildServices, serverServices } from '../../src/cli/services'
import { pricingRules } from '../../src/commerce'
import { createLogger } from '../../src/core/logger'
import { fillDemoCatalog } from '../../src/demo'
import { demoCategories } from '../../src/demo/categories'
import { openStore } from '../../src/store'
import { createApp } from '../../src/web/app'
import { testDialects } from '../dialects'
import { testApp, testShop, testStore, type TestStore } from '../helpers'
import { bytesOf } from '../support/ingest'
import { staffShopper } from '../support/staff'

// The seed book's list price is 24,000 won: the law's floor is 21,600.
const SEED = parseIsbn('9788962633245')
const refusal = { code: 'price_law', params: { salePrice: 19_000, minimum: 21_600 } }

const onixPrices = (isbn: string, list: number, sale: number) => `<?xml version="1.0"?>
<ONIXMessage release="3.0" xmlns="http://ns.editeur.org/onix/3.0/reference"><Header><Sender><SenderName>Test</SenderName></Sender><SentDateTime>20260101</SentDateTime></Header>
<Product><RecordReference>r1</RecordReference><NotificationType>03</NotificationType><ProductIdentifier><ProductIDType>15</ProductIDType><IDValue>${isbn}</IDValue></ProductIdentifier>
<ProductSupply><SupplyDetail><ProductAvailability>21</ProductAvailability><Price><PriceType>02</PriceType><PriceAmount>${list}</PriceAmount><CurrencyCode>KRW</CurrencyCode></Price>
<Price><PriceType>12</PriceType><PriceAmount>${sale}</PriceAmount><CurrencyCode>KRW</CurrencyCode></Price></SupplyDetail></ProductSupply></Product>
</ONIXMessage>`

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: the book price law where prices enter`, () => {
    let store: TestStore
    const refusedOfLastEdit = async (spy: { mock: { results: Array<{ value: unknown }> } }) => ((await spy.mock.results.at(-1)!.value) as EditResult).applied[0]?.refused

    beforeAll(async () => {
      store = await testStore(dialect)
      await store.catalog.saveCategories(demoCategories())
      await fillDemoCatalog(store.catalog, { books: 3 })
    })
    afterAll(() => store?.cleanup())
    afterEach(() => vi.restoreAllMocks())

    const restoreSalePrice = () => store.catalog.editBooks([{ isbn13: SEED, fields: { salePrice: 21_600 } }])
    const productPage = async () => (await testApp(store).request(`/books/${SEED}`)).text()

    it('a CSV file: the sale price is refused, the rest of the record is saved, and the book sells at its list price', async () => {
      await restoreSalePrice()
      const edits = vi.spyOn(store.catalog, 'editBooks')
      const report = await store.importer.importFile('prices.csv', bytesOf(`isbn13,stock,sale_price\n${SEED},7,19000\n`), { user: 'staff' })
      expect(await refusedOfLastEdit(edits)).toEqual({ salePrice: refusal })
      expect(report.counts).toMatchObject({ records: 1, updated: 1, rejected: 0 })
      expect(report.corrections.map((c) => c.message)).toContainEqual(expect.stringMatching(/^sale_price \(salePrice\): sale price 19000 is below 21600, 90% of the list price \(book price law\)/))
      expect(await store.catalog.getBook(SEED)).toMatchObject({ stock: 7, listPrice: 24_000, salePrice: null })
      const page = await productPage()
      expect(page).toContain('24,000원')
      expect(page).not.toContain('19,000원')
      expect(page).not.toContain('21,600원')
      expect((await store.catalog.summaries([SEED]))[0]!.salePrice).toBeNull()
    })

    it('an ONIX feed: the same refusal with the same code', async () => {
      await restoreSalePrice()
      const edits = vi.spyOn(store.catalog, 'editBooks')
      const report = await store.importer.importFile('prices.xml', bytesOf(onixPrices(SEED, 24_000, 19_000)), { user: 'staff' })
      expect(await refusedOfLastEdit(edits)).toEqual({ salePrice: refusal })
      expect(report.counts.rejected).toBe(0)
      expect(await store.catalog.getBook(SEED)).toMatchObject({ listPrice: 24_000, salePrice: null })
      expect(await productPage()).not.toContain('19,000원')
    })

    it('the back office: the same refusal; the other fields are saved', async () => {
      await restoreSalePrice()
      const edits = vi.spyOn(store.catalog, 'editBooks')
      const app = createApp(serverServices(store, createLogger('silent')))
      const member = await staffShopper(app, store, 'catalog')
      await member.get(`/admin/books/${SEED}`)
      const res = await member.post(`/admin/books/${SEED}`, { salePrice: '19000', stock: '5' })
      expect(res.status).toBe(400)
      expect(await res.text()).toContain('도서정가제에 따라 판매가는 정가의 90%인 21600원 이상이어야 합니다.')
      expect(await refusedOfLastEdit(edits)).toEqual({ salePrice: refusal })
      expect(await store.catalog.getBook(SEED)).toMatchObject({ stock: 5, salePrice: null })
    })

    it('takes a lawful sale price, and any sale price with the law off', async () => {
      expect((await store.catalog.editBooks([{ isbn13: SEED, fields: { salePrice: 21_600 } }])).applied[0]?.refused).toBeUndefined()
      expect((await store.catalog.getBook(SEED)).salePrice).toBe(21_600)
      const abroad = buildServices(await openStore(store.url, { poolSize: 2 }), undefined, { ...testShop(), pricing: pricingRules({ COLOPHON_PRICE_LAW: 'off', COLOPHON_POINT_RATE: 0.05, COLOPHON_SHIPPING_FEE: 3000, COLOPHON_FREE_SHIPPING_FROM: 15000 }) })
      try {
        expect((await abroad.catalog.editBooks([{ isbn13: SEED, fields: { salePrice: 19_000 } }])).applied[0]?.refused).toBeUndefined()
        expect((await store.catalog.getBook(SEED)).salePrice).toBe(19_000)
      } finally {
        await abroad.store.close()
      }
    })
  })
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isbn13FromPrefix, type Isbn13 } from '../../src/catalog'
import { csvTable } from '../../src/ingest'
import { testDialects } from '../dialects'
import { testApp, testStore, type TestStore } from '../helpers'
import { bytesOf } from '../support/ingest'

const unpriced = isbn13FromPrefix('979119999921')
const priced = isbn13FromPrefix('979119999922')
const feed = `<?xml version="1.0"?>
<ONIXMessage release="3.0" xmlns="http://ns.editeur.org/onix/3.0/reference"><Header><Sender><SenderName>Test</SenderName></Sender><SentDateTime>20261203</SentDateTime></Header>
<Product><RecordReference>u</RecordReference><NotificationType>03</NotificationType><ProductIdentifier><ProductIDType>15</ProductIDType><IDValue>${unpriced}</IDValue></ProductIdentifier>
<DescriptiveDetail><ProductComposition>00</ProductComposition><ProductForm>BC</ProductForm><TitleDetail><TitleType>01</TitleType><TitleElement><TitleElementLevel>01</TitleElementLevel><TitleText>No price yet</TitleText></TitleElement></TitleDetail></DescriptiveDetail>
<ProductSupply><SupplyDetail><Supplier><SupplierRole>01</SupplierRole><SupplierName>S</SupplierName></Supplier><ProductAvailability>10</ProductAvailability><UnpricedItemType>03</UnpricedItemType></SupplyDetail></ProductSupply></Product></ONIXMessage>`

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: a book without a price has no currency`, { timeout: 60_000 }, () => {
    let store: TestStore
    beforeAll(async () => {
      store = await testStore(dialect)
    })
    afterAll(() => store.cleanup())

    it('an unpriced ONIX product is stored without a currency, exported without one and shows no price', async () => {
      expect((await store.importer.importFile('unpriced.xml', bytesOf(feed), { user: 'test' })).counts.created).toBe(1)
      const book = await store.catalog.getBook(unpriced as Isbn13)
      expect(book).toMatchObject({ listPrice: null, salePrice: null, currency: null })
      const row = await store.store.db.selectFrom('book').select('currency').where('isbn13', '=', unpriced).executeTakeFirstOrThrow()
      expect(row.currency).toBe('')
      let csv = ''
      for await (const chunk of csvTable(store.catalog.allBooks())) csv += chunk
      const [header, line] = csv.split('\n')
      expect(line!.split(',')[header!.split(',').indexOf('currency')]).toBe('')
      const page = await (await testApp(store).request(`/books/${unpriced}`)).text()
      expect(page).not.toMatch(/원<|₩|KRW/)
    })

    it('a price given without a currency is in won; clearing the prices clears the currency', async () => {
      const csv = (price: string) => bytesOf(`isbn13,title,list_price\n${priced},Priced,${price}\n`)
      await store.importer.importFile('priced.csv', csv('15000'), { user: 'test', format: 'csv' })
      expect(await store.catalog.getBook(priced as Isbn13)).toMatchObject({ listPrice: 15000, currency: 'KRW' })
      await store.importer.importFile('cleared.csv', csv(''), { user: 'test', format: 'csv' })
      expect(await store.catalog.getBook(priced as Isbn13)).toMatchObject({ listPrice: null, currency: null })
    })
  })
}

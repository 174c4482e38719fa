import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isbn13FromPrefix, parseIsbn } from '../../src/catalog'
import { testDialects } from '../dialects'
import { testApp, testStore, type TestStore } from '../helpers'
import { bytesOf, sharedFixtures } from '../support/ingest'

const [P1, P2, P3, P4, P5] = ['979119999980', '979119999981', '979119999982', '979119999983', '979119999984'].map((p) => isbn13FromPrefix(p))

/** One ONIX product: its form, title and RelatedMaterial as given. */
const product = (isbn: string, form: string, related = '') => `<Product><RecordReference>${isbn}</RecordReference><NotificationType>03</NotificationType><ProductIdentifier><ProductIDType>15</ProductIDType><IDValue>${isbn}</IDValue></ProductIdentifier>
<DescriptiveDetail><ProductComposition>00</ProductComposition><ProductForm>${form}</ProductForm><TitleDetail><TitleType>01</TitleType><TitleElement><TitleElementLevel>01</TitleElementLevel><TitleText>Editions of one work</TitleText></TitleElement></TitleDetail></DescriptiveDetail>
${related ? `<RelatedMaterial>${related}</RelatedMaterial>` : ''}</Product>`
const message = (...products: string[]) => `<?xml version="1.0"?>
<ONIXMessage release="3.0" xmlns="http://ns.editeur.org/onix/3.0/reference"><Header><Sender><SenderName>Test</SenderName></Sender><SentDateTime>20261203</SentDateTime></Header>${products.join('\n')}</ONIXMessage>`
const relatedProduct = (code: string, isbn: string) => `<RelatedProduct><ProductRelationCode>${code}</ProductRelationCode><ProductIdentifier><ProductIDType>03</ProductIDType><IDValue>${isbn}</IDValue></ProductIdentifier></RelatedProduct>`
const relatedWork = (istc: string) => `<RelatedWork><WorkRelationCode>01</WorkRelationCode><WorkIdentifier><WorkIDType>11</WorkIDType><IDValue>${istc}</IDValue></WorkIdentifier></RelatedWork>`

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: editions of one work from ONIX RelatedProduct and RelatedWork`, { timeout: 120_000 }, () => {
    let store: TestStore
    const importText = (name: string, text: string) => store.importer.importFile(name, bytesOf(text), { user: 'test' })
    const editions = async (isbn: string) => (await store.catalog.duplicates.editionsOf(parseIsbn(isbn))).sort()
    beforeAll(async () => {
      store = await testStore(dialect, { demoBooks: 1 })
    })
    afterAll(() => store?.cleanup())

    it('links a book with the e-book it names once the e-book arrives, and the books that share its work identifier; not a book by the same author', async () => {
      // P1 names P2 (electronic version, 27) before P2 is in the catalog, and a work; P5 is the same author's other book (22).
      await importText('print.xml', message(product(P1!, 'BC', relatedProduct('27', P2!) + relatedProduct('22', P5!) + relatedWork('A0220090000154FA')), product(P5!, 'BC')))
      expect(await editions(P1!)).toEqual([])
      await importText('ebook.xml', message(product(P2!, 'ED')))
      expect(await editions(P1!)).toEqual([P2])
      expect(await editions(P2!)).toEqual([P1])
      // P3 says only that it manifests the same work; P4 says it replaces P3 (a new edition, 03).
      await importText('hardcover.xml', message(product(P3!, 'BB', relatedWork('A0220090000154FA')), product(P4!, 'BB', relatedProduct('03', P3!))))
      expect(await editions(P1!)).toEqual([P2, P3, P4].sort())
      expect(await editions(P5!)).toEqual([])
      const history = await store.audit.history('book', P2!)
      expect(history[0]).toMatchObject({ action: 'link', changes: [{ field: 'work' }] })
      // The product page lists the other editions with their formats.
      const page = await (await testApp(store).request(`/books/${P1}`)).text()
      expect(page).toContain(`<a href="/books/${P2}">전자책</a>`)
      // Importing the same files again links nothing anew.
      await importText('print.xml', message(product(P1!, 'BC', relatedProduct('27', P2!) + relatedWork('A0220090000154FA'))))
      expect((await store.audit.history('book', P2!)).filter((e) => e.action === 'link')).toHaveLength(1)
    })

    const shared = sharedFixtures()
    it.skipIf(!shared)("links the Dilicom sample's print books with their e-books when those arrive", async () => {
      const report = await store.importer.importFile('Sample_ONIX_3.0.xml', bytesOf(readFileSync(join(shared!, 'onix/dilicom/Sample_ONIX_3.0.xml'))), { user: 'test' })
      expect(report.counts.created).toBeGreaterThan(50)
      // 9782140296970 names two electronic versions (27); one of them arrives in a feed of its own.
      expect(await editions('9782140296970')).toEqual([])
      await importText('epub.xml', message(product('9782140296987', 'ED')))
      expect(await editions('9782140296970')).toEqual(['9782140296987'])
    })
  })
}

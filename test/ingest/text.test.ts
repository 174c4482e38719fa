import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isbn13FromPrefix, type Isbn13 } from '../../src/catalog'
import { openInput } from '../../src/ingest'
import { testDialects } from '../dialects'
import { testApp, testStore, type TestStore } from '../helpers'
import { bytesOf, sharedFixtures } from '../support/ingest'

const shared = sharedFixtures()
/** A character reference a page would show as text: escaped once more than the markup needs. */
const SHOWN_ENTITY = /&amp;(#\d+|#x[0-9a-f]+|[a-z]+\d*);/i

const onixText = (isbn: string, text: string) => `<?xml version="1.0"?>
<ONIXMessage release="3.0" xmlns="http://ns.editeur.org/onix/3.0/reference"><Header><Sender><SenderName>Test</SenderName></Sender><SentDateTime>20261203</SentDateTime></Header>
<Product><RecordReference>t1</RecordReference><NotificationType>03</NotificationType><ProductIdentifier><ProductIDType>15</ProductIDType><IDValue>${isbn}</IDValue></ProductIdentifier>
<DescriptiveDetail><ProductComposition>00</ProductComposition><ProductForm>BC</ProductForm><TitleDetail><TitleType>01</TitleType><TitleElement><TitleElementLevel>01</TitleElementLevel><TitleText>Texts</TitleText></TitleElement></TitleDetail></DescriptiveDetail>
<CollateralDetail><TextContent><TextType>03</TextType><ContentAudience>00</ContentAudience>${text}</TextContent></CollateralDetail></Product></ONIXMessage>`

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: book texts keep their paragraphs and show no character reference`, { timeout: 120_000 }, () => {
    let store: TestStore
    const book = (isbn: string) => store.catalog.getBook(isbn as Isbn13)
    beforeAll(async () => {
      store = await testStore(dialect)
    })
    afterAll(() => store.cleanup())

    it('three plain-text paragraphs with a few inline tags stay three paragraphs', async () => {
      const isbn = isbn13FromPrefix('979119999911')
      const text = '<Text>The <b>first</b> paragraph.\n\nThe second, with <i>a title</i>.\n\nThe third.</Text>'
      expect((await store.importer.importFile('paras.xml', bytesOf(onixText(isbn, text)), { user: 'test' })).counts.created).toBe(1)
      expect((await book(isbn)).descriptionHtml).toBe('<p>The <b>first</b> paragraph.</p>\n<p>The second, with <i>a title</i>.</p>\n<p>The third.</p>')
    })

    it('a double-escaped tag in a tag-less text is the markup it stands for', async () => {
      const isbn = isbn13FromPrefix('979119999912')
      const text = '<Text textformat="02">A &amp;lt;strong&amp;gt;bold&amp;lt;/strong&amp;gt; claim &amp;amp; more.</Text>'
      await store.importer.importFile('double.xml', bytesOf(onixText(isbn, text)), { user: 'test' })
      const html = (await book(isbn)).descriptionHtml!
      expect(html).toBe('<p>A <strong>bold</strong> claim &amp; more.</p>')
      const page = await (await testApp(store).request(`/books/${isbn}`)).text()
      expect(page).toContain('A <strong>bold</strong> claim &amp; more.')
      expect(page).not.toMatch(/strong&gt;|&amp;lt;|&amp;amp;/)
    })

    it.skipIf(!shared)('dilicom/Sample_ONIX_3.0.xml: escaped HTML with named references reads as French, never "&eacute;"', async () => {
      const report = await store.importer.importFile('dilicom.xml', openInput(join(shared!, 'onix/dilicom/Sample_ONIX_3.0.xml')), { user: 'test' })
      expect(report.counts.created).toBeGreaterThan(100)
      const bio = (await book('9782278120864')).authorBioHtml!
      expect(bio).toContain('Il est également professeur de scénario')
      const corse = (await book('9782017185550')).descriptionHtml!
      expect(corse).toContain('des activités de plein air, nos adresses coups de cœur')
      expect(corse).toContain('Plein d\'idées')
      const rows = await store.store.db.selectFrom('book').select(['isbn13', 'description_html', 'review_html', 'author_bio_html']).execute()
      for (const r of rows) for (const text of [r.description_html, r.review_html, r.author_bio_html]) if (text) expect(text, r.isbn13).not.toMatch(SHOWN_ENTITY)
    })
  })
}

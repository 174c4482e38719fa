import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CatalogService, Isbn13 } from '../../src/catalog'
import { openInput, type Importer } from '../../src/ingest'
import type { Store } from '../../src/store'
import { bytesOf, fixture, importSetup } from '../support/ingest'
import { testDialects } from '../dialects'

const isbn = (s: string) => s as Isbn13

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: importing feeds`, () => {
    let store: Store
    let catalog: CatalogService
    let importer: Importer
    const run = (name: string, batchSize?: number) => importer.importFile(name, openInput(fixture(name)), { user: 'staff', batchSize })

    beforeEach(async () => ({ store, catalog, importer } = await importSetup(dialect)))
    afterEach(() => store.close())

    it('imports good records and rejects each bad one with its file, index, reference, field and reason', async () => {
      const report = await run('onix/sample.xml', 2)
      expect(report.status).toBe('done')
      expect(report.counts).toMatchObject({ records: 7, created: 2, rejected: 5 })
      const reasons = Object.fromEntries(report.rejected.map((r) => [r.reference, `${r.field}: ${r.reason}`]))
      expect(reasons['test-0002-bad-checksum']).toMatch(/^ProductIdentifier\/IDValue \(isbn13\): check digit of "9788962633246" is wrong/)
      expect(reasons['test-0003-heavy']).toMatch(/^DescriptiveDetail\/Measure\[MeasureType 08\] \(weightG\): /)
      expect(reasons['test-0004-no-pages']).toMatch(/^DescriptiveDetail\/Extent\/ExtentValue \(pageCount\): /)
      expect(reasons['test-0005-unknown-form']).toMatch(/ProductForm: "QQ" is not a code of ONIX code list 150/)
      expect(reasons['test-0006-no-id']).toMatch(/^ProductIdentifier: /)
      expect(report.rejected.find((r) => r.reference === 'test-0003-heavy')).toMatchObject({ file: 'onix/sample.xml', record: 3 })
      const book = await catalog.getBook(isbn('9788962633245'))
      expect(book.descriptionHtml).toBe('<p>두 제국의 <em>400년</em>.</p>')
      expect(book.categoryIds.sort()).toEqual(['history-asia', 'politics-international'])
      expect(await catalog.countBooks()).toBe(2)
    })

    it('says "unchanged" when the same file is imported again, and writes nothing', async () => {
      await run('onix/sample.xml')
      const before = await catalog.getBook(isbn('9788962633245'))
      const again = await run('onix/sample.xml')
      expect(again.counts).toMatchObject({ records: 7, created: 0, updated: 0, unchanged: 2, rejected: 5 })
      expect((await catalog.getBook(isbn('9788962633245'))).updatedAt).toBe(before.updatedAt)
    })

    it('a block update replaces the blocks it carries and keeps the rest; one for an unknown book is rejected', async () => {
      await run('onix/sample.xml')
      const report = await run('onix/block-update.xml')
      expect(report.counts).toMatchObject({ updated: 1, rejected: 1 })
      expect(report.rejected[0]).toMatchObject({ reference: 'test-0099', field: 'DescriptiveDetail/TitleDetail/TitleElement/TitleText (title)' })
      const book = await catalog.getBook(isbn('9788962633245'))
      expect(book.listPrice).toBe(26000)
      expect(book.title).toBe('중국과 러시아')
      expect(book.dimensions).toEqual({ heightMm: 217, widthMm: 148, thicknessMm: 30 })
    })

    it('a delete (05) takes the book off sale and keeps it', async () => {
      await run('onix/sample.xml')
      const report = await run('onix/delete.xml')
      expect(report.counts.withdrawn).toBe(1)
      const book = await catalog.getBook(isbn('9788962633245'))
      expect(book.onSale).toBe(false)
      expect(book.title).toBe('중국과 러시아')
      expect(await catalog.countBooks()).toBe(2)
    })

    it('a delete (05) for a book the catalog never had is rejected, not created', async () => {
      const report = await run('onix/delete.xml')
      expect(report.counts).toMatchObject({ records: 1, created: 0, rejected: 1 })
      expect(report.rejected[0]!.reason).toMatch(/not in the catalog: nothing to take off sale/)
      expect(await catalog.countBooks()).toBe(0)
    })

    it('imports MARCXML and CSV, rejecting what has no ISBN or a bad number', async () => {
      const marc = await run('marc/sample.xml')
      expect(marc.format).toBe('marcxml')
      expect(marc.counts).toMatchObject({ created: 1, rejected: 1 })
      const book = await catalog.getBook(isbn('9791100000106'))
      expect(book).toMatchObject({ title: 'The white book', subtitle: 'a novel', publisher: 'Munhakdongne', pageCount: 368, language: 'kor', dimensions: { heightMm: 220, widthMm: 150, thicknessMm: null } })
      expect(book.contributors).toEqual([{ name: 'Kang Han', role: 'author' }, { name: 'Deborah Smith', role: 'translator' }])
      expect(book.toc.map((t) => t.title)).toEqual(['Preface', 'Door', 'Snow', 'Afterword'])
      expect(book.categoryIds).toEqual(['fiction-korean'])
      const csv = await run('csv/books.csv')
      expect(csv.counts).toMatchObject({ records: 3, created: 2, rejected: 1 })
      expect(csv.rejected[0]).toMatchObject({ record: 2, field: 'list_price' })
      expect((await catalog.getBook(isbn('9791100000090'))).descriptionHtml).toBe('<p>Line one.\nLine two with "quotes".</p>')
    })

    it('stops at a broken file with its position, keeps earlier batches and writes nothing of the broken one', async () => {
      const products = Array.from({ length: 5 }, (_, i) => {
        const id = ['9791100000014', '9791100000021', '9791100000038', '9791100000045', '9791100000052'][i]
        return `<Product><RecordReference>r${i}</RecordReference><NotificationType>03</NotificationType><ProductIdentifier><ProductIDType>15</ProductIDType><IDValue>${id}</IDValue></ProductIdentifier><DescriptiveDetail><ProductComposition>00</ProductComposition><ProductForm>BC</ProductForm><TitleDetail><TitleType>01</TitleType><TitleElement><TitleElementLevel>01</TitleElementLevel><TitleText>Book ${i}</TitleText></TitleElement></TitleDetail></DescriptiveDetail></Product>\n`
      })
      const feed = `<?xml version="1.0"?>\n<ONIXMessage release="3.0" xmlns="http://ns.editeur.org/onix/3.0/reference">\n${products.join('')}<Product><RecordReference>broken`
      const report = await importer.importFile('broken.xml', bytesOf(feed), { user: 'staff', batchSize: 2 })
      expect(report.status).toBe('failed')
      expect(report.error).toMatch(/^broken\.xml:line \d+, column \d+: /)
      expect(await catalog.countBooks()).toBe(4)
      const [logged] = await importer.recentRuns(1)
      expect(logged).toMatchObject({ status: 'failed', file: 'broken.xml', user: 'staff' })
    })

    it('logs every import with who, when, file and counts, and a data-quality report', async () => {
      const report = await run('onix/sample.xml')
      expect(report.quality.books).toBe(2)
      expect(report.quality.missing).toMatchObject({ cover: 1, description: 1, toc: 1, dimensions: 1, price: 1, category: 0 })
      expect(report.quality.examples).toContainEqual({ isbn13: '9791100000045', missing: ['cover', 'description', 'toc', 'dimensions', 'price'] })
      const [logged] = await importer.recentRuns(5)
      expect(logged).toMatchObject({ user: 'staff', file: 'onix/sample.xml', format: 'onix', status: 'done', counts: { records: 7, created: 2, rejected: 5 } })
      expect(logged!.startedAt).toMatch(/^\d{4}-\d\d-\d\dT/)
      expect(await catalog.qualitySummary()).toEqual({ books: 2, missing: { cover: 1, description: 1, toc: 1, dimensions: 1, price: 1, category: 0 } })
    })

    it('strips scripts and event handlers from texts', async () => {
      await run('onix/sample.xml')
      const html = (await catalog.getBook(isbn('9788962633245'))).descriptionHtml!
      expect(html).not.toMatch(/script|onclick|alert/)
    })

    it('files books by the subject table, which staff can edit', async () => {
      await expect(importer.mapSubject('thema', 'FBA', 'no-such-category')).rejects.toThrow(/no category/)
      await importer.mapSubject('thema', 'FBA', 'fiction-genre')
      await run('onix/sample.xml')
      expect((await catalog.getBook(isbn('9791100000045'))).categoryIds).toEqual(['fiction-genre'])
    })

    it('rejects a record naming a category the catalog does not have, and writes the others', async () => {
      const csv = 'isbn13,title,categories\n9791100000014,One,fiction-korean\n9791100000021,Two,no-such-shelf\n'
      const report = await importer.importFile('cats.csv', bytesOf(csv), { user: 'staff' })
      expect(report.counts).toMatchObject({ created: 1, rejected: 1 })
      expect(report.rejected[0]).toMatchObject({ record: 2, field: 'categories (categoryIds)', reason: 'no category "no-such-shelf" in the catalog' })
    })
  })
}

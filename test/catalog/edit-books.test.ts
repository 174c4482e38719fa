import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { parseIsbn, type EditResult } from '../../src/catalog'
import { createLogger } from '../../src/core/logger'
import { serverServices } from '../../src/cli/services'
import { fillDemoCatalog } from '../../src/demo'
import { demoCategories } from '../../src/demo/categories'
import { createApp } from '../../src/web/app'
import { testDialects } from '../dialects'
import { testStore, type TestStore } from '../helpers'
import { bytesOf } from '../support/ingest'
import { staffShopper } from '../support/staff'

const SEED = parseIsbn('9788962633245')
const NEW = parseIsbn('9791199999992')

const onixWithCategory = (isbn: string, category: string) => `<?xml version="1.0"?>
<ONIXMessage release="3.0" xmlns="http://ns.editeur.org/onix/3.0/reference"><Header><Sender><SenderName>Test</SenderName></Sender><SentDateTime>20260101</SentDateTime></Header>
<Product><RecordReference>r1</RecordReference><NotificationType>03</NotificationType><ProductIdentifier><ProductIDType>15</ProductIDType><IDValue>${isbn}</IDValue></ProductIdentifier>
<DescriptiveDetail><ProductComposition>00</ProductComposition><ProductForm>BC</ProductForm><TitleDetail><TitleType>01</TitleType><TitleElement><TitleElementLevel>01</TitleElementLevel><TitleText>Shelved nowhere</TitleText></TitleElement></TitleDetail>
<Subject><SubjectSchemeIdentifier>24</SubjectSchemeIdentifier><SubjectSchemeName>Colophon category</SubjectSchemeName><SubjectCode>${category}</SubjectCode></Subject></DescriptiveDetail></Product>
</ONIXMessage>`

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: editing books`, () => {
    let store: TestStore

    beforeAll(async () => {
      store = await testStore(dialect)
      await store.catalog.saveCategories(demoCategories())
      await fillDemoCatalog(store.catalog, { books: 3 })
    })
    afterAll(() => store?.cleanup())
    afterEach(() => vi.restoreAllMocks())

    it('keeps what an edit leaves out, clears what it empties, and says what each edit did', async () => {
      const before = await store.catalog.getBook(SEED)
      const result = await store.catalog.editBooks([
        { isbn13: SEED, fields: { stock: 4, subtitle: null, series: undefined } },
        { isbn13: NEW, fields: { title: 'Brand new', categoryIds: ['history-world'] } },
        { isbn13: NEW, fields: { title: 'Brand new' } },
      ])
      expect(result.rejected).toEqual([])
      expect(result.applied.map((a) => a.change)).toEqual(['updated', 'created', 'unchanged'])
      expect(result.saved.map((b) => b.isbn13).sort()).toEqual([SEED, NEW].sort())
      const after = await store.catalog.getBook(SEED)
      expect(after).toMatchObject({ stock: 4, subtitle: null, title: before.title, series: before.series, pageCount: before.pageCount })
      expect((await store.catalog.getBook(NEW)).categoryIds).toEqual(['history-world'])
    })

    it('names every bad field with a code and its facts, writes nothing of that edit and still writes the others', async () => {
      const before = await store.catalog.getBook(SEED)
      const { rejected, applied } = await store.catalog.editBooks([
        { isbn13: SEED, fields: { listPrice: -5, issuedOn: '2025-02-30', language: 'korean', categoryIds: ['history-world', 'nowhere', 'nor-here'] } },
        { isbn13: NEW, fields: { stock: 9 } },
      ])
      expect(rejected).toMatchObject([
        {
          index: 0,
          isbn13: SEED,
          errors: {
            listPrice: { code: 'too_small', params: { min: 0 } },
            issuedOn: { code: 'not_date', params: {} },
            language: { code: 'not_language_code', params: {} },
            categoryIds: { code: 'unknown_category', params: { ids: 'nowhere, nor-here' } },
          },
        },
      ])
      expect(applied).toEqual([{ index: 1, isbn13: NEW, change: 'updated' }])
      expect(await store.catalog.getBook(SEED)).toEqual(before)
      expect((await store.catalog.getBook(NEW)).stock).toBe(9)
    })

    it('creates a book only from a title, and only when the edit may create it', async () => {
      const other = parseIsbn('9791199999985')
      const { rejected } = await store.catalog.checkEdits([
        { isbn13: other, fields: { stock: 1 } },
        { isbn13: other, fields: { title: 'Only if there', onSale: false }, mustExist: true },
      ])
      expect(rejected.map((r) => r.errors)).toEqual([{ title: { code: 'required_for_new_book', params: {} } }, { isbn13: { code: 'not_in_catalog', params: {} } }])
      expect(await store.catalog.findBooks([other])).toEqual([])
    })

    it('refuses an unknown category with the same code from the back-office form, a CSV file and an ONIX feed', async () => {
      const edits = vi.spyOn(store.catalog, 'editBooks')
      const codeOfLastEdit = async () => {
        const result = (await edits.mock.results.at(-1)!.value) as EditResult
        return result.rejected[0]?.errors.categoryIds
      }
      const app = createApp(serverServices(store, createLogger('silent')))
      const member = await staffShopper(app, store, 'catalog')
      await member.get(`/admin/books/${SEED}`)
      const form = await member.post(`/admin/books/${SEED}`, { categoryIds: 'nowhere' })
      expect(form.status).toBe(400)
      expect(await form.text()).toContain('없는 분야입니다: nowhere')
      const fromForm = await codeOfLastEdit()

      const csv = await store.importer.importFile('cats.csv', bytesOf(`isbn13,categories\n${SEED},nowhere\n`), { user: 'staff' })
      expect(csv.rejected).toMatchObject([{ field: 'categories (categoryIds)', reason: 'no category "nowhere" in the catalog' }])
      const fromCsv = await codeOfLastEdit()

      const onix = await store.importer.importFile('cats.xml', bytesOf(onixWithCategory(NEW, 'nowhere')), { user: 'staff' })
      expect(onix.rejected).toMatchObject([{ field: 'DescriptiveDetail/Subject (categoryIds)', reason: 'no category "nowhere" in the catalog' }])
      const fromOnix = await codeOfLastEdit()

      expect(fromForm).toEqual({ code: 'unknown_category', params: { ids: 'nowhere' } })
      expect(fromCsv).toEqual(fromForm)
      expect(fromOnix).toEqual(fromForm)
      expect((await store.catalog.getBook(SEED)).categoryIds).not.toContain('nowhere')
    })
  })
}

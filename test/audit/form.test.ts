import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseIsbn } from '../../src/catalog'
import { fillDemoCatalog } from '../../src/demo'
import { demoCategories } from '../../src/demo/categories'
import { testDialects } from '../dialects'
import { testStore, type TestStore } from '../helpers'
import { staffApp, staffShopper } from '../support/staff'

const SEED = parseIsbn('9788962633245')

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: edits through the back-office form are audited`, () => {
    let store: TestStore
    let editor: Awaited<ReturnType<typeof staffShopper>>

    beforeAll(async () => {
      store = await testStore(dialect)
      await store.catalog.saveCategories(demoCategories())
      await fillDemoCatalog(store.catalog, { books: 2 })
      editor = await staffShopper(staffApp(store), store, 'catalog', { name: '김편집' })
    })
    afterAll(() => store?.cleanup())

    it('records each field a saved form changed, before and after', async () => {
      const { stock, publisher } = await store.catalog.getBook(SEED)
      await editor.get(`/admin/books/${SEED}`)
      const saved = await editor.post(`/admin/books/${SEED}`, { stock: String(stock! + 2), publisher: '새 출판사' })
      expect(saved.status).toBe(303)
      const [entry, ...rest] = await store.audit.history('book', SEED)
      expect(rest).toEqual([])
      expect(entry).toMatchObject({ action: 'edit', recordType: 'book', recordId: SEED })
      expect(entry!.changes).toEqual(expect.arrayContaining([{ field: 'stock', before: stock, after: stock! + 2 }, { field: 'publisher', before: publisher, after: '새 출판사' }]))
      expect(entry!.changes).toHaveLength(2)
    })

    it('records nothing for a form refused for a wrong field', async () => {
      const entries = (await store.audit.history('book', SEED)).length
      await editor.get(`/admin/books/${SEED}`)
      const refused = await editor.post(`/admin/books/${SEED}`, { stock: '5', issuedOn: '2025-02-30' })
      expect(refused.status).toBe(400)
      expect(await store.audit.history('book', SEED)).toHaveLength(entries)
    })
  })
}

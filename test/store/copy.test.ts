import { afterEach, describe, expect, it } from 'vitest'
import { parseBookInput } from '../../src/catalog'
import { seedBook } from '../../src/demo'
import { copyStore } from '../../src/store'
import { testDialects } from '../dialects'
import { testStore, type TestStore } from '../helpers'

const [sqlite] = testDialects()
let stores: TestStore[] = []
afterEach(async () => {
  await Promise.all(stores.map((s) => s.cleanup()))
  stores = []
})

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: copy from SQLite and back`, () => {
    it('moves every table both ways, verifies counts and can run again', async () => {
      const from = await testStore(sqlite!, { demoBooks: 40 })
      const to = await testStore(dialect, {})
      stores.push(from, to)
      const progress: number[] = []
      const first = await copyStore(from.store, to.store, { batchRows: 7, onProgress: (done) => progress.push(done) })
      expect(first.rows.book).toBe(41)
      expect(first.skipped).toEqual([])
      expect(progress.at(-1)).toBe(Object.values(first.rows).reduce((a, b) => a + b, 0))
      await copyStore(from.store, to.store)
      expect(await to.catalog.countBooks()).toBe(41)
      const isbn = parseBookInput(seedBook).isbn13
      expect(await to.catalog.getBook(isbn)).toEqual(await from.catalog.getBook(isbn))
      expect((await to.catalog.categories()).roots.length).toBe((await from.catalog.categories()).roots.length)

      const back = await testStore(sqlite!, {})
      stores.push(back)
      await copyStore(to.store, back.store)
      expect(await back.catalog.getBook(isbn)).toEqual(await from.catalog.getBook(isbn))
      expect(await back.catalog.countBooks()).toBe(41)
    })

    it('searches the copy as the source once the text index is rebuilt', async () => {
      const from = await testStore(sqlite!, { demoBooks: 40 })
      const to = await testStore(dialect, {})
      stores.push(from, to)
      await copyStore(from.store, to.store)
      expect(await to.search.rebuildTextIndex()).toBe(41)
      for (const q of ['중국 러시아', '9788962633245', '역사']) {
        const [a, b] = await Promise.all([from, to].map((s) => s.search.search({ q, page: 1, pageSize: 50 })))
        expect(b!.books.total).toBe(a!.books.total)
        expect(new Set(b!.books.items.map((i) => i.isbn13))).toEqual(new Set(a!.books.items.map((i) => i.isbn13)))
        expect(b!.facets.formats).toEqual(a!.facets.formats)
      }
      const shelf = await to.search.categoryListing('history', { q: '', page: 1, pageSize: 24 })
      expect(shelf.result.facets).toEqual((await from.search.categoryListing('history', { q: '', page: 1, pageSize: 24 })).result.facets)
    })

    it('keeps numbering the change log after the copied rows', async () => {
      const from = await testStore(sqlite!, { demoBooks: 5 })
      const to = await testStore(dialect, {})
      stores.push(from, to)
      await copyStore(from.store, to.store)
      const copiedTop = await to.catalog.latestChangeSeq()
      await to.catalog.saveBooks([parseBookInput({ ...seedBook, stock: 1 })])
      expect(await to.catalog.latestChangeSeq()).toBe(copiedTop + 1)
      expect((await to.catalog.changesSince(copiedTop)).change).toEqual({ isbns: [parseBookInput(seedBook).isbn13] })
    })
  })
}

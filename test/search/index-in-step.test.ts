import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseBookInput } from '../../src/catalog'
import { generatedBook } from '../../src/demo'
import { testDialects } from '../dialects'
import { demoStore } from './fixture'

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: the search index stays in step with the catalog`, () => {
    let store: Awaited<ReturnType<typeof demoStore>>
    const isbnsFor = async (q: string) => (await store.search.search({ q, page: 1, pageSize: 50 })).books.items.map((b) => b.isbn13)
    beforeAll(async () => {
      store = await demoStore(dialect, 50)
    })
    afterAll(() => store.cleanup())

    it('finds an edited book by its new title only', async () => {
      const book = parseBookInput({ ...generatedBook(7), title: '콜로폰 색인 시험', translations: { en: { title: 'Colophon Indexing Trial' } } })
      const before = await store.catalog.getBook(book.isbn13)
      await store.catalog.saveBooks([book])
      expect(await isbnsFor('색인 시험')).toEqual([book.isbn13])
      expect(await isbnsFor('indexing trial')).toEqual([book.isbn13])
      expect(await isbnsFor(before.title)).not.toContain(book.isbn13)
    })

    it('updates a category page, whose counts are kept between requests, on the next write', async () => {
      const listing = () => store.search.categoryListing('history', { q: '', page: 1, pageSize: 24 })
      const before = (await listing()).result
      expect((await listing()).result.facets).toEqual(before.facets)
      await store.catalog.saveBooks([parseBookInput({ ...generatedBook(500), categoryIds: ['history-world'] })])
      const after = (await listing()).result
      expect(after.books.total).toBe(before.books.total + 1)
      const world = (r: typeof after) => r.facets.categories.find((c) => c.value === 'history-world')?.count ?? 0
      expect(world(after)).toBe(world(before) + 1)
    })

    it('leaves the index untouched when a write fails', async () => {
      const bad = parseBookInput({ ...generatedBook(8), title: '실패할 쓰기', categoryIds: ['no-such-category'] })
      await expect(store.catalog.saveBooks([bad])).rejects.toThrow()
      expect(await isbnsFor('실패할 쓰기')).toEqual([])
    })

    it('forgets a deleted book', async () => {
      const gone = generatedBook(9)
      expect(await isbnsFor(gone.isbn13)).toEqual([gone.isbn13])
      await store.catalog.removeBooks([gone.isbn13])
      expect(await isbnsFor(gone.isbn13)).toEqual([])
      expect(await isbnsFor(gone.title)).not.toContain(gone.isbn13)
    })

    it('rebuilds the whole index with reindex', async () => {
      await store.store.db.transaction().execute(async (trx) => {
        await store.store.dialect.textIndex.clear(trx)
        await trx.deleteFrom('search_book_category').execute()
        await trx.deleteFrom('search_book').execute()
      })
      expect(await isbnsFor('중국과 러시아')).toEqual([])
      expect(await store.search.isIndexMissing()).toBe(true)
      expect(await store.search.reindex()).toBe(51)
      expect((await isbnsFor('중국과 러시아'))[0]).toBe('9788962633245')
      expect(await store.search.isIndexMissing()).toBe(false)
      expect(await isbnsFor('색인 시험')).toEqual([generatedBook(7).isbn13])
    })
  })
}

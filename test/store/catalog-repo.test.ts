import { afterEach, describe, expect, it } from 'vitest'
import { isbn13FromPrefix, parseBookInput } from '../../src/catalog'
import { seedBook } from '../../src/demo'
import { migrateDown, migrateToLatest } from '../../src/store'
import { sqlite, testDialects } from '../dialects'
import { testStore, type TestStore } from '../helpers'

let store: TestStore
const OTHER = isbn13FromPrefix('979119999999')
afterEach(() => store?.cleanup())

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: catalog repo`, () => {
    it('stores and reads back every field of the seed book', async () => {
      store = await testStore(dialect, { demoBooks: 0 })
      const book = await store.catalog.getBook(parseBookInput(seedBook).isbn13)
      expect(book).toMatchObject({
        isbn13: '9788962633245',
        isbn10: '8962633248',
        title: '중국과 러시아',
        translations: { en: { title: 'China and Russia' } },
        issuedOn: '2025-10-20',
        pageCount: 368,
        dimensions: { widthMm: 148, heightMm: 217, thicknessMm: 30 },
        contributors: [],
        publisher: null,
        categoryIds: ['history-world', 'politics-international'],
      })
      expect(book.toc.filter((e) => e.kind === 'chapter').map((e) => e.number)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'])
    })

    it('re-saving an ISBN updates the book instead of duplicating it', async () => {
      store = await testStore(dialect, { demoBooks: 0 })
      const input = parseBookInput({ ...seedBook, contributors: [{ name: '홍길동', role: 'author' }] })
      await store.catalog.saveBooks([input])
      await store.catalog.saveBooks([{ ...input, stock: 3, contributors: [{ name: '김철수', role: 'translator' }] }])
      expect(await store.catalog.countBooks()).toBe(1)
      const book = await store.catalog.getBook(input.isbn13)
      expect(book.stock).toBe(3)
      expect(book.contributors).toEqual([{ name: '김철수', role: 'translator' }])
    })

    it('writes a batch all or nothing', async () => {
      store = await testStore(dialect, { demoBooks: 0 })
      const good = parseBookInput({ ...seedBook, isbn13: OTHER })
      const bad = { ...parseBookInput(seedBook), categoryIds: ['no-such-category'] }
      await expect(store.catalog.saveBooks([good, bad])).rejects.toThrow()
      expect(await store.catalog.countBooks()).toBe(1)
    })

    it('lists a category with its subcategories, newest first, with a total', async () => {
      store = await testStore(dialect, { demoBooks: 300 })
      const listing = await store.catalog.booksInCategory('history', 1, 10)
      expect(listing.path.map((c) => c.id)).toEqual(['domestic', 'history'])
      expect(listing.books.items).toHaveLength(10)
      expect(listing.books.total).toBeGreaterThan(10)
      const dates = listing.books.items.map((b) => b.issuedOn!)
      expect([...dates].sort().reverse()).toEqual(dates)
    })

    it('ranks related books by shared contributors above shared categories, never the book itself', async () => {
      store = await testStore(dialect, { demoBooks: 300 })
      const seed = await store.catalog.getBook(parseBookInput(seedBook).isbn13)
      const sameAuthor = parseBookInput({ ...seedBook, isbn13: OTHER, categoryIds: ['fiction-poetry'], contributors: [{ name: '홍길동', role: 'author' }] })
      const withAuthor = { ...parseBookInput(seedBook), contributors: [{ name: '홍길동', role: 'author' as const }] }
      await store.catalog.saveBooks([sameAuthor, withAuthor])
      const related = await store.catalog.related(await store.catalog.getBook(seed.isbn13), 12)
      expect(related).toHaveLength(12)
      expect(related[0]!.isbn13).toBe(OTHER)
      expect(related.map((b) => b.isbn13)).not.toContain(seed.isbn13)
    })
  })
}

describe('sqlite: prepared statements', () => {
  it('reuses statements across queries, including after a stream left early', async () => {
    store = await testStore(sqlite, { demoBooks: 50 })
    const query = () => store.store.db.selectFrom('book').select('isbn13').orderBy('isbn13')
    for await (const row of query().stream()) {
      expect(row.isbn13).toMatch(/^97/)
      break
    }
    let n = 0
    for await (const _ of query().stream()) n++
    expect(n).toBe(51)
    expect(await query().execute()).toHaveLength(51)
    for (let i = 0; i < 3; i++) expect(await store.catalog.countBooks()).toBe(51)
  })
})

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: one ISBN twice in a batch`, () => {
    it('keeps the later record, in the catalog and the search index', async () => {
      store = await testStore(dialect, { demoBooks: 0 })
      const first = parseBookInput({ ...seedBook, stock: 1 })
      await store.catalog.saveBooks([first, { ...first, stock: 9 }])
      expect((await store.catalog.getBook(first.isbn13)).stock).toBe(9)
      expect(await store.catalog.countBooks()).toBe(1)
    })

    it('fills the contributors and category ids a book row carries from the tables that index them', async () => {
      store = await testStore(dialect, { demoBooks: 0 })
      const input = parseBookInput({ ...seedBook, contributors: [{ name: '홍길동', role: 'author' }, { name: 'Kim "Jane"', role: 'translator' }] })
      await store.catalog.saveBooks([input])
      const saved = await store.catalog.getBook(input.isbn13)
      // Back to the schema before the columns existed, then forward again: the migration rebuilds them from the contributor and book_category rows.
      await migrateDown(store.store.db)
      await migrateToLatest(store.store.db)
      expect(await store.catalog.getBook(input.isbn13)).toEqual(saved)
      expect(saved.contributors).toEqual([{ name: '홍길동', role: 'author' }, { name: 'Kim "Jane"', role: 'translator' }])
      expect((await store.catalog.summaries([input.isbn13]))[0]!.contributors).toEqual(saved.contributors)
    })
  })
}

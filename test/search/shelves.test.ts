import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseBookInput } from '../../src/catalog'
import { generatedBook } from '../../src/demo'
import { facetCounts } from '../../src/search/repo'
import { recountShelves, shelfCounts } from '../../src/search/shelves'
import { testDialects } from '../dialects'
import { demoStore } from './fixture'

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: shelves' running facet counts`, () => {
    let store: Awaited<ReturnType<typeof demoStore>>
    beforeAll(async () => {
      store = await demoStore(dialect, 120)
    })
    afterAll(() => store.cleanup())

    /** Every shelf's running totals against a count over its books. */
    async function expectTotalsToMatchCounting() {
      const shelves = ['', ...(await store.store.db.selectFrom('category').select('id').execute()).map((c) => c.id)]
      for (const shelf of shelves) {
        const counted = await facetCounts(store.store.db, { match: null, category: shelf || undefined }, { isFew: false })
        expect({ shelf, counts: await shelfCounts(store.store.db, shelf) }).toEqual({ shelf, counts: counted })
      }
    }

    it('equal a count over the shelf after the catalog is written', async () => {
      await expectTotalsToMatchCounting()
    })

    it('follow edits, moves between shelves, price changes and deletions', async () => {
      const moved = parseBookInput({ ...generatedBook(3), categoryIds: ['science-physics'], publisher: '새 출판사', salePrice: 9000, listPrice: 10000 })
      const undated = parseBookInput({ ...generatedBook(4), issuedOn: null })
      await store.catalog.saveBooks([moved, undated])
      await store.catalog.saveBooks([moved])
      await store.catalog.removeBooks([generatedBook(5).isbn13])
      await expectTotalsToMatchCounting()
    })

    it('are recounted from scratch to the same figures', async () => {
      const before = await shelfCounts(store.store.db, 'history')
      await store.store.db.transaction().execute((trx) => recountShelves(trx))
      expect(await shelfCounts(store.store.db, 'history')).toEqual(before)
      await expectTotalsToMatchCounting()
    })

    it('list a shelf newest first, as the general listing does', async () => {
      const listing = await store.search.categoryListing('history', { q: '', page: 2, pageSize: 5, sort: 'newest' })
      const general = await store.search.search({ q: '', publisher: undefined, category: 'history', page: 2, pageSize: 5, sort: 'newest', inStock: false })
      expect(listing.result.books.items.length).toBe(5)
      const dates = listing.result.books.items.map((b) => b.issuedOn ?? '')
      expect([...dates].sort().reverse()).toEqual(dates)
      expect(general.books.total).toBe(listing.result.books.total)
      expect(general.books.items.map((b) => b.isbn13)).toEqual(listing.result.books.items.map((b) => b.isbn13))
      expect(general.facets).toEqual(listing.result.facets)
    })
  })
}

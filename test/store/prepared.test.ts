import { afterEach, describe, expect, it } from 'vitest'
import type { Kysely } from 'kysely'
import { preparedQuery, type Database } from '../../src/store'
import { testDialects } from '../dialects'
import { testStore, type TestStore } from '../helpers'

let stores: TestStore[] = []
afterEach(async () => {
  await Promise.all(stores.map((s) => s.cleanup()))
  stores = []
})

/** Books of a category after an ISBN, newest ISBN first: call values, a fixed value (on sale) and a limit among them. */
const shelfAfter = preparedQuery((db: Kysely<Database>, a: { category: string; after: string; limit: number }) =>
  db
    .selectFrom('book_category')
    .innerJoin('book', 'book.isbn13', 'book_category.book_isbn13')
    .select('book.isbn13')
    .where('book_category.category_id', '=', a.category)
    .where('book.on_sale', '=', 1)
    .where('book.isbn13', '<', a.after)
    .orderBy('book.isbn13', 'desc')
    .limit(a.limit),
)

const built = (db: Kysely<Database>, category: string, after: string, limit: number) =>
  db
    .selectFrom('book_category')
    .innerJoin('book', 'book.isbn13', 'book_category.book_isbn13')
    .select('book.isbn13')
    .where('book_category.category_id', '=', category)
    .where('book.on_sale', '=', 1)
    .where('book.isbn13', '<', after)
    .orderBy('book.isbn13', 'desc')
    .limit(limit)
    .execute()

/** Books of any of a fixed number of categories: a list argument, one value per slot. */
const inShelves = preparedQuery((db: Kysely<Database>, a: { categories: string[] }) =>
  db.selectFrom('book_category').select('book_isbn13').distinct().where('category_id', 'in', a.categories).orderBy('book_isbn13'),
)

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: prepared queries`, () => {
    it('answers each call with its own values, as the same query built afresh does', async () => {
      const store = await testStore(dialect, { demoBooks: 200 })
      stores.push(store)
      const db = store.store.db
      const calls: Array<[string, string, number]> = [
        ['history-world', '9799999999999', 5],
        ['history-world', '9791100000100', 3],
        ['fiction-world', '9799999999999', 7],
        ['no-such-shelf', '9799999999999', 5],
      ]
      let nonEmpty = 0
      for (const [category, after, limit] of calls) {
        const rows = await shelfAfter(db, { category, after, limit })
        expect(rows).toEqual(await built(db, category, after, limit))
        expect(rows.length).toBeLessThanOrEqual(limit)
        if (rows.length) nonEmpty++
      }
      expect(nonEmpty).toBeGreaterThanOrEqual(2)
    })

    it('keeps one compiled query per database: a second store is asked in its own', async () => {
      const [a, b] = [await testStore(dialect, { demoBooks: 20 }), await testStore(dialect, { demoBooks: 0 })]
      stores.push(a, b)
      const args = { category: 'history-world', after: '9799999999999', limit: 50 }
      expect(await shelfAfter(a.store.db, args)).toEqual(await built(a.store.db, args.category, args.after, args.limit))
      expect(await shelfAfter(b.store.db, args)).toEqual(await built(b.store.db, args.category, args.after, args.limit))
    })

    it("takes a list argument of the first call's length, each value in its slot, and refuses a list of another length", async () => {
      const store = await testStore(dialect, { demoBooks: 200 })
      stores.push(store)
      const db = store.store.db
      const built = (categories: string[]) => db.selectFrom('book_category').select('book_isbn13').distinct().where('category_id', 'in', categories).orderBy('book_isbn13').execute()
      const lists = [
        ['history-world', 'fiction-world'],
        ['fiction-world', 'no-such-shelf'],
        ['no-such-shelf', 'no-such-shelf'],
      ]
      const sizes = []
      for (const categories of lists) {
        const rows = await inShelves(db, { categories })
        expect(rows).toEqual(await built(categories))
        sizes.push(rows.length)
      }
      expect(sizes[0]).toBeGreaterThan(sizes[1]!)
      expect(sizes[2]).toBe(0)
      await expect(inShelves(db, { categories: ['history-world'] })).rejects.toThrow(/"categories" must hold 2 values, got 1/)
    })
  })
}

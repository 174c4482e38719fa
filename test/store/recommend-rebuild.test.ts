import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDialects } from '../dialects'
import { testStore, type TestStore } from '../helpers'

const SEED = '9788962633245'

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: rebuilding the recommendation lists`, () => {
    let store: TestStore
    const lists = async () => (await store.store.db.selectFrom('recommendation').selectAll().orderBy('isbn13').orderBy('rank').execute()).map((r) => ({ ...r, score: Math.round(r.score * 1e4) }))

    beforeAll(async () => {
      store = await testStore(dialect, { demoBooks: 60 })
    })
    afterAll(() => store?.cleanup())

    it('puts the new lists in place of the old, again and again, dropping what an unfinished rebuild left', async () => {
      const other = (await store.store.db.selectFrom('book').select('isbn13').where('isbn13', '!=', SEED).where('on_sale', '=', 1).orderBy('isbn13', 'desc').executeTakeFirstOrThrow()).isbn13
      const first = await store.recommend.rebuild()
      expect(first.lists).toBe(61)
      const before = await lists()
      expect(before).toHaveLength(first.rows)
      expect(before.filter((r) => r.isbn13 === SEED).map((r) => r.rank)).toEqual([...Array(before.filter((r) => r.isbn13 === SEED).length).keys()])

      // Five readers buy the seed book with another: the next rebuild's seed list starts with it.
      for (let s = 0; s < 5; s++) {
        store.recommend.events.record(`reader-${s}`, SEED, 'purchase')
        store.recommend.events.record(`reader-${s}`, other, 'purchase')
      }
      await store.recommend.events.flush()
      // A rebuild killed while writing leaves its half-written table behind.
      await sql`create table recommendation_next (isbn13 varchar(13))`.execute(store.store.db)
      await sql`insert into recommendation_next values ('junk')`.execute(store.store.db)
      const second = await store.recommend.rebuild()
      expect(second).toMatchObject({ books: 61, events: 10, sessions: 5 })
      const after = await lists()
      expect(after).toHaveLength(second.rows)
      expect(after.find((r) => r.isbn13 === SEED && r.rank === 0)).toMatchObject({ rec_isbn13: other, reason: 'bought' })
      expect(after.some((r) => r.isbn13 === 'junk')).toBe(false)

      // A third, with nothing new, writes the same lists as the second.
      await store.recommend.rebuild()
      expect(await lists()).toEqual(after)
    })
  })
}

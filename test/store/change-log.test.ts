import { describe, expect, it } from 'vitest'
import { openStore } from '../../src/store'
import { testDialects } from '../dialects'
import { testStore } from '../helpers'

const pg = testDialects().find((d) => d.name === 'postgres')!

// SQLite has one writer at a time, so its numbers follow commit order by construction.
describe.skipIf(pg.skip)('postgres: change log', () => {
  it('numbers changes in commit order: a second writer waits for the open one', async () => {
    const store = await testStore(pg, {})
    const other = await openStore(store.url, { poolSize: 2 })
    try {
      let release!: () => void
      let inserted!: () => void
      const held = new Promise<void>((r) => (release = r))
      const hasInserted = new Promise<void>((r) => (inserted = r))
      const first = store.store.db.transaction().execute(async (trx) => {
        await trx.insertInto('catalog_change').values({ isbn13: 'first', changed_at: 'x' }).execute()
        inserted()
        await held
      })
      await hasInserted
      let isSecondDone = false
      const second = other.db.insertInto('catalog_change').values({ isbn13: 'second', changed_at: 'x' }).execute().then(() => (isSecondDone = true))
      await new Promise((r) => setTimeout(r, 300))
      expect(isSecondDone).toBe(false)
      release()
      await Promise.all([first, second])
      const rows = await store.store.db.selectFrom('catalog_change').select(['seq', 'isbn13']).where('isbn13', 'in', ['first', 'second']).orderBy('seq').execute()
      expect(rows.map((r) => r.isbn13)).toEqual(['first', 'second'])
    } finally {
      await other.close()
      await store.cleanup()
    }
  })
})

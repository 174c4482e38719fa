import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EventLog } from '../../src/recommend'
import { testDialects } from '../dialects'
import { testStore, type TestStore } from '../helpers'

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: event log`, () => {
    let store: TestStore
    beforeAll(async () => {
      store = await testStore(dialect)
    })
    afterAll(() => store?.cleanup())

    const count = async () => (await store.store.db.selectFrom('reco_event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n

    it('writes nothing until flushed, then everything in one go', async () => {
      const log = new EventLog(store.store.db, { batchSize: 1000 })
      for (let i = 0; i < 10; i++) log.record(`s${i}`, '9788962633245', 'view')
      expect(Number(await count())).toBe(0)
      await log.close()
      expect(Number(await count())).toBe(10)
    })

    it('skips crawler views and drops events past its bound instead of growing', async () => {
      const log = new EventLog(store.store.db, { batchSize: 1000, maxBuffered: 3 })
      const before = Number(await count())
      log.recordView('s', '9788962633245', 'Googlebot/2.1')
      for (let i = 0; i < 5; i++) log.recordView('s', '9788962633245', 'Mozilla/5.0 (Macintosh) Safari/605.1.15')
      expect(log.dropped).toBe(2)
      await log.flush()
      expect(Number(await count())).toBe(before + 3)
    })

    it('reports a failed write and keeps going', async () => {
      const errors: unknown[] = []
      const log = new EventLog(store.store.db, { onError: (e) => errors.push(e) })
      log.record('s', '9788962633245', 'view')
      await store.store.db.schema.alterTable('reco_event').renameTo('reco_event_away').execute()
      await log.flush()
      await store.store.db.schema.alterTable('reco_event_away').renameTo('reco_event').execute()
      expect(errors).toHaveLength(1)
      log.record('s', '9788962633245', 'view')
      await log.flush()
      expect(errors).toHaveLength(1)
    })
  })
}

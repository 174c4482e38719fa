import { sql } from 'kysely'
import sharp from 'sharp'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { parseIsbn } from '../../src/catalog'
import { demoCategories } from '../../src/demo/categories'
import { fillDemoCatalog } from '../../src/demo'
import { testDialects } from '../dialects'
import { testStore, type TestStore } from '../helpers'
import { bytesOf } from '../support/ingest'

const SEED = parseIsbn('9788962633245')
const NEW = parseIsbn('9791199999992')
const editor = { actor: 'staff:s-1', actorName: '김편집', via: 'form' }

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: the audit log`, () => {
    let store: TestStore

    beforeAll(async () => {
      store = await testStore(dialect)
      await store.catalog.saveCategories(demoCategories())
      await fillDemoCatalog(store.catalog, { books: 3 })
    })
    afterAll(() => store?.cleanup())
    afterEach(() => vi.restoreAllMocks())

    it('records who changed which fields of a book, from what to what, and nothing for an edit that changes nothing', async () => {
      const before = await store.catalog.getBook(SEED)
      await store.catalog.editBooks([{ isbn13: SEED, fields: { stock: before.stock! + 7, subtitle: '새 부제', title: before.title } }], editor)
      await store.catalog.editBooks([{ isbn13: SEED, fields: { title: before.title } }], editor)
      const [entry, ...older] = await store.audit.history('book', SEED)
      expect(older).toEqual([])
      expect(entry).toMatchObject({ actor: 'staff:s-1', actorName: '김편집', action: 'edit', recordType: 'book', recordId: SEED, via: 'form' })
      expect(entry!.changes).toEqual(
        expect.arrayContaining([
          { field: 'stock', before: before.stock, after: before.stock! + 7 },
          { field: 'subtitle', before: before.subtitle, after: '새 부제' },
        ]),
      )
      expect(entry!.changes).toHaveLength(2)
      expect(Date.now() - Date.parse(entry!.at)).toBeLessThan(60_000)
    })

    it('records an import run as the way its books changed, in the same batches', async () => {
      const { stock, title } = await store.catalog.getBook(SEED)
      const report = await store.importer.importFile('stock.csv', bytesOf(`isbn13,title,stock\n${SEED},${title},${stock! + 1}\n${NEW},Brand new,3\n`), { user: 'ops' })
      expect(report.counts).toMatchObject({ updated: 1, created: 1, rejected: 0 })
      const [updated] = await store.audit.history('book', SEED)
      expect(updated).toMatchObject({ actor: 'cli', actorName: 'ops', action: 'import', via: `import:${report.runId}`, changes: [{ field: 'stock', before: stock, after: stock! + 1 }] })
      const [created] = await store.audit.history('book', NEW)
      expect(created).toMatchObject({ action: 'create', via: `import:${report.runId}`, changes: [] })
    })

    it('writes no entry for an edit that is rolled back after its entry was written, nor the edit when the entry fails', async () => {
      const before = await store.catalog.getBook(SEED)
      const entries = (await store.audit.history('book', SEED)).length
      const record = store.audit.recordBookWrites.bind(store.audit)
      vi.spyOn(store.audit, 'recordBookWrites').mockImplementationOnce(async (...args) => {
        await record(...args)
        throw new Error('the disk filled up after the entry')
      })
      await expect(store.catalog.editBooks([{ isbn13: SEED, fields: { stock: 999 } }], editor)).rejects.toThrow('disk filled up')
      vi.spyOn(store.audit, 'recordBookWrites').mockRejectedValueOnce(new Error('no entry, no edit'))
      await expect(store.catalog.editBooks([{ isbn13: SEED, fields: { stock: 998 } }], editor)).rejects.toThrow('no entry, no edit')
      expect(await store.audit.history('book', SEED)).toHaveLength(entries)
      expect((await store.catalog.getBook(SEED)).stock).toBe(before.stock)
    })

    it('records an edit made without saying who as unknown rather than not at all', async () => {
      await store.catalog.editBooks([{ isbn13: SEED, fields: { seriesNumber: '99' } }])
      expect((await store.audit.history('book', SEED))[0]).toMatchObject({ actor: 'unknown', via: 'unknown', changes: [{ field: 'seriesNumber', after: '99' }] })
    })

    it('records a cover uploaded and removed, with who did it', async () => {
      const jpeg = await sharp({ create: { width: 400, height: 600, channels: 3, background: '#7a5' } }).jpeg().toBuffer()
      const cover = await store.catalog.setCover(SEED, { bytes: jpeg, fileName: 'cover.jpg' }, editor.actor, editor)
      await store.catalog.removeCover(SEED, editor)
      const [removed, uploaded] = await store.audit.history('book', SEED)
      expect(uploaded).toMatchObject({ actorName: '김편집', action: 'edit', via: 'form', changes: [{ field: 'cover', before: null, after: { hash: cover.hash } }] })
      expect(removed).toMatchObject({ actorName: '김편집', changes: [{ field: 'cover', before: { hash: cover.hash }, after: null }] })
    })

    it('refuses to update or delete an entry, whoever asks', async () => {
      const db = store.store.db
      const count = async () => Number((await db.selectFrom('audit_entry').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
      const rows = await count()
      expect(rows).toBeGreaterThan(0)
      await expect(db.updateTable('audit_entry').set({ actor_name: 'someone else' }).execute()).rejects.toThrow(/append-only/)
      await expect(db.deleteFrom('audit_entry').where('record_id', '=', SEED).execute()).rejects.toThrow(/append-only/)
      await expect(db.deleteFrom('audit_entry').execute()).rejects.toThrow(/append-only/)
      if (dialect.name === 'postgres') await expect(sql`TRUNCATE audit_entry`.execute(db)).rejects.toThrow(/append-only/)
      expect(await count()).toBe(rows)
      expect((await store.audit.history('book', SEED)).every((e) => e.actorName !== 'someone else')).toBe(true)
    })
  })
}

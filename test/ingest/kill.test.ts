import { spawn } from 'node:child_process'
import { createWriteStream, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { buildServices } from '../../src/cli/services'
import { openInput } from '../../src/ingest'
import { openStore } from '../../src/store'
import { generatedFeed, importSetup, repoRoot } from '../support/ingest'
import { testShop } from '../helpers'

const PRODUCTS = 12_000
const BATCH = 1000

describe('sqlite: kill -9 in the middle of an import', () => {
  it('leaves the database consistent, and a re-run completes the import without duplicates', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'colophon-kill-'))
    const feed = join(dir, 'feed.xml')
    const db = join(dir, 'catalog.db')
    await pipeline(Readable.from(generatedFeed(PRODUCTS)), createWriteStream(feed))
    ;(await importSetup(db)).store.close()

    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), 'import', feed], { env: { ...process.env, COLOPHON_DB: db }, stdio: 'ignore' })
    const watcher = await openStore(db)
    const count = async () => Number((await watcher.db.selectFrom('book').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
    const deadline = Date.now() + 120_000
    while ((await count()) < 2 * BATCH && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    child.kill('SIGKILL')
    await new Promise((r) => child.once('exit', r))
    await watcher.close()

    const after = await openStore(db)
    const check = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(after.db)
    expect(check.rows[0]!.integrity_check).toBe('ok')
    const written = Number((await after.db.selectFrom('book').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
    expect(written).toBeGreaterThanOrEqual(2 * BATCH)
    expect(written).toBeLessThan(PRODUCTS)
    expect(written % BATCH).toBe(0) // whole batches only
    const orphans = await after.db.selectFrom('book').select('isbn13').where('isbn13', 'not in', after.db.selectFrom('contributor').select('book_isbn13')).execute()
    expect(orphans).toEqual([]) // every written book has its contributors
    const runs = await buildServices(after, undefined, testShop()).importer.recentRuns(5)
    expect(runs.map((r) => r.status)).toEqual(['interrupted']) // the log shows the import never finished
    await after.close()

    const { store, catalog, importer } = await importSetup(db)
    const report = await importer.importFile(feed, openInput(feed), { user: 'test' })
    expect(report.counts).toMatchObject({ records: PRODUCTS, created: PRODUCTS - written, unchanged: written, rejected: 0 })
    expect(await catalog.countBooks()).toBe(PRODUCTS)
    await store.close()
  })
})

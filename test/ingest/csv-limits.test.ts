import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CatalogService } from '../../src/catalog'
import type { Importer } from '../../src/ingest'
import type { Store } from '../../src/store'
import { bytesOf, importSetup, repoRoot } from '../support/ingest'
import { testDialects } from '../dialects'

const HEADER = 'isbn13,title,description_html\n'
const bigCell = `"${'<p>'.padEnd(2_000_000, 'x')}"`

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: CSV cell limit and broken quotes`, () => {
    let store: Store
    let catalog: CatalogService
    let importer: Importer
    const stored = async (...isbns: string[]) => (await catalog.findBooks(isbns)).map((b) => b.isbn13).sort()

    beforeEach(async () => ({ store, catalog, importer } = await importSetup(dialect)))
    afterEach(() => store.close())

    it('rejects a row with a 2 MB cell by record number, line and column, and imports the rows before and after it', async () => {
      const csv = `${HEADER}9791100000014,Before,<p>a</p>\n9791100000021,Huge,${bigCell}\n9791100000038,After,<p>c</p>\n`
      const report = await importer.importFile('big.csv', bytesOf(csv), { user: 'staff' })
      expect(report).toMatchObject({ status: 'done', error: null, counts: { records: 3, created: 2, rejected: 1 } })
      expect(report.rejected).toEqual([
        { file: 'big.csv', record: 2, reference: '9791100000021', field: 'description_html', reason: 'line 3: cell is 2,000,000 bytes; the limit is 1,048,576' },
      ])
      expect(await stored('9791100000014', '9791100000021', '9791100000038')).toEqual(['9791100000014', '9791100000038'])
    })

    it('takes the limit from the import options', async () => {
      const csv = `${HEADER}9791100000021,Long,<p>${'x'.repeat(5000)}</p>\n`
      const strict = await importer.importFile('long.csv', bytesOf(csv), { user: 'staff', maxCellBytes: 4096 })
      expect(strict.rejected).toMatchObject([{ record: 1, field: 'description_html', reason: 'line 2: cell is 5,007 bytes; the limit is 4,096' }])
      const report = await importer.importFile('long.csv', bytesOf(csv), { user: 'staff' })
      expect(report.counts).toMatchObject({ created: 1, rejected: 0 })
    })

    it('stops at an unclosed quote, naming the line it opened on, with nothing of the unfinished batch written and the run logged as failed', async () => {
      const csv = [
        HEADER,
        '9791100000014,One,<p>1</p>\n',
        '9791100000021,Two,<p>2</p>\n',
        '9791100000038,Three,<p>3</p>\n',
        '9791100000045,"Four, unclosed,<p>4</p>\n',
        '9791100000052,Five,<p>5</p>\n',
      ].join('')
      const report = await importer.importFile('broken.csv', bytesOf(csv), { user: 'staff', batchSize: 2 })
      expect(report.status).toBe('failed')
      expect(report.error).toBe('broken.csv:line 5: quote opened here is never closed')
      expect(report.counts.created).toBe(2)
      // The first batch of two stays written; the third book was in the batch the quote broke.
      expect(await stored('9791100000014', '9791100000021', '9791100000038', '9791100000045', '9791100000052')).toEqual(['9791100000014', '9791100000021'])
      const [run] = await importer.recentRuns(1)
      expect(run).toMatchObject({ file: 'broken.csv', status: 'failed', error: 'broken.csv:line 5: quote opened here is never closed' })
    })
  })
}

const run = promisify(execFile)

describe('sqlite: colophon import --max-cell', () => {
  it('rejects rows with bigger cells and refuses a limit that is not a number', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'colophon-csv-'))
    const file = join(dir, 'books.csv')
    writeFileSync(file, `${HEADER}9791100000014,Short,<p>a</p>\n9791100000021,Long,<p>${'x'.repeat(200)}</p>\n`)
    const colophon = (...args: string[]) =>
      run(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), 'import', ...args], { env: { ...process.env, COLOPHON_DB: join(dir, 'c.db') }, cwd: repoRoot }).catch(
        (e: { stderr: string; code: number }) => e,
      )
    const out = (await colophon(file, '--max-cell', '100')) as { stderr: string; code?: number }
    expect(out.code).toBeUndefined()
    expect(out.stderr).toMatch(/2 records, 1 new, .* 1 rejected/)
    expect(out.stderr).toContain('rejected ×1: description_html: line 3: cell is 207 bytes; the limit is 100')
    const bad = (await colophon(file, '--max-cell', 'lots')) as { stderr: string; code?: number }
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--max-cell: expected a whole number ≥ 1, got "lots"')
  })
})

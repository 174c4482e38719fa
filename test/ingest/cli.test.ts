import { execFile, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { promisify } from 'node:util'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { openInput } from '../../src/ingest'
import { fixture, importSetup, repoRoot } from '../support/ingest'

const run = promisify(execFile)
const colophon = (args: string[], env: Record<string, string>) =>
  run(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), ...args], { env: { ...process.env, ...env }, cwd: repoRoot }).catch((e: { stdout: string; stderr: string; code: number }) => e)

describe('sqlite: colophon import / export / quality', () => {
  it('imports several files, writes the JSON report, logs the runs and exports what it imported', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'colophon-cli-'))
    const env = { COLOPHON_DB: join(dir, 'c.db') }
    const report = join(dir, 'report.json')
    const out = await colophon(['import', fixture('onix/sample.xml'), fixture('marc/sample.xml'), '--report', report], env)
    expect(out.stderr).toMatch(/sample\.xml \(onix\): 7 records, 2 new, 0 updated, 0 unchanged, 0 off sale, 5 rejected/)
    expect(out.stderr).toMatch(/sample\.xml \(marcxml\): 2 records, 1 new/)
    const json = JSON.parse(readFileSync(report, 'utf8'))
    expect(json.files).toHaveLength(2)
    expect(json.files[0].rejected).toContainEqual({ file: fixture('onix/sample.xml'), record: 2, reference: 'test-0002-bad-checksum', field: 'ProductIdentifier/IDValue (isbn13)', reason: 'check digit of "9788962633246" is wrong (expected 5)' })
    const again = await colophon(['import', fixture('onix/sample.xml')], env)
    expect(again.stderr).toMatch(/2 unchanged, 0 off sale, 5 rejected/)
    const history = await colophon(['import', '--history'], env)
    expect(history.stdout.trim().split('\n')).toHaveLength(3)
    const csv = await colophon(['export', '--format', 'csv'], env)
    expect(csv.stdout.split('\n')[0]).toMatch(/^isbn13,title,/)
    expect(csv.stdout).toContain('9791100000106,The white book')
    const quality = await colophon(['quality'], env)
    expect(quality.stdout).toMatch(/^3 books\n\s+without cover\s+2\s/)
  })

  it('fails with exit code 1 and the position when a file is broken', { timeout: 30_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'colophon-cli-'))
    writeFileSync(join(dir, 'cut.xml'), readFileSync(fixture('onix/sample.xml'), 'utf8').slice(0, 3000))
    const out = (await colophon(['import', join(dir, 'cut.xml')], { COLOPHON_DB: join(dir, 'c.db') })) as { stderr: string; code?: number }
    expect(out.code).toBe(1)
    expect(out.stderr).toMatch(/stopped: .*cut\.xml:line \d+, column \d+: /)
  })
})

describe('sqlite: inputs', () => {
  it('reads gzipped files and stdin, sniffing the format', async () => {
    const { store, importer } = await importSetup()
    const dir = mkdtempSync(join(tmpdir(), 'colophon-gz-'))
    writeFileSync(join(dir, 'feed.xml.gz'), gzipSync(readFileSync(fixture('onix/sample.xml'))))
    const gz = await importer.importFile('feed.xml.gz', openInput(join(dir, 'feed.xml.gz')), { user: 'test' })
    expect(gz).toMatchObject({ format: 'onix', counts: { created: 2 } })
    const stdin = Readable.from([readFileSync(fixture('csv/books.csv'))])
    const csv = await importer.importFile('-', openInput('-', stdin), { user: 'test' })
    expect(csv).toMatchObject({ format: 'csv', counts: { created: 2, rejected: 1 } })
    await store.close()
  })

  it('says so when the format cannot be told, and does not call it ONIX', async () => {
    const { store, importer } = await importSetup()
    const unknown = 'unknown format (expected ONIX, MARC 21, MARCXML or CSV); use --format'
    const text = await importer.importFile('notes.txt', Readable.from([Buffer.from('just some words\n')]), { user: 'test' })
    expect(text).toMatchObject({ status: 'failed', format: null, error: `notes.txt: ${unknown}`, counts: { records: 0 } })
    const rss = await importer.importFile('feed.xml', Readable.from([Buffer.from('<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>\n')]), { user: 'test' })
    expect(rss).toMatchObject({ status: 'failed', format: null, error: `feed.xml: ${unknown}` })
    expect((await importer.recentRuns(2)).map((r) => r.format)).toEqual(['unknown', 'unknown'])
    await store.close()
  })
})

describe('sqlite: colophon import with files it cannot take', () => {
  it('exits 2 with "cannot read FILE: reason" for a missing file or a directory, and imports none of the files', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'colophon-cli-'))
    const env = { COLOPHON_DB: join(dir, 'c.db') }
    const missing = (await colophon(['import', fixture('onix/sample.xml'), join(dir, 'nope.xml')], env)) as { stderr: string; code?: number }
    expect(missing.code).toBe(2)
    expect(missing.stderr).toBe(`colophon: cannot read ${join(dir, 'nope.xml')}: no such file or directory\n`)
    const directory = (await colophon(['import', dir], env)) as { stderr: string; code?: number }
    expect(directory.code).toBe(2)
    expect(directory.stderr).toBe(`colophon: cannot read ${dir}: is a directory\n`)
    expect((await colophon(['import', '--history'], env)).stdout).toBe('')
  })

  it('names a file of unknown format as such, imports nothing from it, and exits 1', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'colophon-cli-'))
    writeFileSync(join(dir, 'notes.txt'), 'isbn,title\n9788962633245,not a feed\n')
    const out = (await colophon(['import', join(dir, 'notes.txt')], { COLOPHON_DB: join(dir, 'c.db') })) as { stderr: string; code?: number }
    expect(out.code).toBe(1)
    expect(out.stderr).toBe(`${join(dir, 'notes.txt')}: unknown format (expected ONIX, MARC 21, MARCXML or CSV); use --format\n`)
    const quality = await colophon(['quality'], { COLOPHON_DB: join(dir, 'c.db') })
    expect(quality.stdout).toMatch(/^0 books/)
  })
})

describe('sqlite: colophon writing into a closed pipe', () => {
  /** Runs colophon with the reading end of its stdout already closed, as `| head -1` leaves it once it has its line. */
  function intoClosedPipe(args: string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), ...args], { env: { ...process.env, ...env }, cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout.destroy()
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    return new Promise((resolve) => child.once('close', (code) => resolve({ code, stderr })))
  }

  it('ends quietly with exit 0: import --history and export --format csv', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'colophon-pipe-'))
    const db = join(dir, 'c.db')
    const { store, importer } = await importSetup(db)
    await importer.importFile('books.csv', openInput(fixture('csv/books.csv')), { user: 'test' })
    await store.close()
    expect(await intoClosedPipe(['import', '--history'], { COLOPHON_DB: db })).toEqual({ code: 0, stderr: '' })
    expect(await intoClosedPipe(['export', '--format', 'csv'], { COLOPHON_DB: db })).toEqual({ code: 0, stderr: '' })
  })
})

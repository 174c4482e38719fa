import { execFile, spawn } from 'node:child_process'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Services } from '../../src/cli/services'
import { testDialects } from '../dialects'
import { importSetup, repoRoot } from '../support/ingest'

const run = promisify(execFile)
const cli = [join(repoRoot, 'src/cli/main.ts')]
const ONIX_HEAD = '<?xml version="1.0"?>\n<ONIXMessage release="3.0" xmlns="http://ns.editeur.org/onix/3.0/reference">\n'

async function until<T>(probe: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
    const found = await probe()
    if (found !== undefined) return found
  }
  throw new Error(`nothing after ${ms} ms`)
}

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString()

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: interrupted imports`, () => {
    let services: Services | undefined
    let drop: (() => Promise<void>) | undefined
    const setup = async () => {
      const fresh = await dialect.freshDatabase()
      drop = fresh.drop
      services = await importSetup(fresh.url)
      return { url: fresh.url, importer: services.importer, db: services.store.db }
    }
    afterEach(async () => {
      vi.useRealTimers()
      await services?.store.close()
      await drop?.()
      services = drop = undefined
    })

    it('an import killed with SIGKILL shows as interrupted in import --history, not as running', { timeout: 90_000 }, async () => {
      const { url, importer } = await setup()
      const env = { ...process.env, COLOPHON_DB: url }
      // Reading stdin that never ends: the import is running until it is killed.
      const child = spawn(process.execPath, ['--import', 'tsx', ...cli, 'import', '-'], { env, stdio: ['pipe', 'ignore', 'ignore'] })
      child.stdin.write(ONIX_HEAD)
      const started = await until(async () => (await importer.recentRuns(1))[0])
      expect(started).toMatchObject({ status: 'running', format: 'onix', file: '-' })
      child.kill('SIGKILL')
      await new Promise((r) => child.once('exit', r))
      expect((await importer.recentRuns(1))[0]).toMatchObject({ id: started.id, status: 'interrupted', finishedAt: null })
      const history = await run(process.execPath, ['--import', 'tsx', ...cli, 'import', '--history'], { env, cwd: repoRoot })
      expect(history.stdout).toMatch(new RegExp(`^#${started.id} .* - \\[onix\\] interrupted: .*killed or crashed`))
    })

    it('tells a live run from a dead one by its process on this host and by its heartbeat on any host', async () => {
      const { importer, db } = await setup()
      const gone = spawn(process.execPath, ['-e', ''])
      await new Promise((r) => gone.once('exit', r))
      const run = (file: string, values: { pid: number | null; host: string | null; heartbeat_at: string | null; started_at?: string }) =>
        db.insertInto('import_run').values({ user_name: 'staff', file, format: 'csv', status: 'running', records: 0, created: 0, updated: 0, unchanged: 0, withdrawn: 0, rejected: 0, error: null, report: null, finished_at: null, started_at: values.started_at ?? minutesAgo(0), ...values }).execute()
      await run('alive-here.csv', { pid: process.pid, host: hostname(), heartbeat_at: minutesAgo(0) })
      await run('dead-here.csv', { pid: gone.pid!, host: hostname(), heartbeat_at: minutesAgo(0) })
      await run('alive-elsewhere.csv', { pid: 1, host: 'another-host', heartbeat_at: minutesAgo(0.5) })
      await run('silent-elsewhere.csv', { pid: 1, host: 'another-host', heartbeat_at: minutesAgo(2) })
      await run('logged-before-heartbeats.csv', { pid: null, host: null, heartbeat_at: null, started_at: minutesAgo(60) })
      const status = Object.fromEntries((await importer.recentRuns(10)).map((r) => [r.file, r.status]))
      expect(status).toEqual({
        'alive-here.csv': 'running',
        'dead-here.csv': 'interrupted',
        'alive-elsewhere.csv': 'running',
        'silent-elsewhere.csv': 'interrupted',
        'logged-before-heartbeats.csv': 'interrupted',
      })
    })

    it('renews the heartbeat while an import waits for input, and stops when it ends', async () => {
      const { importer, db } = await setup()
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
      let release = () => {}
      const stalled = new Promise<void>((r) => (release = r))
      async function* slowFeed() {
        yield Buffer.from(ONIX_HEAD)
        await stalled
        yield Buffer.from('</ONIXMessage>\n')
      }
      const importing = importer.importFile('slow.xml', slowFeed(), { user: 'staff' })
      const heartbeat = async () => (await db.selectFrom('import_run').select('heartbeat_at').executeTakeFirst())?.heartbeat_at ?? undefined
      const first = await until(heartbeat)
      await new Promise((r) => setTimeout(r, 5))
      vi.advanceTimersByTime(15_000)
      const renewed = await until(async () => ((await heartbeat())! > first ? heartbeat() : undefined), 5_000)
      expect(Date.parse(renewed)).toBeGreaterThan(Date.parse(first))
      release()
      expect(await importing).toMatchObject({ status: 'done' })
      expect(vi.getTimerCount()).toBe(0)
      expect((await importer.recentRuns(1))[0]).toMatchObject({ status: 'done' })
    })

    it('an error that stops the import marks the run failed, with the error', async () => {
      const { importer } = await setup()
      async function* brokenDisk() {
        yield Buffer.from(ONIX_HEAD)
        throw new Error('EIO: i/o error, read')
      }
      await expect(importer.importFile('feed.xml', brokenDisk(), { user: 'staff' })).rejects.toThrow(/EIO/)
      expect((await importer.recentRuns(1))[0]).toMatchObject({ status: 'failed', error: 'EIO: i/o error, read' })
    })
  })
}

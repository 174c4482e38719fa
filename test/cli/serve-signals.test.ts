import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exited, isAlive, isRefused, serving, sleep, smallCatalog, uploadInFlight } from './serving'

const root = resolve(import.meta.dirname, '../..')

describe('sqlite: colophon serve on SIGINT and SIGTERM', () => {
  let dir = ''
  let db = ''
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'colophon-signals-'))
    db = await smallCatalog(dir)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  for (const [workers, signal] of [[1, 'SIGINT'], [2, 'SIGTERM']] as const) {
    it(`--workers ${workers}: ${signal} lets a request in flight finish, then exits 0 and leaves no process behind`, { timeout: 90_000 }, async () => {
      const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'serve', '--workers', String(workers), '--port', '0'], {
        env: { ...process.env, COLOPHON_DB: db, COLOPHON_METRICS: 'off', COLOPHON_LOG_LEVEL: 'info', HOST: '127.0.0.1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      try {
        const { url, pids } = await serving(server, workers)
        expect(pids).toHaveLength(workers)
        const upload = await uploadInFlight(url)
        await sleep(300)
        expect(upload.answered()).toBe(false) // the server is still reading the body
        const sent = Date.now()
        server.kill(signal) // the primary alone, as a process manager sends it
        await sleep(1000)
        expect(await isRefused(url)).toBe(true) // no new connections once stopping
        const answer = await upload.finish()
        expect(answer).toMatch(/^HTTP\/1\.1 \d{3} /)
        const exit = await exited(server, sent, 15_000)
        expect(exit).toMatchObject({ code: 0 })
        expect(exit!.ms).toBeLessThan(10_000)
        expect([server.pid!, ...pids].filter(isAlive)).toEqual([])
      } finally {
        server.kill('SIGKILL')
      }
    })
  }

  it('--workers 2: a request that never finishes is cut after 10 s, and the server still exits 0', { timeout: 90_000 }, async () => {
    const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'serve', '--workers', '2', '--port', '0'], {
      env: { ...process.env, COLOPHON_DB: db, COLOPHON_METRICS: 'off', COLOPHON_LOG_LEVEL: 'info', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    try {
      const { url, pids } = await serving(server, 2)
      await uploadInFlight(url) // and never sent to the end
      await sleep(300)
      const sent = Date.now()
      server.kill('SIGTERM')
      const exit = await exited(server, sent, 20_000)
      expect(exit).toMatchObject({ code: 0 })
      expect(exit!.ms).toBeGreaterThan(9_000)
      expect(exit!.ms).toBeLessThan(12_500)
      expect([server.pid!, ...pids].filter(isAlive)).toEqual([])
    } finally {
      server.kill('SIGKILL')
    }
  })
})

import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exited, isAlive, isRefused, serving, smallCatalog } from './serving'

const root = resolve(import.meta.dirname, '../..')

describe('npm start', () => {
  it('builds the bundle, fills an empty database and serves the seed book from it', async () => {
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs')])
    const dir = mkdtempSync(join(tmpdir(), 'colophon-start-'))
    const server = spawn(process.execPath, [join(root, 'dist/colophon.mjs'), 'serve', '--workers', '1', '--port', '0'], {
      env: { ...process.env, COLOPHON_DB: join(dir, 'shop.db'), COLOPHON_METRICS: 'off', COLOPHON_LOG_LEVEL: 'info', HOST: '127.0.0.1' },
    })
    try {
      const url = await new Promise<string>((done, fail) => {
        let out = ''
        server.stdout.on('data', (d: Buffer) => {
          out += d.toString()
          const m = out.match(/"url":"(http:\/\/localhost:\d+\/)"/)
          if (m) done(m[1]!)
        })
        server.once('exit', (code) => fail(new Error(`exited with ${code}: ${out}`)))
      })
      const res = await fetch(`${url}books/9788962633245`)
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('중국과 러시아')
      expect((await fetch(`${url}search?q=${encodeURIComponent('중국 러시아')}`)).status).toBe(200)
    } finally {
      server.kill()
      rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)

  it('stops on a SIGTERM sent to npm, as a process manager sends it: no shell in between, no process left behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'colophon-start-'))
    const db = await smallCatalog(dir)
    // npm must be the one beside this node, and the node it starts this one.
    const path = `${dirname(process.execPath)}:${process.env.PATH ?? ''}`
    const npm = spawn('npm', ['start', '--', '--workers', '2', '--port', '0'], {
      cwd: root,
      env: { ...process.env, PATH: path, COLOPHON_DB: db, COLOPHON_METRICS: 'off', COLOPHON_LOG_LEVEL: 'info', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const started: number[] = []
    try {
      const { url, pids } = await serving(npm, 2)
      const primary = parentOf(pids[0]!)
      started.push(primary, ...pids)
      expect(parentOf(pids[1]!)).toBe(primary)
      expect(parentOf(primary)).toBe(npm.pid) // npm's own child is the server, not a shell
      expect((await fetch(`${url}books/9788962633245`)).status).toBe(200)
      const sent = Date.now()
      npm.kill('SIGTERM')
      const exit = await exited(npm, sent, 20_000)
      expect(exit).toMatchObject({ code: 0 })
      expect([primary, ...pids].filter(isAlive)).toEqual([])
      expect(await isRefused(url)).toBe(true)
    } finally {
      for (const pid of [npm.pid!, ...started].filter(isAlive)) process.kill(pid, 'SIGKILL')
      rmSync(dir, { recursive: true, force: true })
    }
  }, 90_000)
})

/** The parent of a process, from /proc (Linux). */
function parentOf(pid: number): number {
  // /proc/PID/stat is "pid (comm) state ppid ...", and comm may hold spaces.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
}

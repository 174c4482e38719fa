import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

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
})

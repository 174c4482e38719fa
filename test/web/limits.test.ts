import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../src/web/server'
import { testDialects } from '../dialects'
import { testServices, testStore, type TestStore } from '../helpers'

let store: TestStore
let server: RunningServer
let base: string

/** Sends raw bytes and resolves with the status line of the answer. */
function rawStatus(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => socket.end(request))
    let data = ''
    socket.on('data', (d) => (data += d.toString('latin1')))
    socket.on('close', () => resolve(data.split('\r\n')[0]!))
    socket.on('error', reject)
  })
}

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: request limits`, () => {
    beforeAll(async () => {
      store = await testStore(dialect, { demoBooks: 20 })
      server = await startServer(testServices(store), { port: 0, host: '127.0.0.1' })
      base = `http://127.0.0.1:${server.port}`
    })
    afterAll(async () => {
      await server.close()
      await store.cleanup()
    })

    it('answers an over-long body with 413', async () => {
      const res = await fetch(`${base}/books/9788962633245`, { method: 'POST', body: 'x'.repeat(200_000) })
      expect(res.status).toBe(413)
    })

    it('answers a header flood with 431', async () => {
      const headers = Array.from({ length: 400 }, (_, i) => `x-flood-${i}: ${'a'.repeat(100)}`).join('\r\n')
      expect(await rawStatus(`GET / HTTP/1.1\r\nhost: x\r\n${headers}\r\nconnection: close\r\n\r\n`)).toMatch(/^HTTP\/1\.1 431/)
    })

    it('answers an absurd query string with an error status, not a crash', async () => {
      expect(await rawStatus(`GET /categories/history?page=${'9'.repeat(40_000)} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n`)).toMatch(/^HTTP\/1\.1 (400|414|431)/)
      const res = await fetch(`${base}/categories/history?page=${'9'.repeat(5000)}`)
      expect(res.status).toBe(400)
      expect((await fetch(`${base}/healthz`)).status).toBe(200)
    })

    it('keeps answering others while a client trickles its headers', async () => {
      const slow = connect(server.port, '127.0.0.1')
      await new Promise((r) => slow.once('connect', r))
      const header = 'GET / HTTP/1.1\r\nhost: slow\r\nx-slow: '
      let i = 0
      const trickle = setInterval(() => slow.write(header[i++ % header.length]!), 50)
      try {
        for (let n = 0; n < 5; n++) {
          const started = performance.now()
          expect((await fetch(`${base}/books/9788962633245`)).status).toBe(200)
          expect(performance.now() - started).toBeLessThan(1000)
        }
      } finally {
        clearInterval(trickle)
        slow.destroy()
      }
    })
  })
}

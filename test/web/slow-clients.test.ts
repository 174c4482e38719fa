import { createServer } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectionOptions, limitConnections } from '../../src/web/connections'
import { startServer, type RunningServer } from '../../src/web/server'
import { sqlite } from '../dialects'
import { testServices, testStore, type TestStore } from '../helpers'

// The times the README promises under "Limits"; the server must keep them, not merely be configured with them.
const HEADERS_WITHIN_MS = 10_000
const KEEP_ALIVE_MS = 5_000
/** Slack for a loaded test machine; with Node's default check, slow headers lived up to 30 s past their deadline. */
const LATE_MS = 2_000

let store: TestStore
let server: RunningServer

interface Held {
  /** Everything the server sent. */
  answer: string
  /** From connect() until the server closed the connection. */
  closedAfterMs: number
  /** From the end of the first answer until the server closed the connection. */
  idleMs: number
}

/** Connects, sends `bytes` and then nothing, and waits for the server to hang up. */
function holdOpen(bytes: string, port = server.port): Promise<Held> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    let answeredAt = NaN
    let answer = ''
    const socket = connect(port, '127.0.0.1', () => {
      if (bytes) socket.write(bytes)
    })
    socket.on('data', (d) => {
      answer += d.toString('latin1')
      if (Number.isNaN(answeredAt) && answer.includes('\r\n\r\n')) answeredAt = performance.now()
    })
    socket.on('error', () => {})
    socket.on('close', () => {
      const now = performance.now()
      resolve({ answer, closedAfterMs: now - started, idleMs: now - answeredAt })
    })
    setTimeout(() => reject(new Error(`still open after 40 s, having sent ${JSON.stringify(bytes)}`)), 40_000).unref()
  })
}

describe('sqlite: slow and idle clients', () => {
  beforeAll(async () => {
    store = await testStore(sqlite, { demoBooks: 0 })
    server = await startServer(testServices(store), { port: 0, host: '127.0.0.1' })
  })
  afterAll(async () => {
    await server.close()
    await store.cleanup()
  })

  it('cuts a client whose request line or headers stop coming when the headers are due', async () => {
    const clients = await Promise.all([
      holdOpen(''),
      holdOpen('GET /books/97'),
      holdOpen('GET / HTTP/1.1\r\nhost: slow\r\nx-slow: a'),
    ])
    for (const held of clients) {
      expect(held.answer).toMatch(/^(HTTP\/1\.1 408 |$)/)
      expect(held.closedAfterMs).toBeGreaterThan(HEADERS_WITHIN_MS - 500)
      expect(held.closedAfterMs).toBeLessThan(HEADERS_WITHIN_MS + LATE_MS)
    }
  }, 45_000)

  it('closes a keep-alive connection left idle after an answer when the keep-alive time is up', async () => {
    const held = await holdOpen('GET /healthz HTTP/1.1\r\nhost: idle\r\n\r\n')
    expect(held.answer).toMatch(/^HTTP\/1\.1 200 /)
    expect(held.idleMs).toBeGreaterThan(KEEP_ALIVE_MS - 500)
    expect(held.idleMs).toBeLessThan(KEEP_ALIVE_MS + LATE_MS)
  }, 45_000)
})

const BUSY = 200

/** A keep-alive client that asks again as soon as each answer arrives. */
function keepAsking(port: number): Socket {
  const ask = () => socket.write('GET / HTTP/1.1\r\nhost: busy\r\n\r\n')
  const socket = connect(port, '127.0.0.1', ask)
  socket.on('data', ask)
  socket.on('error', () => {})
  return socket
}

describe('a new visitor among busy keep-alive connections', () => {
  it('is answered before the busy connections have each been answered once more', async () => {
    let answered = 0
    let answeredBeforeVisitor = NaN
    const server = createServer(connectionOptions, (req, res) => {
      if (req.headers.host === 'new') answeredBeforeVisitor = answered
      answered++
      res.end('ok')
    })
    limitConnections(server)
    let connections = 0
    server.on('connection', () => connections++)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const busy = Array.from({ length: BUSY }, () => keepAsking(port))
    try {
      while (connections < BUSY || answered < BUSY * 5) await new Promise((r) => setTimeout(r, 10))
      // Answers are counted rather than milliseconds, so a slow machine changes nothing.
      const connectedAt = answered
      const visit = await holdOpen('GET / HTTP/1.1\r\nhost: new\r\nconnection: close\r\n\r\n', port)
      expect(visit.answer).toMatch(/^HTTP\/1\.1 200 /)
      expect(answeredBeforeVisitor - connectedAt).toBeLessThan(BUSY / 2)
    } finally {
      for (const socket of busy) socket.destroy()
      server.closeAllConnections()
      server.close()
    }
  }, 30_000)
})

describe('requests waiting their turn', () => {
  it('a waiting request whose connection is gone is not answered (a stopping server may have closed its store)', async () => {
    let answered = 0
    const http = createServer(connectionOptions, (req, res) => {
      answered++
      // The first request's connection is cut before the second one's turn comes.
      setImmediate(() => req.socket.destroy())
      void res
    })
    limitConnections(http)
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
    const port = (http.address() as AddressInfo).port
    const socket: Socket = connect(port, '127.0.0.1', () => socket.write('GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n'))
    socket.on('error', () => {})
    await new Promise((resolve) => socket.on('close', resolve))
    await new Promise((resolve) => setTimeout(resolve, 50))
    await new Promise((resolve) => http.close(resolve))
    expect(answered).toBe(1)
  })
})

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { parseBookInput } from '../../src/catalog'
import { buildServices, type Services } from '../../src/cli/services'
import { seedBook } from '../../src/demo'
import { openStore } from '../../src/store'
import { startServer, type RunningServer } from '../../src/web/server'
import { testDialects } from '../dialects'
import { testServices, testStore, type TestStore } from '../helpers'
import { tcpProxy, type TcpProxy } from '../tcp-proxy'

const SEED = '9788962633245'
const pg = testDialects().find((d) => d.name === 'postgres')!

// A server process and its database on another machine: only a networked engine can go away while the store serves.
describe.skipIf(pg.skip)('postgres: database lost while serving', () => {
  let store: TestStore
  let proxy: TcpProxy
  let served: Services
  let server: RunningServer
  const status = async (path: string) => (await fetch(`http://127.0.0.1:${server.port}${path}`)).status

  beforeAll(async () => {
    store = await testStore(pg, { demoBooks: 20 })
    const url = new URL(store.url)
    proxy = await tcpProxy(url.hostname, Number(url.port || 5432))
    url.hostname = '127.0.0.1'
    url.port = String(proxy.port)
    served = buildServices(await openStore(url.toString(), { poolSize: 4 }))
    server = await startServer(testServices(served), { port: 0, host: '127.0.0.1' })
  })
  afterAll(async () => {
    await server?.close()
    await proxy?.up().catch(() => {})
    await served?.store.close()
    await proxy?.close()
    await store?.cleanup()
  })

  it('answers 503 while the database is away and recovers without a restart', async () => {
    expect(await status(`/books/${SEED}`)).toBe(200)
    expect(await status(`/books/${SEED}`)).toBe(200)

    await proxy.down()
    // Cached pages too: without the commit notifications nobody can tell whether they are still true.
    await vi.waitFor(async () => expect(await status(`/books/${SEED}`)).toBe(503), { timeout: 5000, interval: 50 })
    expect(await status('/')).toBe(503)
    expect(await status('/readyz')).toBe(503)
    const api = await fetch(`http://127.0.0.1:${server.port}/api/books/${SEED}`)
    expect(api.status).toBe(503)
    expect(await api.json()).toEqual({ error: 'temporarily unavailable' })

    await proxy.up()
    await vi.waitFor(async () => expect(await status(`/books/${SEED}`)).toBe(200), { timeout: 10_000, interval: 100 })
    expect(await status('/readyz')).toBe(200)

    // Commit notifications are back: another process's write shows at once.
    await store.catalog.saveBooks([parseBookInput({ ...seedBook, salePrice: 12300 })])
    await vi.waitFor(async () => expect(await (await fetch(`http://127.0.0.1:${server.port}/books/${SEED}`)).text()).toContain('12,300원'), { timeout: 5000, interval: 20 })
  })
})

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { parseBookInput } from '../../src/catalog'
import { buildServices, type Services } from '../../src/cli/services'
import { seedBook } from '../../src/demo'
import { openStore } from '../../src/store'
import { startServer, type RunningServer } from '../../src/web/server'
import { testDialects } from '../dialects'
import { testServices, testStore, type TestStore, testShop } from '../helpers'
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
    served = buildServices(await openStore(url.toString(), { poolSize: 4 }), undefined, testShop())
    server = await startServer(testServices(served), { port: 0, host: '127.0.0.1' })
  })
  afterAll(async () => {
    await server?.close()
    await proxy?.up().catch(() => {})
    await served?.store.close()
    await proxy?.close()
    await store?.cleanup()
  })

  it('serves cached pages while the database is away, answers the rest 503 in the reader\'s language, and recovers without a restart', async () => {
    expect(await status(`/books/${SEED}`)).toBe(200)
    expect(await status(`/books/${SEED}`)).toBe(200)
    const before = await (await fetch(`http://127.0.0.1:${server.port}/books/${SEED}`)).text()

    await proxy.down()
    await vi.waitFor(async () => expect(await status('/readyz')).toBe(503), { timeout: 10_000, interval: 50 })
    // The process is alive: an orchestrator must not restart it for its database.
    expect(await status('/healthz')).toBe(200)
    // A page rendered before is still true enough to show; a signed-in visitor never gets it.
    const cached = await fetch(`http://127.0.0.1:${server.port}/books/${SEED}`)
    expect(cached.status).toBe(200)
    // Each visitor's answer carries its own form token; the rest is the page rendered before.
    const withoutToken = (page: string) => page.replace(/name="_csrf" value="[\w-]+"/g, '')
    expect(withoutToken(await cached.text())).toBe(withoutToken(before))
    expect((await fetch(`http://127.0.0.1:${server.port}/books/${SEED}`, { headers: { cookie: 'account=x' } })).status).toBe(503)
    const page = await fetch(`http://127.0.0.1:${server.port}/search?q=outage`)
    expect(page.status).toBe(503)
    expect(page.headers.get('retry-after')).toBe('5')
    expect(await page.text()).toContain('잠시 후 다시 시도해 주세요')
    const english = await fetch(`http://127.0.0.1:${server.port}/search?q=outage&lang=en`)
    expect(await english.text()).toContain('Please try again shortly')
    const api = await fetch(`http://127.0.0.1:${server.port}/api/v1/books/${SEED}`)
    expect(api.status).toBe(503)
    expect((await api.json()).error.code).toBe('unavailable')

    await proxy.up()
    await vi.waitFor(async () => expect(await status(`/books/${SEED}`)).toBe(200), { timeout: 10_000, interval: 100 })
    expect(await status('/readyz')).toBe(200)

    // Commit notifications are back: another process's write shows at once.
    await store.catalog.saveBooks([parseBookInput({ ...seedBook, salePrice: 12300 })])
    await vi.waitFor(async () => expect(await (await fetch(`http://127.0.0.1:${server.port}/books/${SEED}`)).text()).toContain('12,300원'), { timeout: 5000, interval: 20 })
  })
})

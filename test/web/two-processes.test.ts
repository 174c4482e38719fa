import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServices, type Services } from '../../src/cli/services'
import { openStore } from '../../src/store'
import { bookToForm } from '../../src/web/routes/admin/book-form'
import { startServer, type RunningServer } from '../../src/web/server'
import { testDialects } from '../dialects'
import { testServices, testShop, testStore, type TestStore } from '../helpers'
import { staffShopper } from '../support/staff'
import { serverRequester } from './shopper'

const SEED = '9788962633245'
/** What the issue asks of a second app process: another's write shows within this. */
const WITHIN_MS = 1000

interface App {
  services: Services
  server: RunningServer
  base: string
}

/** An app process of its own: its own connections, commit listener and page cache, on the shared database. */
async function appOn(url: string): Promise<App> {
  const services = buildServices(await openStore(url, { poolSize: 4 }), undefined, testShop())
  const server = await startServer(testServices(services), { port: 0, host: '127.0.0.1' })
  return { services, server, base: `http://127.0.0.1:${server.port}` }
}

const productPage = async (app: App) => {
  const res = await fetch(`${app.base}/books/${SEED}`, { headers: { 'accept-encoding': 'gzip', 'accept-language': 'ko' } })
  expect(res.status).toBe(200)
  return res.text()
}
const cacheHits = async (app: App) => (await app.server.metrics.cacheHits.get()).values[0]?.value ?? 0

/** Milliseconds until the app's page contains `text`, polling every 10 ms; fails past `limit`. */
async function msUntilShown(app: App, text: string, limit: number): Promise<number> {
  const started = performance.now()
  for (;;) {
    const elapsed = performance.now() - started
    if ((await productPage(app)).includes(text)) return elapsed
    if (elapsed > limit) throw new Error(`${app.base} still did not show ${text} after ${Math.round(elapsed)} ms`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: two app processes on one database`, () => {
    let store: TestStore
    let apps: App[]

    beforeAll(async () => {
      store = await testStore(dialect, { demoBooks: 20 })
      apps = [await appOn(store.url), await appOn(store.url)]
    })
    afterAll(async () => {
      for (const app of apps ?? []) {
        await app.server.close()
        await app.services.store.close()
      }
      await store?.cleanup()
    })

    for (const [writer, reader] of [
      [0, 1],
      [1, 0],
    ] as const) {
      it(`a price set through app ${writer + 1} shows on app ${reader + 1}'s cached page within ${WITHIN_MS} ms`, async () => {
        const [by, other] = [apps[writer]!, apps[reader]!]
        // Both have the page cached: the reader's second request is a cache hit.
        for (const app of apps) await productPage(app)
        const hitsBefore = await cacheHits(other)
        const cached = await productPage(other)
        expect(await cacheHits(other)).toBe(hitsBefore + 1)

        // Within the book price law's 10% off the list price of 24,000 won.
        const price = 22310 + writer * 1000
        const shown = `${price.toLocaleString('en-US')}원`
        expect(cached).not.toContain(shown)
        const member = await staffShopper(serverRequester(by.base), by.services, 'catalog')
        const form = bookToForm(await by.services.catalog.getBook(SEED as never))
        const saved = await member.post(`/admin/books/${SEED}`, { ...form, salePrice: String(price) })
        expect(saved.status).toBe(303)
        // The writer knows at once; the other process learns of the commit from the database.
        expect(await productPage(by)).toContain(shown)
        expect(await msUntilShown(other, shown, WITHIN_MS)).toBeLessThan(WITHIN_MS)
      })
    }
  })
}

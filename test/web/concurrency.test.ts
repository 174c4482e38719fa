import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { parseBookInput, parseIsbn } from '../../src/catalog'
import { generatedBook, seedBook } from '../../src/demo'
import { buildServices, type Services } from '../../src/cli/services'
import { openStore } from '../../src/store'
import { startServer, type RunningServer } from '../../src/web/server'
import { testDialects } from '../dialects'
import { testServices, testStore, type TestStore, testShop } from '../helpers'
import { koreanAddress } from './checkout-form'
import { serverRequester, shopper } from './shopper'

const BOOKS = 150
const ROUNDS = 4
const BATCH = 50
const SEED = parseIsbn('9788962633245')

/** Generated book n as written in a given round of the import: its title says which. */
const bookInRound = (n: number, round: number) => {
  const book = generatedBook(n)
  return { ...book, title: `${book.title} (판 ${round})` }
}

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: two servers and an import at once`, () => {
    let store: TestStore
    const others: Services[] = []
    const servers: RunningServer[] = []

    beforeAll(async () => {
      store = await testStore(dialect, { demoBooks: BOOKS })
      // Each server has its own connections, as a separate `colophon serve` process would.
      for (let i = 0; i < 2; i++) {
        const services = buildServices(await openStore(store.url, { poolSize: 4 }), undefined, testShop())
        others.push(services)
        servers.push(await startServer(testServices(services), { port: 0, host: '127.0.0.1' }))
      }
    })
    afterAll(async () => {
      for (const server of servers) await server.close()
      for (const services of others) await services.store.close()
      await store.cleanup()
    })

    it('answers every request with a whole page while books are rewritten, and agrees afterwards', async () => {
      const isbns = Array.from({ length: BOOKS }, (_, i) => generatedBook(i + 1).isbn13)
      const paths = ['/', '/categories/history', ...isbns.slice(0, 30).map((isbn) => `/books/${isbn}`)]
      let isImporting = true
      const failures: string[] = []
      let answered = 0

      const reader = async (server: RunningServer) => {
        for (let i = 0; isImporting || i < paths.length; i++) {
          const path = paths[i % paths.length]!
          const res = await fetch(`http://127.0.0.1:${server.port}${path}`, { headers: { 'accept-encoding': 'gzip' } })
          const body = await res.text()
          answered++
          if (res.status !== 200 || !body.trimEnd().endsWith('</html>')) failures.push(`${path}: ${res.status}`)
        }
      }
      const importer = async () => {
        try {
          for (let round = 1; round <= ROUNDS; round++) {
            for (let start = 1; start <= BOOKS; start += BATCH) {
              const batch = Array.from({ length: Math.min(BATCH, BOOKS - start + 1) }, (_, i) => bookInRound(start + i, round))
              await store.catalog.saveBooks(batch)
              // An import reads its input between batches; on SQLite the synchronous driver would otherwise hold this event loop throughout.
              await new Promise((resolve) => setTimeout(resolve, 5))
            }
          }
        } finally {
          isImporting = false
        }
      }
      await Promise.all([importer(), reader(servers[0]!), reader(servers[0]!), reader(servers[1]!), reader(servers[1]!)])
      expect(failures).toEqual([])
      expect(answered).toBeGreaterThanOrEqual(4 * paths.length)

      // Once the last commit is announced, both servers show the last round, byte for byte the same.
      for (const path of paths.slice(2)) {
        await vi.waitFor(async () => {
          // The pages name their own origin, whose port differs, and carry each visitor's own form token.
          const page = async (s: RunningServer) => (await (await fetch(`http://127.0.0.1:${s.port}${path}`)).text()).replaceAll(`:${s.port}/`, ':PORT/').replace(/name="_csrf" value="[\w-]+"/g, 'name="_csrf" value="TOKEN"')
          const [a, b] = await Promise.all(servers.map(page))
          expect(a).toContain(`(판 ${ROUNDS})`)
          expect(a).toBe(b)
        }, { timeout: 10_000, interval: 20 })
      }
    })

    it('sells the last copy once when two shoppers on two servers order it at the same moment, and both drop the page showing it', async () => {
      await store.catalog.saveBooks([parseBookInput({ ...seedBook, stock: 1, onSale: true })])
      const pageOn = async (server: RunningServer) => (await fetch(`http://127.0.0.1:${server.port}/books/${SEED}`)).text()
      // Both servers have the page with the one copy cached before anyone buys.
      await vi.waitFor(async () => {
        for (const server of servers) expect(await pageOn(server)).toContain('재고 1권')
      }, { timeout: 10_000, interval: 20 })
      const shoppers = servers.map((server) => shopper(serverRequester(`http://127.0.0.1:${server.port}`)))
      for (const s of shoppers) expect((await s.post('/cart/items', { isbn: SEED, quantity: '1' })).status).toBe(303)

      const answers = await Promise.all(shoppers.map((s, i) => s.post('/checkout', koreanAddress(`last-copy-${i}`.padEnd(24, 'x')))))
      expect(answers.map((a) => a.status).sort()).toEqual([303, 400])
      expect((await store.catalog.getBook(SEED)).stock).toBe(0)
      const sold = await store.store.db.selectFrom('order_item').select((eb) => eb.fn.sum<number>('quantity').as('copies')).where('isbn13', '=', SEED).executeTakeFirstOrThrow()
      expect(Number(sold.copies)).toBe(1)
      await vi.waitFor(async () => {
        for (const server of servers) expect(await pageOn(server)).toContain('품절')
      }, { timeout: 10_000, interval: 20 })
    })
  })
}

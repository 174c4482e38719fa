import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseBookInput } from '../../src/catalog'
import { generatedBook } from '../../src/demo'
import { openStore } from '../../src/store'
import { sleep } from '../cli/serving'
import { testDialects } from '../dialects'
import { testStore, type TestStore } from '../helpers'
import { checkoutFields, copiesOf, formKey, SEED, startServe, stockSeed } from '../support/checkout'
import { serverRequester, shopper } from '../web/shopper'

const STOCK = 100_000
const KILLS = 3
const BUYERS = 12
/** Orders placed in a round before the kill may come at any moment of the next stretch. */
const WARM_UP_ORDERS = 10
const OTHER = generatedBook(1).isbn13

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: a server killed in the middle of checkouts`, () => {
    let store: TestStore
    beforeAll(async () => {
      store = await testStore(dialect, { demoBooks: 3 })
      await stockSeed(store, STOCK)
      await store.catalog.saveBooks([parseBookInput({ ...generatedBook(1), stock: STOCK, onSale: true, listPrice: 12_000, salePrice: null })])
    })
    afterAll(() => store?.cleanup())

    it(`leaves whole orders and every copy accounted for after ${KILLS} SIGKILLs at random moments`, { timeout: 240_000 }, async () => {
      const count = async () => Number((await store.store.db.selectFrom('orders').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
      let answered = 0
      let cutOff = 0
      const failures: string[] = []
      for (let round = 0; round < KILLS; round++) {
        const serve = await startServe(store.url, 1)
        const shop = serverRequester(serve.url)
        let isKilled = false
        // A buyer checks out again and again until the server dies under it.
        const buyer = async () => {
          while (!isKilled) {
            try {
              const s = shopper(shop)
              await s.post('/cart/items', { isbn: SEED, quantity: '1' })
              await s.post('/cart/items', { isbn: OTHER, quantity: '2' })
              const res = await s.post('/checkout', checkoutFields(formKey()))
              if (res.status === 303) answered++
              else failures.push(`checkout answered ${res.status}: ${(await res.text()).slice(0, 300)}`)
            } catch (err) {
              if (isKilled) cutOff++
              else failures.push(String(err))
            }
            if (failures.length) return
          }
        }
        const buyers = Array.from({ length: BUYERS }, buyer)
        const start = await count()
        while ((await count()) < start + WARM_UP_ORDERS && !failures.length) await sleep(10)
        await sleep(Math.random() * 400)
        isKilled = true
        serve.child.kill('SIGKILL')
        await serve.stop()
        await Promise.all(buyers)
        expect(failures).toEqual([])
      }
      // Every kill cut checkouts off in the middle: their shoppers never got an answer.
      expect(cutOff).toBeGreaterThanOrEqual(KILLS)

      const after = await openStore(store.url)
      try {
        if (after.dialect.name === 'sqlite') expect((await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(after.db)).rows[0]!.integrity_check).toBe('ok')
        const orders = await after.db.selectFrom('orders').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
        expect(Number(orders.n)).toBeGreaterThanOrEqual(Math.max(answered, KILLS * WARM_UP_ORDERS))
        const withoutLines = await after.db.selectFrom('orders').select('number').where('id', 'not in', after.db.selectFrom('order_item').select('order_id')).execute()
        expect(withoutLines).toEqual([])
        const lineCounts = await after.db.selectFrom('order_item').select(['order_id', (eb) => eb.fn.countAll().as('lines')]).groupBy('order_id').execute()
        expect(lineCounts.filter((l) => Number(l.lines) !== 2)).toEqual([])
        const withoutEvents = await after.db.selectFrom('orders').select('number').where('id', 'not in', after.db.selectFrom('order_event').select('order_id')).execute()
        expect(withoutEvents).toEqual([])
        for (const isbn of [SEED, OTHER]) {
          const { stock, held } = await copiesOf(after.db, isbn)
          expect(stock + held).toBe(STOCK)
          expect(held).toBeGreaterThan(0)
        }
      } finally {
        await after.close()
      }
    })
  })
}

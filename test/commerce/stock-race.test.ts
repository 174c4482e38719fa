import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { InputError } from '../../src/core/errors'
import { testDialects } from '../dialects'
import { testStore, type TestStore } from '../helpers'
import { checkoutFields, checkoutInput, copiesOf, SEED, startServe, stockSeed, type ServeProcess } from '../support/checkout'
import { serverRequester, shopper } from '../web/shopper'

const SHOPPERS = 200
const COPIES = 5
const RACERS = 20
const RESUBMITS = 10

const ORDER_PAGE = /^\/orders\/(\d{8}-\d{6})(\?|$)/
const FORM_KEY = /name="idempotencyKey" value="([\w-]+)"/

/** A shopper on the served store with one copy of the seed book in the cart and the checkout form open; its form's key. */
async function atCheckout(base: string) {
  const s = shopper(serverRequester(base))
  const added = await s.post('/cart/items', { isbn: SEED, quantity: '1' })
  if (added.status !== 303) throw new Error(`adding to the cart answered ${added.status}`)
  const form = await (await s.get('/checkout')).text()
  const key = FORM_KEY.exec(form)?.[1]
  if (!key) throw new Error(`no form key in the checkout page: ${form.slice(0, 300)}`)
  return { s, key }
}

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: orders racing for the last copies`, () => {
    let store: TestStore
    let serve: ServeProcess

    beforeAll(async () => {
      store = await testStore(dialect, { demoBooks: 3 })
      serve = await startServe(store.url, 2)
    }, 120_000)
    afterAll(async () => {
      await serve?.stop()
      await store?.cleanup()
    })

    it(`sells exactly ${COPIES} copies to ${SHOPPERS} shoppers checking out at once through two worker processes`, { timeout: 180_000 }, async () => {
      await stockSeed(store, COPIES)
      const buy = async () => {
        const { s, key } = await atCheckout(serve.url)
        const res = await s.post('/checkout', checkoutFields(key))
        return { status: res.status, location: res.headers.get('location') ?? '', body: res.status === 400 ? await res.text() : '' }
      }
      // Every shopper finishes before anything is judged, so none is still buying during the next test.
      const settled = await Promise.allSettled(Array.from({ length: SHOPPERS }, buy))
      expect(settled.flatMap((r) => (r.status === 'rejected' ? [String(r.reason?.cause ?? r.reason)] : []))).toEqual([])
      const answers = settled.map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof buy>>>).value)

      const sold = answers.filter((a) => a.status === 303)
      expect(sold).toHaveLength(COPIES)
      const numbers = sold.map((a) => ORDER_PAGE.exec(a.location)?.[1])
      expect(numbers.every(Boolean)).toBe(true)
      expect(new Set(numbers).size).toBe(COPIES)
      const refused = answers.filter((a) => a.status !== 303)
      expect(refused.map((a) => a.status)).toEqual(Array(SHOPPERS - COPIES).fill(400))
      expect(refused.filter((a) => a.body.includes('재고가 부족합니다'))).toHaveLength(SHOPPERS - COPIES)

      const db = store.store.db
      expect(await copiesOf(db, SEED)).toEqual({ stock: 0, held: COPIES })
      const orders = await db.selectFrom('orders').select('number').execute()
      expect(orders.map((o) => o.number).sort()).toEqual([...numbers].sort())
      const lines = await db.selectFrom('order_item').select(['order_id', 'quantity']).execute()
      expect(lines).toHaveLength(COPIES)
      expect(new Set(lines.map((l) => l.order_id)).size).toBe(COPIES)
    })

    it(`loses no copy when a cancellation races ${RACERS} checkouts of the copy it gives back`, async () => {
      await stockSeed(store, 1)
      const before = await copiesOf(store.store.db, SEED)
      await store.commerce.addItem('race-holder', SEED as never, 1)
      const held = await store.orders.place({ owner: 'race-holder', customerId: null, input: checkoutInput() })
      expect(await copiesOf(store.store.db, SEED)).toEqual({ stock: 0, held: before.held + 1 })

      const owners = Array.from({ length: RACERS }, (_, i) => `racer-${i}`)
      for (const owner of owners) await store.commerce.addItem(owner, SEED as never, 1)
      const results = await Promise.allSettled([
        store.orders.cancel(held.number, 'staff:test', 'changed my mind'),
        ...owners.map((owner) => store.orders.place({ owner, customerId: null, input: checkoutInput() })),
      ])

      expect(results[0]!.status).toBe('fulfilled')
      const placed = results.slice(1).filter((r) => r.status === 'fulfilled')
      expect(placed.length).toBeLessThanOrEqual(1)
      for (const r of results.slice(1)) {
        if (r.status === 'rejected') expect((r.reason as InputError).code).toBe('out_of_stock')
      }
      const after = await copiesOf(store.store.db, SEED)
      expect(after.stock + after.held - before.held).toBe(1)
      expect(after.stock).toBe(1 - placed.length)
      expect((await store.orders.byNumber(held.number)).status).toBe('cancelled')
    })

    it(`makes one order of the same form sent ${RESUBMITS} times at once to two worker processes`, async () => {
      await stockSeed(store, 3)
      const before = await copiesOf(store.store.db, SEED)
      const { s, key } = await atCheckout(serve.url)
      const answers = await Promise.all(Array.from({ length: RESUBMITS }, () => s.post('/checkout', checkoutFields(key))))

      const failed = await Promise.all(answers.filter((a) => a.status !== 303).map(async (a) => `${a.status}: ${(await a.text()).match(/<div class="form-errors"[\s\S]*?<\/ul>/)?.[0] ?? ''}`))
      expect(failed).toEqual([])
      const numbers = new Set(answers.map((a) => ORDER_PAGE.exec(a.headers.get('location') ?? '')?.[1]))
      expect(numbers.size).toBe(1)
      const made = await store.store.db.selectFrom('orders').select('number').where('idempotency_key', '=', key).execute()
      expect(made.map((o) => o.number)).toEqual([...numbers])
      expect(await copiesOf(store.store.db, SEED)).toEqual({ stock: 2, held: before.held + 1 })
      const page = await s.get(`/orders/${made[0]!.number}`)
      expect(page.status).toBe(200)
    })
  })
}

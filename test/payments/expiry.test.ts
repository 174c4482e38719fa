import { pino } from 'pino'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { PaymentsService } from '../../src/payments'
import { testDialects } from '../dialects'
import { startPortOneStandin, type PortOneStandin } from '../support/portone-standin'
import { passDeadline, paymentsStore, placeOrder, SEED_STOCK, seedStock, stepsTo, type PaymentsStore } from './setup'

let standin: PortOneStandin
beforeAll(async () => {
  standin = await startPortOneStandin()
})
afterAll(() => standin.close())

let store: PaymentsStore | undefined
afterEach(async () => {
  await store?.cleanup()
  store = undefined
})

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: the payment deadline`, () => {
    it('cancels an overdue bank transfer and puts its copies back on the shelf, leaving orders within their deadline', async () => {
      store = await paymentsStore(dialect)
      const overdue = await placeOrder(store, 3)
      const waiting = await placeOrder(store, 2)
      expect(await seedStock(store)).toBe(SEED_STOCK - 5)
      await passDeadline(store, overdue.number)

      expect(await store.payments.expireOverdue()).toEqual({ cancelled: [overdue.number], paid: [] })
      const now = await store.orders.byNumber(overdue.number)
      expect(now.status).toBe('cancelled')
      expect(stepsTo(now, 'cancelled')).toEqual([expect.objectContaining({ actor: 'system', reason: 'payment_deadline' })])
      expect((await store.orders.byNumber(waiting.number)).status).toBe('awaiting_payment')
      expect(await seedStock(store)).toBe(SEED_STOCK - 2)
      expect(await store.payments.expireOverdue()).toEqual({ cancelled: [], paid: [] })
    })

    it('cancels each order once when two processes apply the deadline at the same moment', async () => {
      store = await paymentsStore(dialect)
      const orders = [await placeOrder(store, 1), await placeOrder(store, 1), await placeOrder(store, 1)]
      for (const o of orders) await passDeadline(store, o.number)
      const logged: string[] = []
      const logger = pino({ level: 'warn' }, { write: (line: string) => void logged.push(line) })
      const [one, two] = [0, 1].map(() => new PaymentsService(store!.store.db, store!.orders, { logger }))
      const [a, b] = await Promise.all([one!.expireOverdue(), two!.expireOverdue()])
      expect(logged).toEqual([])
      expect([...a.cancelled, ...b.cancelled].sort()).toEqual(orders.map((o) => o.number).sort())
      for (const o of orders) expect(stepsTo(await store.orders.byNumber(o.number), 'cancelled')).toHaveLength(1)
      expect(await seedStock(store)).toBe(SEED_STOCK)
    })

    it('asks PortOne about an overdue card order first: paid is paid, pending waits a day, then it is cancelled', async () => {
      store = await paymentsStore(dialect, standin)
      const paid = await placeOrder(store, 1, { paymentMethod: 'card' })
      const pending = await placeOrder(store, 1, { paymentMethod: 'card' })
      const longPending = await placeOrder(store, 1, { paymentMethod: 'card' })
      standin.setPayment(paid.paymentId!, { status: 'PAID', amount: { total: paid.total }, currency: 'KRW', paidAt: new Date().toISOString() })
      for (const o of [pending, longPending]) standin.setPayment(o.paymentId!, { status: 'PAY_PENDING', amount: { total: o.total }, currency: 'KRW' })
      await passDeadline(store, paid.number)
      await passDeadline(store, pending.number, 2)
      await passDeadline(store, longPending.number, 25)

      expect(await store.payments.expireOverdue()).toEqual({ cancelled: [longPending.number], paid: [paid.number] })
      expect((await store.orders.byNumber(paid.number)).status).toBe('paid')
      expect((await store.orders.byNumber(pending.number)).status).toBe('awaiting_payment')
      expect((await store.orders.byNumber(longPending.number)).status).toBe('cancelled')
    })

    it('runs on a timer once started, and stops', async () => {
      store = await paymentsStore(dialect)
      const order = await placeOrder(store, 1)
      await passDeadline(store, order.number)
      store.payments.start(50)
      const deadline = Date.now() + 5_000
      while ((await store.orders.byNumber(order.number)).status !== 'cancelled' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
      await store.payments.stop()
      expect((await store.orders.byNumber(order.number)).status).toBe('cancelled')
    })
  })
}

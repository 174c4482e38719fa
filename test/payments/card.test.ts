import { randomBytes } from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Order } from '../../src/commerce'
import { testDialects } from '../dialects'
import { startPortOneStandin, type PortOneStandin } from '../support/portone-standin'
import { paymentsStore, placeOrder, stepsTo, type PaymentsStore } from './setup'

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

const cardOrder = (s: PaymentsStore) => placeOrder(s, 1, { paymentMethod: 'card' })
const payAtPortOne = (order: Order, total = order.total) => standin.setPayment(order.paymentId!, { status: 'PAID', amount: { total }, currency: 'KRW', paidAt: new Date().toISOString() })
const cancelsOf = (order: Order) => standin.cancels.filter((c) => c.paymentId === order.paymentId)
const paidWebhook = (order: Order) => ({ type: 'Transaction.Paid', timestamp: new Date().toISOString(), data: { paymentId: order.paymentId, storeId: standin.storeId, transactionId: `tx-${order.number}` } })

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: card payments through PortOne`, () => {
    it('pays the order once PortOne reports the payment paid, and again changes nothing', async () => {
      store = await paymentsStore(dialect, standin)
      const order = await cardOrder(store)
      payAtPortOne(order)
      expect(await store.payments.completeCard(order.paymentId!)).toEqual({ outcome: 'paid' })
      expect(await store.payments.completeCard(order.paymentId!)).toEqual({ outcome: 'already_paid' })
      const now = await store.orders.byNumber(order.number)
      expect(now.status).toBe('paid')
      expect(stepsTo(now, 'paid')).toEqual([expect.objectContaining({ actor: 'portone' })])
    })

    it('refuses a payment of another amount, cancels it at PortOne and leaves the order awaiting', async () => {
      store = await paymentsStore(dialect, standin)
      const order = await cardOrder(store)
      payAtPortOne(order, order.total - 1000)
      const result = await store.payments.completeCard(order.paymentId!)
      expect(result.outcome).toBe('refused')
      expect(result.reason).toContain(`the order is ${order.total} KRW`)
      expect(cancelsOf(order)).toHaveLength(1)
      expect((await store.orders.byNumber(order.number)).status).toBe('awaiting_payment')
    })

    it('reports pending when PortOne does not answer in time, and the order still awaits payment', async () => {
      store = await paymentsStore(dialect, standin)
      const order = await cardOrder(store)
      payAtPortOne(order)
      standin.misbehave(order.paymentId!, { delayMs: 6_000 })
      expect(await store.payments.completeCard(order.paymentId!)).toMatchObject({ outcome: 'pending' })
      expect((await store.orders.byNumber(order.number)).status).toBe('awaiting_payment')
    })

    it('refunds a payment that arrives after its order was cancelled, and ships nothing', async () => {
      store = await paymentsStore(dialect, standin)
      const order = await cardOrder(store)
      await store.orders.cancel(order.number, 'system', 'payment_deadline')
      payAtPortOne(order)
      expect(await store.payments.completeCard(order.paymentId!)).toMatchObject({ outcome: 'refunded_late' })
      expect(cancelsOf(order)).toHaveLength(1)
      expect(standin.payment(order.paymentId!)?.status).toBe('CANCELLED')
      const now = await store.orders.byNumber(order.number)
      expect(now.status).toBe('cancelled')
      expect(now.paidAt).toBeNull()
    })

    it('refuses a payment id no order has', async () => {
      store = await paymentsStore(dialect, standin)
      await expect(store.payments.completeCard('colophon-nobody')).rejects.toMatchObject({ code: 'payment_unknown' })
    })

    it('marks the order paid once from a signed webhook sent twice, and refuses a forged one', async () => {
      store = await paymentsStore(dialect, standin)
      const order = await cardOrder(store)
      payAtPortOne(order)
      const forged = standin.signWebhook(paidWebhook(order), { secret: `whsec_${randomBytes(24).toString('base64')}` })
      await expect(store.payments.webhook(forged.body, forged.headers)).rejects.toMatchObject({ code: 'webhook_signature' })
      expect((await store.orders.byNumber(order.number)).status).toBe('awaiting_payment')

      const { body, headers } = standin.signWebhook(paidWebhook(order))
      expect(await store.payments.webhook(body, headers)).toEqual({ type: 'Transaction.Paid', outcome: 'paid' })
      expect(await store.payments.webhook(body, headers)).toEqual({ type: 'Transaction.Paid', outcome: 'already_paid' })
      expect(stepsTo(await store.orders.byNumber(order.number), 'paid')).toHaveLength(1)
    })

    it('acknowledges and ignores a webhook about no payment of this shop', async () => {
      store = await paymentsStore(dialect, standin)
      const { body, headers } = standin.signWebhook({ type: 'Transaction.Paid', timestamp: new Date().toISOString(), data: { paymentId: 'elsewhere-1', storeId: standin.storeId, transactionId: 't' } })
      expect(await store.payments.webhook(body, headers)).toEqual({ type: 'Transaction.Paid', outcome: 'ignored' })
    })

    it('refunds a paid card order through PortOne when it is cancelled, and keeps it paid when PortOne fails', async () => {
      store = await paymentsStore(dialect, standin)
      const order = await cardOrder(store)
      payAtPortOne(order)
      await store.payments.completeCard(order.paymentId!)
      standin.misbehave(order.paymentId!, { status: 500 })
      await expect(store.orders.cancel(order.number, 'staff:kim', 'out of print')).rejects.toThrow(/PortOne/)
      expect((await store.orders.byNumber(order.number)).status).toBe('paid')

      standin.misbehave(order.paymentId!, {})
      await store.orders.cancel(order.number, 'staff:kim', 'out of print')
      expect((await store.orders.byNumber(order.number)).status).toBe('cancelled')
      expect(standin.payment(order.paymentId!)?.status).toBe('CANCELLED')
      expect(cancelsOf(order).at(-1)).toMatchObject({ reason: 'out of print' })
    })
  })
}

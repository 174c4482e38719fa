import { afterEach, describe, expect, it } from 'vitest'
import { PaymentsService } from '../../src/payments'
import { seoulDay, type OrderService } from '../../src/commerce'
import { testDialects } from '../dialects'
import { paymentsStore, placeOrder, stepsTo, type PaymentsStore } from './setup'

const today = seoulDay(new Date())
const statement = (rows: Array<[string, number]>) =>
  Buffer.from(['거래일자,입금자명,입금액(원),출금액(원),잔액(원)', ...rows.map(([name, amount]) => `${today},${name},"${amount.toLocaleString('en')}",,"1,000,000"`)].join('\r\n'))

let store: PaymentsStore | undefined
afterEach(async () => {
  await store?.cleanup()
  store = undefined
})

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: bank statement import`, () => {
    it('pays the orders a deposit matches by amount and name, lists the rest, and credits nothing on a second import', async () => {
      store = await paymentsStore(dialect)
      const byDepositor = await placeOrder(store, 1, { depositorName: '홍길동' })
      const byBuyer = await placeOrder(store, 2)
      const twinA = await placeOrder(store, 3)
      const twinB = await placeOrder(store, 3)
      const file = statement([['홍길동', byDepositor.total], ['홍길동', byDepositor.total], ['김독자', byBuyer.total], ['김독자', twinA.total], ['아무개', 1234]])

      const first = await store.payments.importStatement(file, 'kb.csv')
      expect(first).toMatchObject({ file: 'kb.csv', read: 5, repeated: 0, errors: [] })
      expect(first.matched.map((m) => m.orderNumber).sort()).toEqual([byDepositor.number, byBuyer.number].sort())
      // The second deposit of the same amount by the same name is for a person: the order was paid by the first.
      expect(first.ambiguous.map((a) => a.candidates.sort())).toEqual([[byDepositor.number], [twinA.number, twinB.number].sort()])
      expect(first.unmatched).toEqual([expect.objectContaining({ reason: 'no_amount', line: expect.objectContaining({ depositor: '아무개', amount: 1234 }) })])
      for (const order of [byDepositor, byBuyer]) {
        const now = await store.orders.byNumber(order.number)
        expect(now.status).toBe('paid')
        expect(stepsTo(now, 'paid')).toEqual([expect.objectContaining({ actor: 'bank', reason: 'deposit matched' })])
      }
      expect((await store.orders.byNumber(twinA.number)).status).toBe('awaiting_payment')

      const second = await store.payments.importStatement(file, 'kb.csv')
      expect(second).toMatchObject({ read: 5, repeated: 5, matched: [], ambiguous: [], unmatched: [] })
      for (const order of [byDepositor, byBuyer]) expect(stepsTo(await store.orders.byNumber(order.number), 'paid')).toHaveLength(1)
      const deposits = await store.store.db.selectFrom('bank_deposit').select(['outcome', 'order_id']).execute()
      expect(deposits.map((d) => d.outcome).sort()).toEqual(['ambiguous', 'ambiguous', 'matched', 'matched', 'unmatched'])
      expect(deposits.filter((d) => d.order_id).map((d) => d.order_id).sort()).toEqual([byDepositor.id, byBuyer.id].sort())
    })

    it('leaves a deposit for a person when its order was cancelled after the statement was matched', async () => {
      store = await paymentsStore(dialect)
      const order = await placeOrder(store, 1)
      const stale = await store.orders.awaiting('bank_transfer')
      await store.orders.cancel(order.number, 'customer:1', 'changed my mind')
      const orders = Object.assign(Object.create(store.orders) as OrderService, { awaiting: async () => stale })
      const report = await new PaymentsService(store.store.db, orders).importStatement(statement([['김독자', order.total]]), 'late.csv')
      expect(report.matched).toEqual([])
      expect(report.ambiguous).toEqual([expect.objectContaining({ candidates: [order.number] })])
      const now = await store.orders.byNumber(order.number)
      expect(now.status).toBe('cancelled')
      expect(now.paidAt).toBeNull()
      expect(await store.store.db.selectFrom('bank_deposit').select(['outcome', 'order_id']).execute()).toEqual([{ outcome: 'ambiguous', order_id: null }])
    })

    it('reports rows it cannot read with their line and field, and still imports the others', async () => {
      store = await paymentsStore(dialect)
      const order = await placeOrder(store, 1)
      const text = `거래일자,입금자명,입금액\r\n${today},김독자,${order.total}\r\n어제,김독자,500\r\n`
      const report = await store.payments.importStatement(Buffer.from(text), 'broken.csv')
      expect(report.matched).toEqual([expect.objectContaining({ orderNumber: order.number })])
      expect(report.errors).toEqual([expect.objectContaining({ file: 'broken.csv', line: 3, field: 'date' })])
    })

    it('confirms a deposit by hand once, and refuses it for a card order', async () => {
      store = await paymentsStore(dialect)
      const order = await placeOrder(store, 1)
      expect(await store.payments.confirmDeposit(order.number, 'staff:kim')).toBe(true)
      expect(await store.payments.confirmDeposit(order.number, 'staff:kim')).toBe(false)
      expect(stepsTo(await store.orders.byNumber(order.number), 'paid')).toEqual([expect.objectContaining({ actor: 'staff:kim', reason: 'deposit confirmed' })])
      const card = await placeOrder(store, 1, { paymentMethod: 'card' })
      await expect(store.payments.confirmDeposit(card.number, 'staff:kim')).rejects.toMatchObject({ code: 'not_bank_transfer' })
    })
  })
}

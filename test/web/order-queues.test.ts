import { afterEach, describe, expect, it } from 'vitest'
import { testDialects } from '../dialects'
import { paymentsStore, placeOrder, type PaymentsStore } from '../payments/setup'
import { stockSeed } from '../support/checkout'
import { staffApp, staffShopper } from '../support/staff'

let store: PaymentsStore | undefined
afterEach(async () => {
  await store?.cleanup()
  store = undefined
})

const numbersIn = (page: string) => [...new Set([...page.matchAll(/href="\/admin\/orders\/(\d{8}-\d{6})/g)].map((m) => m[1]!))]

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: order queues page and search in the store`, { timeout: 120_000 }, () => {
    it('counts every order of a queue exactly, pages through it, and finds one by name, email, phone digits or number', async () => {
      store = await paymentsStore(dialect)
      await stockSeed(store, 500)
      const placed = []
      for (let i = 0; i < 120; i++) placed.push(await placeOrder(store, 1, i === 7 ? { buyer: { name: 'Jane MacRead', phone: '010-9876-5432', email: 'jane.m@example.org' } } : {}))
      for (const order of placed.slice(0, 15)) await store.orders.markPaid(order.number, 'staff:test')
      const staff = await staffShopper(staffApp(store), store, 'orders')

      const first = await (await staff.get('/admin/orders?queue=awaiting_payment&lang=en')).text()
      expect(first).toContain('105')
      expect(numbersIn(first)).toHaveLength(50)
      const last = await (await staff.get('/admin/orders?queue=awaiting_payment&page=3&lang=en')).text()
      expect(numbersIn(last)).toHaveLength(5)
      // Newest first: the last page ends with the oldest order still waiting.
      expect(numbersIn(last).at(-1)).toBe(placed[15]!.number)
      const oldest = await (await staff.get('/admin/orders?queue=awaiting_payment&sort=old&lang=en')).text()
      expect(numbersIn(oldest)[0]).toBe(placed[15]!.number)
      const paid = await (await staff.get('/admin/orders?queue=paid&lang=en')).text()
      expect(numbersIn(paid).sort()).toEqual(placed.slice(0, 15).map((o) => o.number).sort())

      const jane = placed[7]!.number
      for (const q of ['macread', 'JANE.M@EXAMPLE', '98765432', '9876-5432', jane, jane.slice(-6)]) {
        const found = numbersIn(await (await staff.get(`/admin/orders?q=${encodeURIComponent(q)}&lang=en`)).text())
        expect(found, q).toContain(jane)
        if (q !== jane.slice(-6)) expect(found, q).toHaveLength(1)
      }
      expect(numbersIn(await (await staff.get('/admin/orders?q=nobody-by-that-name')).text())).toEqual([])
    })
  })
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from '../helpers'
import { testDialects } from '../dialects'
import { paymentsStore, placeOrder, type PaymentsStore } from '../payments/setup'
import { appRequester, shopper } from './shopper'

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: an order's lines in the page's language`, { timeout: 60_000 }, () => {
    let store: PaymentsStore
    beforeAll(async () => {
      store = await paymentsStore(dialect)
    })
    afterAll(() => store?.cleanup())

    it('titles each line in English on the English page, and as bought on the Korean one', async () => {
      const order = await placeOrder(store, 1)
      expect(order.lines[0]!.title).toBe('중국과 러시아')
      const visitor = shopper(appRequester(testApp(store)), { startAt: '/orders/lookup' })
      await visitor.get('/orders/lookup?lang=en')
      const english = await (await visitor.post('/orders/lookup?lang=en', { number: order.number, contact: order.buyer.email })).text()
      expect(english).toContain('>China and Russia</a></td>')
      await visitor.get('/orders/lookup')
      const korean = await (await visitor.post('/orders/lookup', { number: order.number, contact: order.buyer.email })).text()
      expect(korean).toContain('>중국과 러시아</a></td>')
    })
  })
}

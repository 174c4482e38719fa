import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseBookInput } from '../../src/catalog'
import { seedBook } from '../../src/demo'
import { startPortOneStandin, type PortOneStandin } from '../support/portone-standin'
import { testDialects } from '../dialects'
import { testApp, testStore, type TestStore } from '../helpers'
import { keyOf, koreanAddress } from './checkout-form'
import { appRequester, shopper as shopperOf } from './shopper'

const SEED = '9788962633245'

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: paying by card through PortOne`, () => {
    let store: TestStore
    let app: ReturnType<typeof testApp>
    let portone: PortOneStandin
    beforeAll(async () => {
      portone = await startPortOneStandin()
      store = await testStore(dialect, {
        demoBooks: 5,
        shop: { portone: { storeId: portone.storeId, channelKey: 'channel-key-test', apiSecret: portone.secret, webhookSecret: portone.webhookSecret, baseUrl: portone.url, sdkUrl: `${portone.url}/v2/browser-sdk.js`, timeoutMs: 5_000 } },
      })
      await store.catalog.saveBooks([parseBookInput({ ...seedBook, stock: 50 })])
      app = testApp(store)
    })
    afterAll(async () => {
      await store?.cleanup()
      await portone?.close()
    })

    async function cardOrder() {
      const s = shopperOf(appRequester(app))
      await s.post('/cart/items', { isbn: SEED, quantity: '1' })
      const form = await (await s.get('/checkout')).text()
      expect(form).toContain('value="card"')
      const placed = await s.post('/checkout', { ...koreanAddress(keyOf(form)), paymentMethod: 'card' })
      expect(placed.status).toBe(303)
      const number = /\/orders\/(\d{8}-\d{6})/.exec(placed.headers.get('location')!)![1]!
      return { s, order: await store.orders.byNumber(number) }
    }

    it('opens the payment window with the order\'s amount, and allows PortOne\'s script by the policy', async () => {
      const { s, order } = await cardOrder()
      const res = await s.get(`/orders/${order.number}`)
      const page = await res.text()
      expect(page).toContain(`src="${portone.url}/v2/browser-sdk.js"`)
      expect(page).toContain('&quot;totalAmount&quot;:21600')
      expect(page).not.toContain(portone.secret)
      expect(res.headers.get('content-security-policy')).toContain(`script-src 'self' ${portone.url}`)
    })

    it('marks the order paid only when PortOne says the right amount was paid', async () => {
      const { s, order } = await cardOrder()
      portone.setPayment(order.paymentId!, { status: 'PAID', amount: { total: order.total, paid: order.total }, currency: 'KRW', paidAt: new Date().toISOString() })
      await s.get(`/orders/${order.number}`)
      expect((await s.post(`/orders/${order.number}/card`, { paymentId: order.paymentId! })).status).toBe(303)
      expect((await store.orders.byNumber(order.number)).status).toBe('paid')
    })

    it('refuses a payment of another amount, cancels it at PortOne, and keeps the order waiting', async () => {
      const { s, order } = await cardOrder()
      portone.setPayment(order.paymentId!, { status: 'PAID', amount: { total: 100, paid: 100 }, currency: 'KRW', paidAt: new Date().toISOString() })
      await s.get(`/orders/${order.number}`)
      const res = await s.post(`/orders/${order.number}/card`, { paymentId: order.paymentId! })
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('결제가 완료되지 않았습니다')
      expect(portone.cancels.some((c) => c.paymentId === order.paymentId)).toBe(true)
      expect((await store.orders.byNumber(order.number)).status).toBe('awaiting_payment')
    })

    it('settles a payment from a signed webhook once, however often it comes, and refuses a forged one', async () => {
      const { order } = await cardOrder()
      portone.setPayment(order.paymentId!, { status: 'PAID', amount: { total: order.total, paid: order.total }, currency: 'KRW', paidAt: new Date().toISOString() })
      const hook = { type: 'Transaction.Paid', timestamp: new Date().toISOString(), data: { storeId: portone.storeId, paymentId: order.paymentId, transactionId: 'tx-1' } }
      const signed = portone.signWebhook(hook)
      for (let i = 0; i < 3; i++) {
        const res = await app.request('/payments/portone/webhook', { method: 'POST', headers: { 'content-type': 'application/json', ...signed.headers }, body: signed.body })
        expect(res.status).toBe(200)
      }
      const paid = await store.orders.byNumber(order.number)
      expect(paid.status).toBe('paid')
      expect(paid.events.filter((e) => e.to === 'paid')).toHaveLength(1)
      const forged = await app.request('/payments/portone/webhook', { method: 'POST', headers: { 'content-type': 'application/json', ...signed.headers }, body: signed.body.replace('Transaction.Paid', 'Transaction.Cancelled') })
      expect(forged.status).toBe(400)
      // A webhook without a signature meets the gate like any cross-site post.
      expect((await app.request('/payments/portone/webhook', { method: 'POST', headers: { 'content-type': 'application/json' }, body: signed.body })).status).toBe(403)
    })
  })
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp, testStore, type TestStore } from '../helpers'
import { testDialects } from '../dialects'
import { appRequester, shopper as shopperOf } from './shopper'

const SEED = '9788962633245'
for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: the cart`, () => {
    let store: TestStore
    let app: ReturnType<typeof testApp>
    beforeAll(async () => {
      store = await testStore(dialect, { demoBooks: 30 })
      app = testApp(store)
    })
    afterAll(() => store?.cleanup())
    const shopper = (a: ReturnType<typeof testApp>) => shopperOf(appRequester(a))

    it('puts a book in the cart from the product form and shows it with totals', async () => {
      const s = shopper(app)
      const added = await s.post('/cart/items', { isbn: SEED, quantity: '2' })
      expect(added.status).toBe(303)
      expect(added.headers.get('location')).toBe('/cart')
      expect(s.cookie()).toMatch(/^sid=[\w-]{22}\.[\w-]{22}$/)
      const res = await s.get('/cart')
      expect(res.headers.get('cache-control')).toBe('no-store')
      const page = await res.text()
      expect(page).toContain('중국과 러시아')
      expect(page).toContain('value="2"')
      const [book] = await store.catalog.summaries([SEED])
      expect(page).toContain(`${((book!.salePrice ?? book!.listPrice!) * 2).toLocaleString('en-US')}원`)
    })

    it('adds to a line, updates and removes it, in English when asked', async () => {
      const s = shopper(app)
      await s.post('/cart/items?lang=en', { isbn: SEED, quantity: '1' })
      const again = await s.post('/cart/items?lang=en', { isbn: SEED, quantity: '2' })
      expect(again.headers.get('location')).toBe('/cart?lang=en')
      expect(await (await s.get('/cart?lang=en')).text()).toMatch(/value="3"[\s\S]*Order total: ₩/)
      await s.post(`/cart/items/${SEED}?lang=en`, { quantity: '5' })
      expect(await (await s.get('/cart?lang=en')).text()).toContain('value="5"')
      await s.post(`/cart/items/${SEED}/remove?lang=en`, {})
      expect(await (await s.get('/cart?lang=en')).text()).toContain('Your cart is empty.')
    })

    it('rejects a bad quantity or ISBN with a 400 page', async () => {
      const s = shopper(app)
      expect((await s.post('/cart/items', { isbn: SEED, quantity: '0' })).status).toBe(400)
      expect((await s.post('/cart/items', { isbn: SEED, quantity: 'lots' })).status).toBe(400)
      expect((await s.post('/cart/items', { isbn: '9788962633246', quantity: '1' })).status).toBe(400)
      expect((await s.post('/cart/items', { isbn: '9791100000000', quantity: '1' })).status).toBeGreaterThanOrEqual(400)
    })
  })
}

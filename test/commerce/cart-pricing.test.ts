import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseBookInput } from '../../src/catalog'
import { seedBook } from '../../src/demo'
import { testDialects } from '../dialects'
import { testApp, testStore, type TestStore } from '../helpers'
import { appRequester, shopper } from '../web/shopper'

const SEED = '9788962633245'
const CHEAP = '9791199999992'

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: the priced cart`, () => {
    let store: TestStore
    let app: ReturnType<typeof testApp>
    beforeAll(async () => {
      store = await testStore(dialect, { demoBooks: 3 })
      await store.catalog.saveBooks([parseBookInput({ ...seedBook, isbn13: CHEAP, title: '얇은 책', listPrice: 5_000, salePrice: 4_500, stock: 10 })])
      app = testApp(store)
    })
    afterAll(() => store?.cleanup())

    it('shows list price, discount and points per line, free shipping from 15,000 won and the total to pay', async () => {
      const s = shopper(appRequester(app))
      await s.post('/cart/items', { isbn: SEED, quantity: '2' })
      const cart = await store.commerce.cart(s.session())
      expect(cart.lines[0]!.price).toMatchObject({ listPrice: 24_000, unitPrice: 21_600, discount: 4_800, points: 2_160, lineTotal: 43_200 })
      expect(cart.totals).toEqual([expect.objectContaining({ currency: 'KRW', amount: 43_200, shippingFee: 0, amountToPay: 43_200, pointsEarned: 2_160, isVatExempt: true })])
      const page = await (await s.get('/cart')).text()
      expect(page).toMatch(/<td class="num">24,000원<\/td>\s*<td class="num">21,600원<\/td>/)
      expect(page).toMatch(/<td class="num">4,800원<\/td>\s*<td class="num">2,160원<\/td>\s*<td class="num">43,200원<\/td>/)
      expect(page).toMatch(/배송비<\/dt><dd class="num">무료/)
      expect(page).toContain('총 주문 금액: 43,200원')
    })

    it('charges 3,000 won shipping below 15,000 won, in English too', async () => {
      const s = shopper(appRequester(app))
      await s.post('/cart/items?lang=en', { isbn: CHEAP, quantity: '1' })
      const cart = await store.commerce.cart(s.session())
      expect(cart.totals[0]).toMatchObject({ amount: 4_500, shippingFee: 3_000, amountToPay: 7_500, pointsEarned: 225 })
      const page = await (await s.get('/cart?lang=en')).text()
      expect(page).toMatch(/Shipping<\/dt><dd class="num">₩3,000/)
      expect(page).toContain('Order total: ₩7,500')
    })

    it('sells a stored sale price below the law\'s floor at the list price, and says so', async () => {
      await store.catalog.saveBooks([parseBookInput({ ...seedBook, isbn13: CHEAP, title: '얇은 책', listPrice: 5_000, salePrice: 4_000, stock: 10 })])
      const s = shopper(appRequester(app))
      await s.post('/cart/items', { isbn: CHEAP, quantity: '1' })
      expect((await store.commerce.cart(s.session())).lines[0]).toMatchObject({ unitPrice: 5_000, lineTotal: 5_000 })
      expect(await (await s.get('/cart')).text()).toContain('도서정가제에 따라 정가로 판매합니다.')
    })
  })
}

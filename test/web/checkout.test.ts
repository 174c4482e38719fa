import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseBookInput, parseIsbn } from '../../src/catalog'
import { seedBook } from '../../src/demo'
import { testApp, testStore, type TestStore } from '../helpers'
import { testDialects } from '../dialects'
import { koreanAddress, keyOf } from './checkout-form'
import { appRequester, shopper as shopperOf } from './shopper'

const SEED = '9788962633245'
const ORDER_PATH = /^\/orders\/(\d{8}-\d{6})(\?lang=en)?$/


for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: checkout and the buyer's order`, () => {
    let store: TestStore
    let app: ReturnType<typeof testApp>
    beforeAll(async () => {
      store = await testStore(dialect, { demoBooks: 30 })
      await store.catalog.saveBooks([parseBookInput({ ...seedBook, stock: 50 })])
      app = testApp(store)
    })
    afterAll(() => store?.cleanup())
    const shopper = () => shopperOf(appRequester(app))

    it('shows the form with the books, 정가/할인/적립 per line, shipping, VAT exemption and the delivery estimate', async () => {
      const s = shopper()
      await s.post('/cart/items', { isbn: SEED, quantity: '1' })
      const res = await s.get('/checkout')
      expect(res.status).toBe(200)
      expect(res.headers.get('cache-control')).toBe('no-store')
      const page = await res.text()
      expect(page).toContain('<th scope="col" class="num">정가</th>')
      expect(page).toMatch(/<td class="num">24,000원<\/td><td class="num">21,600원<\/td><td class="num">1<\/td><td class="num">2,400원<\/td><td class="num">1,080원<\/td>/)
      expect(page).toMatch(/배송비<\/dt><dd class="num">무료/)
      expect(page).toContain('부가가치세 면세')
      expect(page).toMatch(/도착 예정/)
      expect(keyOf(page)).toMatch(/^[\w-]{24}$/)
    })

    it('names every wrong field in Korean and in English and keeps what was typed', async () => {
      const s = shopper()
      await s.post('/cart/items', { isbn: SEED, quantity: '1' })
      const key = keyOf(await (await s.get('/checkout')).text())
      const bad = { ...koreanAddress(key), buyerPhone: '02-123', postalCode: '1234', buyerEmail: 'reader-at-example', address: ' ' }
      const ko = await s.post('/checkout', bad)
      expect(ko.status).toBe(400)
      const page = await ko.text()
      expect(page).toContain('주문하는 분 휴대폰 번호를 010-1234-5678 형식의 휴대폰 번호로 입력해 주세요.')
      expect(page).toContain('우편번호는 숫자 다섯 자리입니다')
      expect(page).toContain('주문하는 분 이메일을 name@example.com 형식으로 입력해 주세요.')
      expect(page).toContain('도로명주소을(를) 입력해 주세요.')
      expect(page).toContain('value="1234"')
      expect(page).toContain('value="reader-at-example"')
      expect(page).toContain('value="김독자"')
      expect(page).toMatch(/id="postalCode"[^>]*aria-invalid="true"/)
      const en = await (await s.post('/checkout?lang=en', bad)).text()
      expect(en).toContain('Enter the buyer’s mobile number as a mobile number such as 010-1234-5678.')
      expect(en).toContain('The postal code is five digits')
      expect(await store.orders.ofCustomer('nobody')).toEqual([])
    })

    it('places one order from a form sent twice, with a readable number, deposit details and the receipt', async () => {
      const s = shopper()
      const before = (await store.catalog.getBook(parseIsbn(SEED))).stock
      await s.post('/cart/items', { isbn: SEED, quantity: '2' })
      const key = keyOf(await (await s.get('/checkout')).text())
      const [first, second] = [await s.post('/checkout', koreanAddress(key)), await s.post('/checkout', koreanAddress(key))]
      expect(first.status).toBe(303)
      expect(second.headers.get('location')).toBe(first.headers.get('location'))
      const number = ORDER_PATH.exec(first.headers.get('location')!)![1]!
      expect((await store.catalog.getBook(parseIsbn(SEED))).stock).toBe(before! - 2)
      const order = await store.orders.byNumber(number)
      expect(order).toMatchObject({ status: 'awaiting_payment', booksTotal: 43_200, shippingFee: 0, total: 43_200, paymentMethod: 'bank_transfer', buyer: { phone: '010-1234-5678' }, delivery: { postalCode: '06236', recipientPhone: '010-1234-5678' } })
      expect(order.lines).toEqual([expect.objectContaining({ isbn13: SEED, quantity: 2, listPrice: 24_000, unitPrice: 21_600, discount: 4_800, points: 2_160 })])
      expect(order.events).toEqual([expect.objectContaining({ from: null, to: 'awaiting_payment', actor: 'guest' })])
      const res = await s.get(`/orders/${number}`)
      expect(res.headers.get('cache-control')).toBe('no-store')
      const page = await res.text()
      expect(page).toContain('주문이 접수되었습니다')
      expect(page).toContain(`<strong>${number}</strong>`)
      expect(page).toContain('KB국민은행')
      expect(page).toContain('000000-00-000000')
      expect(page).toContain('<strong>43,200원</strong>')
      expect(page).toContain('부가가치세 면세')
      expect(page).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/)
      expect(await (await s.get('/cart')).text()).toContain('장바구니가 비어 있습니다.')
      // Nobody else reads it, not even with its number.
      expect((await shopper().get(`/orders/${number}`)).status).toBe(404)
    })

    it('lets a guest find the order by number and phone or email, and nothing else', async () => {
      const s = shopper()
      await s.post('/cart/items', { isbn: SEED, quantity: '1' })
      const key = keyOf(await (await s.get('/checkout')).text())
      const number = ORDER_PATH.exec((await s.post('/checkout', koreanAddress(key))).headers.get('location')!)![1]!
      const other = shopper()
      await other.get('/orders/lookup')
      const byPhone = await other.post('/orders/lookup', { number, contact: '010-1234-5678' })
      expect(byPhone.status).toBe(200)
      expect(await byPhone.text()).toContain(`<strong>${number}</strong>`)
      expect((await other.post('/orders/lookup', { number, contact: 'READER@example.kr' })).status).toBe(200)
      const wrong = await other.post('/orders/lookup?lang=en', { number, contact: '010-9999-9999' })
      expect(wrong.status).toBe(404)
      expect(await wrong.text()).toContain('No order matches that number')
    })

    it('cancels an unpaid order from its page: stock back on the shelf, the step recorded', async () => {
      const s = shopper()
      const before = (await store.catalog.getBook(parseIsbn(SEED))).stock
      await s.post('/cart/items', { isbn: SEED, quantity: '3' })
      const key = keyOf(await (await s.get('/checkout')).text())
      const number = ORDER_PATH.exec((await s.post('/checkout', koreanAddress(key))).headers.get('location')!)![1]!
      expect((await store.catalog.getBook(parseIsbn(SEED))).stock).toBe(before! - 3)
      await s.get(`/orders/${number}`)
      expect((await s.post(`/orders/${number}/cancel`, { reason: '다른 책으로 바꿉니다' })).status).toBe(303)
      expect((await store.catalog.getBook(parseIsbn(SEED))).stock).toBe(before)
      const order = await store.orders.byNumber(number)
      expect(order.status).toBe('cancelled')
      expect(order.events.at(-1)).toMatchObject({ from: 'awaiting_payment', to: 'cancelled', actor: 'guest', reason: '다른 책으로 바꿉니다' })
      // A second cancel is refused with a reason, and changes nothing.
      expect((await s.post(`/orders/${number}/cancel`, {})).status).toBe(400)
      expect((await store.catalog.getBook(parseIsbn(SEED))).stock).toBe(before)
    })

    it('refuses more copies than the stock holds, keeps the cart and says so', async () => {
      const s = shopper()
      await store.catalog.saveBooks([parseBookInput({ ...seedBook, stock: 1 })])
      await s.post('/cart/items', { isbn: SEED, quantity: '3' })
      const key = keyOf(await (await s.get('/checkout')).text())
      const res = await s.post('/checkout', koreanAddress(key))
      expect(res.status).toBe(400)
      expect(await res.text()).toContain('재고가 부족합니다')
      expect((await store.catalog.getBook(parseIsbn(SEED))).stock).toBe(1)
      expect(await (await s.get('/cart')).text()).toContain('value="3"')
      await store.catalog.saveBooks([parseBookInput({ ...seedBook, stock: 50 })])
    })
  })
}

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: a member's checkout`, () => {
    let store: TestStore
    let app: ReturnType<typeof testApp>
    beforeAll(async () => {
      store = await testStore(dialect, { demoBooks: 5 })
      await store.catalog.saveBooks([parseBookInput({ ...seedBook, stock: 50 })])
      app = testApp(store)
    })
    afterAll(() => store?.cleanup())

    const signedIn = async (email: string) => {
      const { customer } = await store.accounts.signUp({ email, name: '박회원', phone: '010-5555-6666', password: 'a quiet shelf of books', lang: 'ko' })
      const s = shopperOf(appRequester(app), { startAt: '/account/sign-in' })
      await s.get('/account/sign-in')
      expect((await s.post('/account/sign-in', { email, password: 'a quiet shelf of books' })).status).toBe(303)
      await s.get('/account')
      return { s, customer }
    }

    it('fills the form from the profile and the default address, keeps a new address, and spends points like money', async () => {
      const { s, customer } = await signedIn('member@example.kr')
      await store.accounts.addresses.add(customer.id, { recipientName: '박회원', recipientPhone: '010-5555-6666', postalCode: '04524', address: '서울특별시 중구 세종대로 110', addressDetail: '3층' })
      await s.post('/cart/items', { isbn: SEED, quantity: '1' })
      const page = await (await s.get('/checkout')).text()
      expect(page).toMatch(/id="buyerName"[^>]*value="박회원"/)
      expect(page).toMatch(/id="buyerPhone"[^>]*value="010-5555-6666"/)
      expect(page).toMatch(/id="postalCode"[^>]*value="04524"/)
      expect(page).toContain('쓸 수 있는 적립금: 0점')

      // A points balance, as a delivered order would leave it.
      await store.store.db.insertInto('point_account').values({ customer_id: customer.id, balance: 1_000 }).execute()
      const form = { ...koreanAddress(keyOf(await (await s.get('/checkout')).text())), pointsToSpend: '700', saveAddress: 'on' }
      const placed = await s.post('/checkout', form)
      expect(placed.status).toBe(303)
      const number = ORDER_PATH.exec(placed.headers.get('location')!)![1]!
      const order = await store.orders.byNumber(number)
      expect(order).toMatchObject({ customerId: customer.id, booksTotal: 21_600, pointsSpent: 700, total: 20_900, pointsEarned: 1_080 })
      expect((await store.orders.points(customer.id)).balance).toBe(300)
      expect((await store.accounts.addresses.list(customer.id)).map((a) => a.postalCode).sort()).toEqual(['04524', '06236'])
      expect(await (await s.get(`/orders/${number}`)).text()).toContain('−700원')

      // More points than the balance is refused, naming the balance, and nothing is taken.
      await s.post('/cart/items', { isbn: SEED, quantity: '1' })
      const over = await s.post('/checkout', { ...koreanAddress(keyOf(await (await s.get('/checkout')).text())), pointsToSpend: '5000' })
      expect(over.status).toBe(400)
      expect(await over.text()).toContain('쓸 수 있는 적립금은 300점입니다.')
      expect((await store.orders.points(customer.id)).balance).toBe(300)

      // Cancelling gives the points back.
      await store.orders.cancel(number, 'staff:test', 'test')
      expect((await store.orders.points(customer.id)).balance).toBe(1_000)
    })
  })
}

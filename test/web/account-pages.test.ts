import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_ADDRESSES, type Customer } from '../../src/accounts'
import { parseIsbn } from '../../src/catalog'
import { createApp } from '../../src/web/app'
import { testDialects } from '../dialects'
import { testServices, testStore, type TestStore } from '../helpers'
import { checkoutInput, SEED, stockSeed } from '../support/checkout'
import { appRequester, shopper as shopperOf } from './shopper'

const PASSWORD = 'rain on the bookshop roof'
const HOME = { recipientName: '김독자', recipientPhone: '01012345678', postalCode: '04524', address: '서울특별시 중구 세종대로 110', addressDetail: '3층' }

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: a customer's account pages`, () => {
    let store: TestStore
    let app: ReturnType<typeof createApp>
    beforeAll(async () => {
      store = await testStore(dialect, { demoBooks: 10 })
      await stockSeed(store, 100)
      app = createApp(testServices(store))
    })
    afterAll(() => store?.cleanup())

    let serial = 0
    /** A new customer, signed in through the sign-in form. */
    const signedIn = async () => {
      const { customer } = await store.accounts.signUp({ email: `reader${++serial}@example.kr`, name: `독자${serial}`, password: PASSWORD, lang: 'ko' })
      const s = shopperOf(appRequester(app), { startAt: '/account/sign-in' })
      await s.get('/account/sign-in')
      expect((await s.post('/account/sign-in', { email: customer.email, password: PASSWORD })).status).toBe(303)
      // Signing in starts a new session: the next form posts carry the token of a page read after it.
      await s.get('/account')
      return { s, customer }
    }
    const defaults = async (customer: Customer) => (await store.accounts.addresses.list(customer.id)).filter((a) => a.isDefault).map((a) => a.recipientName)
    const order = async (customer: Customer, isbns: string[]) => {
      const owner = `customer:${customer.id}`
      for (const isbn of isbns) await store.commerce.addItem(owner, parseIsbn(isbn), 1)
      return store.orders.place({ owner, customerId: customer.id, input: checkoutInput() })
    }

    it('sends a signed-out visitor to sign in from every personal page', async () => {
      const s = shopperOf(appRequester(app), { startAt: '/account/sign-in' })
      for (const path of ['/account', '/account/orders', '/account/points', '/account/addresses', '/account/addresses/new', `/account/addresses/${crypto.randomUUID()}/edit`]) {
        const res = await s.get(path)
        expect(res.status, path).toBe(303)
        expect(res.headers.get('location')).toBe('/account/sign-in')
        expect(res.headers.get('cache-control')).toBe('no-store')
      }
      await s.get('/account/sign-in')
      const post = await s.post('/account/addresses', HOME)
      expect(post.status).toBe(303)
      expect(post.headers.get('location')).toBe('/account/sign-in')
    })

    it('adds, edits, makes default and deletes addresses, keeping exactly one default', async () => {
      const { s, customer } = await signedIn()
      const empty = await s.get('/account/addresses')
      expect(empty.headers.get('cache-control')).toBe('no-store')
      expect(await empty.text()).toContain('저장한 배송지가 없습니다.')
      const form = await s.get('/account/addresses/new')
      expect(await form.text()).toMatch(/<label for="postalCode">우편번호<\/label>\s*<input id="postalCode" name="postalCode"/)
      for (const name of ['첫째', '둘째', '셋째']) expect((await s.post('/account/addresses', { ...HOME, recipientName: name })).headers.get('location')).toBe('/account/addresses')
      expect(await defaults(customer)).toEqual(['첫째'])
      const [first, third, second] = await store.accounts.addresses.list(customer.id)
      expect([first?.recipientName, third?.recipientName, second?.recipientName]).toEqual(['첫째', '셋째', '둘째'])
      expect(first?.recipientPhone).toBe('010-1234-5678')

      const edit = await s.get(`/account/addresses/${second!.id}/edit`)
      expect(await edit.text()).toContain('value="서울특별시 중구 세종대로 110"')
      expect((await s.post(`/account/addresses/${second!.id}`, { ...HOME, recipientName: '둘째', postalCode: '06236', address: '서울특별시 강남구 테헤란로 152' })).status).toBe(303)
      expect(await store.accounts.addresses.get(customer.id, second!.id)).toMatchObject({ postalCode: '06236', address: '서울특별시 강남구 테헤란로 152', isDefault: false })

      expect((await s.post(`/account/addresses/${third!.id}/default`)).status).toBe(303)
      expect(await defaults(customer)).toEqual(['셋째'])
      const page = await (await s.get('/account/addresses')).text()
      expect(page.indexOf('셋째')).toBeLessThan(page.indexOf('첫째'))
      expect(page.match(/기본 배송지<\/span>/g)).toHaveLength(1)

      // The default goes: the newest remaining address takes over.
      expect((await s.post(`/account/addresses/${third!.id}/delete`)).status).toBe(303)
      expect(await defaults(customer)).toEqual(['둘째'])
      expect((await s.post(`/account/addresses/${first!.id}/delete`)).status).toBe(303)
      expect((await s.post(`/account/addresses/${second!.id}/delete`)).status).toBe(303)
      expect(await store.accounts.addresses.list(customer.id)).toEqual([])
    })

    it('refuses a bad postal code, keeping what was typed and naming every wrong field in Korean and English', async () => {
      const { s, customer } = await signedIn()
      await s.get('/account/addresses/new')
      const bad = await s.post('/account/addresses', { ...HOME, recipientName: '', postalCode: '0452' })
      expect(bad.status).toBe(400)
      const page = await bad.text()
      expect(page).toContain('우편번호: 숫자 다섯 자리로 입력해 주세요(예: 06236).')
      expect(page).toContain('받는 분: 입력해 주세요.')
      expect(page).toContain('value="0452"')
      expect(page).toContain('value="서울특별시 중구 세종대로 110"')
      expect(page).toMatch(/id="postalCode"[^>]*aria-describedby="postalCode-error"[^>]*aria-invalid="true"/)
      await s.get('/account/addresses/new?lang=en')
      const en = await s.post('/account/addresses?lang=en', { ...HOME, postalCode: '4524', recipientPhone: '12345' })
      expect(en.status).toBe(400)
      const enPage = await en.text()
      expect(enPage).toContain('Postal code: Enter five digits (for example 06236).')
      expect(enPage).toContain('Recipient’s phone: Enter it like 010-1234-5678 or 02-123-4567.')
      expect(await store.accounts.addresses.list(customer.id)).toEqual([])
    })

    it('gives an address book filled by several requests at once exactly one default', async () => {
      const { customer } = await signedIn()
      await Promise.all(Array.from({ length: 6 }, (_, i) => store.accounts.addresses.add(customer.id, { ...HOME, recipientPhone: '010-1234-5678', recipientName: `동시 ${i}` })))
      const book = await store.accounts.addresses.list(customer.id)
      expect(book).toHaveLength(6)
      expect(book.filter((a) => a.isDefault)).toHaveLength(1)
      expect(new Set(book.map((a) => a.createdAt)).size).toBe(6)
    })

    it(`keeps at most ${MAX_ADDRESSES} addresses`, async () => {
      const { s, customer } = await signedIn()
      for (let i = 0; i < MAX_ADDRESSES; i++) await store.accounts.addresses.add(customer.id, { ...HOME, recipientPhone: '010-1234-5678', recipientName: `받는 분 ${i}` })
      const page = await (await s.get('/account/addresses')).text()
      expect(page).not.toContain('/account/addresses/new')
      const over = await s.post('/account/addresses', HOME)
      expect(over.status).toBe(400)
      expect(await over.text()).toContain(`배송지는 ${MAX_ADDRESSES}개까지 저장할 수 있습니다.`)
      expect(await store.accounts.addresses.list(customer.id)).toHaveLength(MAX_ADDRESSES)
      expect(await defaults(customer)).toEqual(['받는 분 0'])
    })

    it("does not show or change another customer's addresses: their ids are not found", async () => {
      const owner = await signedIn()
      await owner.s.post('/account/addresses', { ...HOME, recipientName: '주인' })
      const [mine] = await store.accounts.addresses.list(owner.customer.id)
      const { s: stranger } = await signedIn()
      const other = mine!.id
      expect((await stranger.get(`/account/addresses/${other}/edit`)).status).toBe(404)
      expect(await (await stranger.get('/account/addresses')).text()).not.toContain('주인')
      expect((await stranger.post(`/account/addresses/${other}`, { ...HOME, recipientName: '도둑' })).status).toBe(404)
      expect((await stranger.post(`/account/addresses/${other}/default`)).status).toBe(404)
      expect((await stranger.post(`/account/addresses/${other}/delete`)).status).toBe(404)
      expect(await store.accounts.addresses.list(owner.customer.id)).toMatchObject([{ id: other, recipientName: '주인', isDefault: true }])
    })

    it('lists orders newest first with their status in words, books in short, a link and a timeline', async () => {
      const { s, customer } = await signedIn()
      const books = (await store.catalog.newArrivals(10, '2100-01-01')).filter((b) => b.isbn13 !== SEED && b.stock! > 0 && (b.salePrice ?? b.listPrice) != null)
      const older = await order(customer, [SEED])
      const newer = await order(customer, [SEED, books[0]!.isbn13])
      await store.orders.markPaid(newer.number, 'bank')
      const res = await s.get('/account/orders')
      expect(res.headers.get('cache-control')).toBe('no-store')
      const page = await res.text()
      expect(page.indexOf(`href="/orders/${newer.number}"`)).toBeGreaterThan(0)
      expect(page.indexOf(`href="/orders/${newer.number}"`)).toBeLessThan(page.indexOf(`href="/orders/${older.number}"`))
      expect(page).toContain(`${newer.lines[0]!.title} 외 1권`)
      const [newerRow, olderRow] = page.split('<tr>').slice(2)
      expect(newerRow).toMatch(/<td>결제 완료<details><summary>진행 내역<\/summary><ol class="timeline"><li><time datetime="[^"]+">\d{4}-\d\d-\d\d \d\d:\d\d<\/time> 입금 대기<\/li><li><time datetime="[^"]+">[\d: -]+<\/time> 결제 완료<\/li><\/ol>/)
      expect(olderRow).toContain('<td>입금 대기<details>')
      const en = await (await s.get('/account/orders?lang=en')).text()
      expect(en).toContain('Awaiting payment')
      expect(en).toContain(`${newer.lines[0]!.title} and 1 more`)
      expect(en).toContain(`href="/orders/${newer.number}?lang=en"`)
    })

    it('shows the points credited on delivery on the points page and the profile', async () => {
      const { s, customer } = await signedIn()
      expect(await (await s.get('/account/points')).text()).toContain('적립금 내역이 없습니다.')
      const placed = await order(customer, [SEED])
      expect(placed.pointsEarned).toBeGreaterThan(0)
      await store.orders.markPaid(placed.number, 'bank')
      await store.orders.ship(placed.number, 'cj', '123456789012', 'staff:test')
      await store.orders.deliver(placed.number, 'staff:test')
      const credited = placed.pointsEarned.toLocaleString('en-US')
      const res = await s.get('/account/points')
      expect(res.headers.get('cache-control')).toBe('no-store')
      const page = await res.text()
      expect(page).toContain(`<dt>적립금 잔액</dt><dd>${credited}원</dd>`)
      expect(page).toMatch(new RegExp(`<td class="num">\\+${credited}원</td><td>적립</td>\\s*<td><a href="/orders/${placed.number}">`))
      const profile = await (await s.get('/account?lang=en')).text()
      expect(profile).toContain(`<dt>Points balance</dt><dd>₩${credited}</dd>`)
      for (const path of ['/account/orders', '/account/addresses', '/account/points']) expect(profile).toContain(`href="${path}?lang=en"`)
    })

    it('names every wrong sign-up field at once', async () => {
      const s = shopperOf(appRequester(app), { startAt: '/account/sign-up' })
      await s.get('/account/sign-up')
      const res = await s.post('/account/sign-up', { email: 'not an email', name: '', phone: '', password: 'short' })
      expect(res.status).toBe(400)
      const page = await res.text()
      expect(page).toContain('이메일: 이메일 주소가 올바르지 않습니다.')
      expect(page).toContain('이름: 이름을 입력해 주세요(100자 이내).')
      expect(page).toContain('비밀번호: 비밀번호는 10자 이상이어야 합니다.')
      expect(page).toContain('value="not an email"')
    })
  })
}

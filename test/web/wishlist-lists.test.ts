import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDialects } from '../dialects'
import { testApp, testStore, type TestStore } from '../helpers'
import { appRequester, shopper } from './shopper'

const PASSWORD = 'a long walk to the bookshop'

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: 찜 from a list`, { timeout: 60_000 }, () => {
    let store: TestStore
    let app: ReturnType<typeof testApp>
    beforeAll(async () => {
      store = await testStore(dialect, { demoBooks: 12 })
      app = testApp(store)
    })
    afterAll(() => store?.cleanup())

    it('puts a 찜 link on every card of a category and a search page, which stay shared pages; the link asks the reader and adds the book', async () => {
      const anonymous = shopper(appRequester(app))
      for (const path of ['/categories/history-world', '/search?q=%EB%9F%AC%EC%8B%9C%EC%95%84']) {
        const res = await anonymous.get(path)
        const page = await res.text()
        const cards = page.match(/<li class="card">/g)?.length ?? 0
        expect(cards, path).toBeGreaterThan(0)
        expect(page.match(/<a class="wish-card" href="\/account\/wishlist\/add\?isbn=\d{13}"/g)).toHaveLength(cards)
        // No form, no token: the list is the same for everyone, and cached and compressed as such.
        expect(page).not.toContain('name="_csrf"')
        expect(res.headers.get('cache-control') ?? '').not.toContain('private')
      }
      // Signed out, the link leads to signing in.
      expect((await anonymous.get(`/account/wishlist/add?isbn=9788962633245`)).headers.get('location')).toBe('/account/sign-in')

      const { customer } = await store.accounts.signUp({ email: `list-${dialect.name}@example.kr`, name: '목록독자', password: PASSWORD, lang: 'ko' })
      const reader = shopper(appRequester(app), { startAt: '/account/sign-in' })
      await reader.get('/account/sign-in')
      expect((await reader.post('/account/sign-in', { email: customer.email, password: PASSWORD })).status).toBe(303)
      const page = await (await reader.get('/categories/history-world')).text()
      const isbn = /href="\/account\/wishlist\/add\?isbn=(\d{13})"/.exec(page)![1]!
      const ask = await reader.get(`/account/wishlist/add?isbn=${isbn}`)
      expect(ask.headers.get('cache-control')).toBe('no-store')
      expect(await ask.text()).toContain(`<input type="hidden" name="isbn" value="${isbn}">`)
      expect((await reader.post('/account/wishlist', { isbn })).headers.get('location')).toBe('/account/wishlist')
      expect(await (await reader.get('/account/wishlist')).text()).toContain(`href="/books/${isbn}"`)
      expect((await reader.get('/account/wishlist/add?isbn=9791159310003')).status).toBe(404)
    })
  })
}

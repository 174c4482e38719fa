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

    it("puts a 찜 button on every card of a category and a search page, posting the list's one form with the visitor's token", async () => {
      const anonymous = shopper(appRequester(app))
      for (const path of ['/categories/history-world', '/search?q=%EB%9F%AC%EC%8B%9C%EC%95%84']) {
        const page = await (await anonymous.get(path)).text()
        const cards = page.match(/<li class="card">/g)?.length ?? 0
        expect(cards, path).toBeGreaterThan(0)
        expect(page.match(/<button class="wish-card" type="submit" form="wish" name="isbn" value="\d{13}"/g)).toHaveLength(cards)
        expect(page).toContain('<form id="wish" action="/account/wishlist" method="post" hidden></form>')
        expect(page).toMatch(/<input type="hidden" name="_csrf" value="[\w-]+" form="wish">/)
      }

      const { customer } = await store.accounts.signUp({ email: `list-${dialect.name}@example.kr`, name: '목록독자', password: PASSWORD, lang: 'ko' })
      const reader = shopper(appRequester(app), { startAt: '/account/sign-in' })
      await reader.get('/account/sign-in')
      expect((await reader.post('/account/sign-in', { email: customer.email, password: PASSWORD })).status).toBe(303)
      const page = await (await reader.get('/categories/history-world')).text()
      const isbn = /form="wish" name="isbn" value="(\d{13})"/.exec(page)![1]!
      // What the browser posts for that button: the list form's token and the button's name and value.
      expect((await reader.post('/account/wishlist', { isbn })).headers.get('location')).toBe('/account/wishlist')
      expect(await (await reader.get('/account/wishlist')).text()).toContain(`href="/books/${isbn}"`)
    })
  })
}

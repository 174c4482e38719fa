/// <reference lib="dom" />
import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Customer } from '../../src/accounts'
import { parseBookInput, parseIsbn } from '../../src/catalog'
import { generatedBook, seedBook } from '../../src/demo'
import { startServer, type RunningServer } from '../../src/web/server'
import { testDialects } from '../dialects'
import { testServices, testStore, type TestStore } from '../helpers'
import { checkoutInput } from '../support/checkout'
import { browserCookies, staffShopper } from '../support/staff'
import { serverRequester } from '../web/shopper'
import { axeViolations, browserAvailable, launchChromium } from './browser'

const OUT = join(import.meta.dirname, '..', '..', 'test-output')
const SEED = '9788962633245'
const OTHER = generatedBook(2).isbn13
const PASSWORD = 'a long walk to the bookshop'

async function accessible(page: Page, name: string) {
  expect(await axeViolations(page), `axe on ${name}`).toEqual([])
  await page.screenshot({ path: join(OUT, `reviews-${name}.png`), fullPage: true })
}

for (const dialect of testDialects()) {
  describe.runIf(browserAvailable() && !dialect.skip)(`browser, ${dialect.name}: reviews and the wishlist`, { timeout: 120_000 }, () => {
    let store: TestStore
    let server: RunningServer
    let browser: Browser
    let base: string
    beforeAll(async () => {
      mkdirSync(OUT, { recursive: true })
      store = await testStore(dialect, { demoBooks: 5 })
      await store.catalog.saveBooks([parseBookInput({ ...seedBook, stock: 20, onSale: true })])
      server = await startServer(testServices(store), { port: 0, host: '127.0.0.1' })
      base = `http://127.0.0.1:${server.port}`
      browser = await launchChromium()
    })
    afterAll(async () => {
      await browser?.close()
      await server?.close()
      await store?.cleanup()
    })

    let serial = 0
    /** A reader with an account, and a browser signed in as them. */
    async function readerBrowser(name: string): Promise<{ customer: Customer; context: BrowserContext; page: Page }> {
      const email = `reader${++serial}-${dialect.name}@example.kr`
      const { customer } = await store.accounts.signUp({ email, name, password: PASSWORD, lang: 'ko' })
      const { token } = await store.accounts.signIn(email, PASSWORD)
      const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } })
      await context.addCookies([{ name: 'account', value: token, domain: '127.0.0.1', path: '/' }])
      return { customer, context, page: await context.newPage() }
    }

    it('a buyer reviews the seed book with the badge, another marks it helpful, staff hide a third, and a wished book back in stock is mailed', async () => {
      // The first reader bought the seed book, and it was delivered.
      const buyer = await readerBrowser('김구매')
      const owner = `customer:${buyer.customer.id}`
      await store.commerce.addItem(owner, parseIsbn(SEED), 1)
      const order = await store.orders.place({ owner, customerId: buyer.customer.id, input: checkoutInput() })
      await store.orders.markPaid(order.number, 'bank')
      await store.orders.ship(order.number, 'cj', '123456789012', 'staff:test')
      await store.orders.deliver(order.number, 'staff:test')

      await buyer.page.goto(`${base}/books/${SEED}`)
      await buyer.page.click('#reviews a[href^="/account/reviews/"]')
      await buyer.page.waitForURL(/\/account\/reviews\//)
      await buyer.page.check('#rating-5')
      await buyer.page.fill('#body', '베이징에서 키이우까지, 국경의 도시마다 한 장씩 읽는 즐거움이 있습니다.')
      await accessible(buyer.page, 'form')
      await buyer.page.click('form[action^="/account/reviews/"] button[type=submit]')
      await buyer.page.waitForURL(/\/books\/\d+\/reviews/)
      const badge = buyer.page.locator('.review .badge.verified')
      await expect.poll(() => badge.count()).toBe(1)
      expect(await badge.textContent()).toBe('구매 인증')
      await accessible(buyer.page, 'own-page')
      const first = (await store.reviews.own(buyer.customer.id, SEED))!

      // A third reader's review, which staff will hide.
      const { customer: spammer } = await store.accounts.signUp({ email: `spam-${dialect.name}@example.kr`, name: '광고', password: PASSWORD, lang: 'ko' })
      const spam = await store.reviews.write(spammer.id, parseIsbn(SEED), { rating: 1, body: '최저가 광고 링크를 보러 오세요 여기 여기' })

      // Another reader finds the first review helpful.
      const other = await readerBrowser('이독자')
      await other.page.goto(`${base}/books/${SEED}/reviews`)
      await accessible(other.page, 'reviews-signed-in')
      await other.page.click(`form[action^="/reviews/${first.id}/helpful"] button`)
      await other.page.waitForURL(/\/reviews/)
      await expect.poll(async () => (await store.reviews.own(buyer.customer.id, SEED))!.helpfulCount).toBe(1)
      await expect.poll(() => other.page.textContent(`#review-${first.id}`)).toContain('1명에게 도움이 됨')

      // Staff hide the third review from the queue.
      const staff = await staffShopper(serverRequester(base), store, 'catalog')
      const office = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } })
      await office.addCookies(browserCookies(staff))
      const desk = await office.newPage()
      await desk.goto(`${base}/admin/reviews`)
      await accessible(desk, 'queue')
      await desk.fill(`#reason-${spam.id}`, '광고성 리뷰')
      await desk.click(`form[action^="/admin/reviews/${spam.id}/hide"] button`)
      await expect.poll(() => desk.textContent('main')).toContain('리뷰를 숨겼습니다.')
      await accessible(desk, 'queue-after-hide')

      // Anyone's product page: the two reviews left, the average of them, no controls.
      const visitor = await (await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } })).newPage()
      await visitor.goto(`${base}/books/${SEED}`)
      const section = (await visitor.textContent('#reviews'))!
      expect(section).toContain('베이징에서 키이우까지')
      expect(section).not.toContain('최저가 광고')
      expect(section).toContain('5.0')
      expect(await visitor.locator('#reviews form').count()).toBe(0)
      await accessible(visitor, 'product')
      await visitor.goto(`${base}/books/${SEED}?lang=en`)
      await accessible(visitor, 'product-en')

      // The second reader wishes for a book that is out of stock; it comes back, and a mail is written.
      await store.catalog.saveBooks([parseBookInput({ ...generatedBook(2), stock: 0, onSale: true })])
      await other.page.goto(`${base}/books/${OTHER}`)
      await other.page.click('#wish button')
      await other.page.waitForURL(/\/account\/wishlist/)
      expect(await other.page.textContent('.wishlist')).toContain(generatedBook(2).title)
      await accessible(other.page, 'wishlist')
      const outbox = store.shop.mail.outboxDir
      const before = new Set(readdirSync(outbox))
      await store.catalog.editBooks([{ isbn13: parseIsbn(OTHER), fields: { stock: 4 } } as never], { actor: 'cli', actorName: 'cli', via: 'cli' })
      await store.mail.deliverDue()
      const written = readdirSync(outbox).filter((f) => !before.has(f)).map((f) => readFileSync(join(outbox, f), 'utf8'))
      expect(written.filter((m) => m.includes(other.customer.email))).toHaveLength(1)
      await buyer.context.close()
      await other.context.close()
      await office.close()
    })
  })
}

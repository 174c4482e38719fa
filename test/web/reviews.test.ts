import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Customer } from '../../src/accounts'
import { parseBookInput, parseIsbn } from '../../src/catalog'
import { seedBook } from '../../src/demo'
import { PageCache } from '../../src/web/page-cache'
import { testDialects } from '../dialects'
import { testStore, type TestStore } from '../helpers'
import { checkoutInput, SEED } from '../support/checkout'
import { staffApp, staffShopper } from '../support/staff'
import { appRequester, shopper as shopperOf } from './shopper'

const PASSWORD = 'rain on the bookshop roof'
const REVIEW = '국경의 도시들을 따라가며 두 제국의 역사를 읽는 책입니다. 강력히 추천합니다.'
const jsonLdOf = (page: string) => JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)![1]!) as Record<string, unknown>

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: reviews and the wishlist`, { timeout: 120_000 }, () => {
    let store: TestStore
    let app: ReturnType<typeof staffApp>
    beforeAll(async () => {
      store = await testStore(dialect, { demoBooks: 3 })
      await store.catalog.saveBooks([parseBookInput({ ...seedBook, stock: 100, onSale: true })])
      const cache = new PageCache(store.catalog, store.store.foreignCommits)
      await cache.start()
      app = staffApp(store, { pageCache: cache })
    })
    afterAll(() => store?.cleanup())

    let serial = 0
    /** A new reader, signed in through the form. */
    const reader = async () => {
      const { customer } = await store.accounts.signUp({ email: `r${++serial}-${dialect.name}@example.kr`, name: `독자${serial}`, password: PASSWORD, lang: 'ko' })
      const s = shopperOf(appRequester(app), { startAt: '/account/sign-in' })
      await s.get('/account/sign-in')
      expect((await s.post('/account/sign-in', { email: customer.email, password: PASSWORD })).status).toBe(303)
      await s.get('/account')
      return { s, customer }
    }
    const buy = async (customer: Customer, isbn: string) => {
      const owner = `customer:${customer.id}`
      await store.commerce.addItem(owner, parseIsbn(isbn), 1)
      const order = await store.orders.place({ owner, customerId: customer.id, input: checkoutInput() })
      await store.orders.markPaid(order.number, 'bank')
      await store.orders.ship(order.number, 'cj', '123456789012', 'staff:test')
      await store.orders.deliver(order.number, 'staff:test')
    }
    const anonymousPage = async (path: string) => (await shopperOf(appRequester(app)).get(path)).text()
    const reviewFormOf = async (s: ReturnType<typeof shopperOf>, isbn: string) => s.get(`/account/reviews/${isbn}`)

    it('shows no ratings and no aggregateRating in JSON-LD while a book has no reviews', async () => {
      const page = await anonymousPage(`/books/${SEED}`)
      expect(page).toContain('아직 리뷰가 없습니다')
      const ld = jsonLdOf(page)
      expect(ld).not.toHaveProperty('aggregateRating')
      expect(ld).not.toHaveProperty('review')
    })

    it('sends a signed-out visitor to sign in before writing, voting or wishing', async () => {
      const s = shopperOf(appRequester(app))
      await s.get(`/books/${SEED}`)
      expect((await s.get(`/account/reviews/${SEED}`)).headers.get('location')).toBe('/account/sign-in')
      expect((await s.post(`/account/wishlist`, { isbn: SEED })).headers.get('location')).toBe('/account/sign-in')
      expect((await s.post(`/reviews/${crypto.randomUUID()}/helpful`)).headers.get('location')).toBe('/account/sign-in')
    })

    it('takes one review per reader, refuses bad ones naming the field, and badges a buyer only after buying', async () => {
      const { s, customer } = await reader()
      await reviewFormOf(s, SEED)
      const short = await s.post(`/account/reviews/${SEED}`, { rating: '5', body: '짧음' })
      expect(short.status).toBe(400)
      expect(await short.text()).toContain('리뷰를 10자 이상 써 주세요.')
      const noStars = await s.post(`/account/reviews/${SEED}`, { rating: '9', body: REVIEW })
      expect(noStars.status).toBe(400)
      expect(await noStars.text()).toContain('별점을 1점에서 5점 사이로 골라 주세요.')
      const tooLong = await s.post(`/account/reviews/${SEED}`, { rating: '4', body: 'x'.repeat(5001) })
      expect(await tooLong.text()).toContain('5000자까지')

      expect((await s.post(`/account/reviews/${SEED}`, { rating: '4', body: `${REVIEW} <script>alert(1)</script>` })).status).toBe(303)
      let mine = await store.reviews.own(customer.id, SEED)
      expect(mine).toMatchObject({ rating: 4, isVerified: false })
      // A second post edits the same review: one per reader.
      await reviewFormOf(s, SEED)
      expect((await s.post(`/account/reviews/${SEED}`, { rating: '5', body: REVIEW })).status).toBe(303)
      expect((await store.reviews.page(SEED, 'newest', 1)).summary).toMatchObject({ count: 1, average: 5 })

      let page = await anonymousPage(`/books/${SEED}/reviews`)
      expect(page).toContain(REVIEW)
      expect(page).not.toContain('구매 인증</span>')
      await buy(customer, SEED)
      mine = await store.reviews.own(customer.id, SEED)
      expect(mine?.isVerified).toBe(true)
      await reviewFormOf(s, SEED)
      await s.post(`/account/reviews/${SEED}`, { rating: '5', body: `${REVIEW} 다시 읽어도 좋습니다.` })
      page = await anonymousPage(`/books/${SEED}/reviews`)
      expect(page).toContain('구매 인증</span>')
      expect(page).not.toContain('<script>alert(1)')
    })

    it('counts a helpful vote once per reader and never one for one\'s own review; takes reports', async () => {
      const { s: writer, customer } = await reader()
      await reviewFormOf(writer, SEED)
      await writer.post(`/account/reviews/${SEED}`, { rating: '3', body: '보통이었습니다. 지도는 좋았어요.' })
      const review = (await store.reviews.own(customer.id, SEED))!
      const own = await writer.post(`/reviews/${review.id}/helpful`)
      expect(own.status).toBe(400)
      expect(await own.text()).toContain('내가 쓴 리뷰에는 투표하거나 신고할 수 없습니다.')

      const { s: other } = await reader()
      await other.get(`/books/${SEED}/reviews`)
      expect((await other.post(`/reviews/${review.id}/helpful`)).status).toBe(303)
      expect((await other.post(`/reviews/${review.id}/helpful`)).status).toBe(400)
      expect((await store.reviews.own(customer.id, SEED))!.helpfulCount).toBe(1)
      expect((await other.post(`/reviews/${review.id}/report`, { reason: '스포일러' })).status).toBe(200)
      const queue = await store.reviews.queue(1)
      expect(queue.reviews[0]).toMatchObject({ id: review.id, reportCount: 1, reportReasons: ['스포일러'] })
      expect((await other.post(`/reviews/${crypto.randomUUID()}/helpful`)).status).toBe(404)
    })

    it('puts the forms only on a signed-in reader\'s own (uncached) page: the shared product page has no controls for anyone', async () => {
      const { s: author, customer } = await reader()
      await reviewFormOf(author, SEED)
      await author.post(`/account/reviews/${SEED}`, { rating: '5', body: '작가의 시선이 좋습니다. 추천합니다.' })
      const id = (await store.reviews.own(customer.id, SEED))!.id
      for (const lang of ['', '?lang=en']) {
        // Read twice anonymously: the second answer comes from the cache.
        await anonymousPage(`/books/${SEED}${lang}`)
        const shared = await anonymousPage(`/books/${SEED}${lang}`)
        expect(shared).toContain(id)
        for (const control of ['/helpful', '/report', '/account/reviews/' + SEED + '/delete', 'name="rating"']) expect(shared).not.toContain(control)
        const authorRes = await author.get(`/books/${SEED}${lang}`)
        expect(authorRes.headers.get('cache-control')).toMatch(/private/)
        const authorPage = await authorRes.text()
        expect(authorPage).not.toContain(`/reviews/${id}/helpful`)
        expect(authorPage).not.toContain('/delete')
      }
      // The reviews page: anonymous visitors share one without forms; the author's has the edit link, not a vote on their own.
      const anonymous = await anonymousPage(`/books/${SEED}/reviews?sort=newest`)
      expect(anonymous).not.toContain('name="_csrf"')
      expect(anonymous).not.toContain('내 리뷰 고치기')
      const mine = await author.get(`/books/${SEED}/reviews?sort=newest`)
      expect(mine.headers.get('cache-control')).toMatch(/private/)
      const minePage = await mine.text()
      expect(minePage).toContain('내 리뷰 고치기')
      expect(minePage).not.toContain(`/reviews/${id}/helpful`)
      expect(minePage).toContain('/helpful')
      const again = await anonymousPage(`/books/${SEED}/reviews?sort=newest`)
      expect(again).not.toContain('내 리뷰 고치기')
      expect(again).not.toContain('name="_csrf"')
    })

    it('carries aggregateRating and review in JSON-LD once there are reviews; staff hiding one takes it out of the page and the average, audited', async () => {
      const { s, customer } = await reader()
      await reviewFormOf(s, SEED)
      await s.post(`/account/reviews/${SEED}`, { rating: '1', body: '광고 문구만 가득한 리뷰입니다. 사지 마세요!!!' })
      const bad = (await store.reviews.own(customer.id, SEED))!
      const before = (await store.reviews.page(SEED, 'helpful', 1)).summary
      let page = await anonymousPage(`/books/${SEED}`)
      const ld = jsonLdOf(page) as { aggregateRating: { ratingValue: number; reviewCount: number }; review: unknown[] }
      expect(ld.aggregateRating).toMatchObject({ ratingValue: before.average, reviewCount: before.count })
      expect(ld.review.length).toBeGreaterThan(0)
      expect(page).toContain(bad.id)

      const staff = await staffShopper(app, store, 'catalog')
      const queue = await staff.get('/admin/reviews')
      expect(await queue.text()).toContain(bad.id)
      const noReason = await staff.post(`/admin/reviews/${bad.id}/hide`, { reason: ' ' })
      expect(noReason.status).toBe(400)
      expect(await noReason.text()).toContain('숨기는 까닭을 적어 주세요.')
      expect((await staff.post(`/admin/reviews/${bad.id}/hide`, { reason: '광고' })).status).toBe(200)
      const after = (await store.reviews.page(SEED, 'helpful', 1)).summary
      expect(after.count).toBe(before.count - 1)
      expect(after.distribution[0]).toBe(before.distribution[0] - 1)
      page = await anonymousPage(`/books/${SEED}`)
      expect(page).not.toContain(bad.id)
      expect((jsonLdOf(page) as { aggregateRating: { reviewCount: number } }).aggregateRating.reviewCount).toBe(after.count)
      expect((await store.audit.history('review', bad.id))[0]).toMatchObject({ action: 'hide', actor: `staff:${staff.member.id}`, changes: [{ field: 'hidden', before: false, after: true }, { field: 'hiddenReason', after: '광고' }] })
      const viewer = await staffShopper(app, store, 'viewer')
      expect((await viewer.post(`/admin/reviews/${bad.id}/restore`)).status).toBe(403)
      expect((await staff.post(`/admin/reviews/${crypto.randomUUID()}/hide`, { reason: 'x' })).status).toBe(404)
    })

    it('lets the author delete their review', async () => {
      const { s, customer } = await reader()
      await reviewFormOf(s, SEED)
      await s.post(`/account/reviews/${SEED}`, { rating: '2', body: '생각보다 어려웠습니다. 그래도 지도는 훌륭합니다.' })
      await reviewFormOf(s, SEED)
      expect((await s.post(`/account/reviews/${SEED}/delete`)).status).toBe(303)
      expect(await store.reviews.own(customer.id, SEED)).toBeUndefined()
    })

    it('adds and removes a wished book with plain forms, the product page carrying the 찜 button with the visitor\'s token', async () => {
      const { s } = await reader()
      const product = await (await shopperOf(appRequester(app)).get(`/books/${SEED}`)).text()
      expect(product).toMatch(/<form class="wish" id="wish" action="\/account\/wishlist" method="post">/)
      expect(product).toMatch(/<input type="hidden" name="_csrf" value="[\w-]+" form="wish">/)
      await s.get(`/books/${SEED}`)
      expect((await s.post('/account/wishlist', { isbn: SEED })).headers.get('location')).toBe('/account/wishlist')
      expect((await s.post('/account/wishlist', { isbn: SEED })).status).toBe(303)
      const list = await s.get('/account/wishlist')
      expect(list.headers.get('cache-control')).toBe('no-store')
      const text = await list.text()
      expect(text.match(/class="wished"/g)).toHaveLength(1)
      expect(text).toContain(`href="/books/${SEED}"`)
      expect((await s.post('/account/wishlist/remove', { isbn: SEED })).status).toBe(303)
      expect(await (await s.get('/account/wishlist')).text()).toContain('찜한 책이 없습니다')
      expect((await s.post('/account/wishlist', { isbn: '9780000000002' })).status).toBe(404)
    })

    it('queues a mail to each reader wishing for a book when it comes back in stock or its price drops, and not otherwise', async () => {
      const [book] = (await store.catalog.summaries([...(await store.catalog.newArrivals(10))].map((b) => b.isbn13))).filter((b) => b.isbn13 !== SEED)
      const isbn = parseIsbn(book!.isbn13)
      const { customer } = await reader()
      await store.wishlist.add(customer.id, isbn)
      const mails = async () => (await store.store.db.selectFrom('mail_outbox').select(['template', 'subject', 'text_body']).where('recipient', '=', customer.email).execute())
      const edit = (fields: Record<string, unknown>) => store.catalog.editBooks([{ isbn13: isbn, fields } as never], { actor: 'cli', actorName: 'cli', via: 'cli' })
      await edit({ stock: 0, onSale: true, listPrice: 20000, salePrice: 18000, currency: 'KRW' })
      const start = (await mails()).length
      await edit({ stock: 0, descriptionHeadline: '새 소개' })
      expect(await mails()).toHaveLength(start)
      await edit({ stock: 3 })
      let got = await mails()
      expect(got.map((m) => m.template).slice(start)).toEqual(['wish-back-in-stock'])
      expect(got.at(-1)!.subject).toContain(book!.title)
      await edit({ stock: 5 })
      await edit({ salePrice: 19000 })
      expect(await mails()).toHaveLength(start + 1)
      await edit({ salePrice: 18000 })
      got = await mails()
      expect(got.map((m) => m.template).slice(start)).toEqual(['wish-back-in-stock', 'wish-price-drop'])
      expect(got.at(-1)!.text_body).toContain('19,000원 → 18,000원')
      const delivered = await store.mail.deliverDue()
      expect(delivered.sent).toBeGreaterThanOrEqual(2)
    })
  })
}

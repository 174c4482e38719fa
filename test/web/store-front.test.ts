import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isbn13FromPrefix, parseBookInput, parseIsbn } from '../../src/catalog'
import { generatedBook } from '../../src/demo'
import { PageCache } from '../../src/web/page-cache'
import { testDialects } from '../dialects'
import { testStore, type TestStore } from '../helpers'
import { checkoutInput } from '../support/checkout'
import { bytesOf } from '../support/ingest'
import { staffApp, staffShopper } from '../support/staff'

const DAY = 86_400_000
/** Books of our own, in stock, each under one category of the demo tree. */
const books = [301, 302, 303, 304].map((n) => parseBookInput({ ...generatedBook(n), stock: 50, onSale: true, salePrice: null, listPrice: 15000 }))
const [A, B, C, D] = books.map((b) => b.isbn13)

const onixWithExcerpt = (isbn: string) => `<?xml version="1.0"?>
<ONIXMessage release="3.0" xmlns="http://ns.editeur.org/onix/3.0/reference"><Header><Sender><SenderName>Test</SenderName></Sender><SentDateTime>20261203</SentDateTime></Header>
<Product><RecordReference>x1</RecordReference><NotificationType>03</NotificationType><ProductIdentifier><ProductIDType>15</ProductIDType><IDValue>${isbn}</IDValue></ProductIdentifier>
<DescriptiveDetail><ProductComposition>00</ProductComposition><ProductForm>BC</ProductForm><TitleDetail><TitleType>01</TitleType><TitleElement><TitleElementLevel>01</TitleElementLevel><TitleText>Passages</TitleText></TitleElement></TitleDetail></DescriptiveDetail>
<CollateralDetail><TextContent><TextType>14</TextType><ContentAudience>00</ContentAudience><Text textformat="05"><p>그날 밤 <em>네르친스크</em>의 강은 얼어 있었다.</p><script>alert(1)</script></Text></TextContent></CollateralDetail></Product></ONIXMessage>`

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: bestsellers, the home page's front, staff picks and excerpts`, { timeout: 180_000 }, () => {
    let store: TestStore
    let app: ReturnType<typeof staffApp>
    let now: number
    const page = async (path: string) => {
      const res = await app.request(path)
      return { status: res.status, text: await res.text() }
    }
    /** An order of `copies` of a book, placed by a guest; paid unless told otherwise. */
    const buy = async (isbn: string, copies: number, paid = true) => {
      const owner = `buyer-${Math.random().toString(36).slice(2)}`
      await store.commerce.addItem(owner, parseIsbn(isbn), copies)
      const order = await store.orders.place({ owner, customerId: null, input: checkoutInput() })
      if (paid) await store.orders.markPaid(order.number, 'bank')
      return order
    }

    beforeAll(async () => {
      store = await testStore(dialect, { demoBooks: 10 })
      await store.catalog.saveBooks(books)
      const cache = new PageCache(store.catalog, store.store.foreignCommits)
      await cache.start()
      app = staffApp(store, { pageCache: cache })
      // A: 3 copies; B: 1; C: 5 never paid; D: 4 paid, then cancelled. Only paid orders not cancelled count.
      await buy(A!, 2)
      await buy(A!, 1)
      await buy(B!, 1)
      await buy(C!, 5, false)
      const cancelled = await buy(D!, 4)
      await store.orders.cancel(cancelled.number, 'staff:test', 'customer asked')
      expect((await page('/')).text).not.toContain('id="best-h"')
      now = Date.now()
      expect(await store.commerce.bestsellers.rebuild(now)).toMatchObject({ changed: 2 })
    })
    afterAll(() => store?.cleanup())

    const cards = (html: string) => [...html.matchAll(/<li class="card"><a href="\/books\/(\d{13})/g)].map((m) => m[1])

    it('ranks the books of paid orders by copies; unpaid and cancelled orders do not count; the cached home page shows them', async () => {
      expect((await store.commerce.bestsellers.list('weekly')).map((p) => [p.isbn13, p.rank, p.copies, p.previousRank])).toEqual([
        [A, 1, 3, null],
        [B, 2, 1, null],
      ])
      const home = (await page('/')).text
      const best = home.slice(home.indexOf('id="best-h"'), home.indexOf('id="new-h"'))
      expect(cards(best)).toEqual([A, B])
      expect(best).toContain('1위 NEW')
      // A rebuild that finds nothing new writes nothing and drops no page.
      expect(await store.commerce.bestsellers.rebuild(now)).toMatchObject({ changed: 0 })
    })

    it("shows a book's ranks and sales index on its page, linked to the lists", async () => {
      const { text } = await page(`/books/${A}`)
      expect(text).toContain('<p class="standing">')
      expect(text).toContain('종합 1위</a>')
      expect(text).toContain('판매지수 300')
      expect((await page(`/books/${A}?lang=en`)).text).toContain('#1 overall</a>')
      expect((await page(`/books/${C}`)).text).not.toContain('class="standing"')
    })

    it('lists daily, weekly and monthly bestsellers store-wide and per category with its subcategories rolled up', async () => {
      const tree = await store.catalog.categories()
      const leaf = books[0]!.categoryIds[0]!
      const top = tree.pathTo(leaf)[1] ?? tree.pathTo(leaf)[0]!
      const weekly = await page(`/bestsellers?period=weekly&category=${top.id}`)
      expect(weekly.status).toBe(200)
      expect(cards(weekly.text)[0]).toBe(A)
      expect(weekly.text).toContain(`주간 베스트셀러: ${top.name.ko}`)
      expect((await store.commerce.bestsellers.list('daily', leaf)).map((p) => p.isbn13)).toContain(A)
      expect(cards((await page('/bestsellers?period=monthly')).text)).toEqual([A, B])
      expect((await page('/bestsellers?period=daily&lang=en')).text).toContain('Daily bestsellers')
      expect((await page('/bestsellers?category=no-such-shelf')).status).toBe(404)
    })

    it('moves places against the period before, and lets the sales index decay with a half-life of 30 days', async () => {
      // Eight days on, this week's sales are last week's; thirty days on, a copy's points have halved.
      await store.commerce.bestsellers.rebuild(now + 8 * DAY)
      expect(await store.commerce.bestsellers.list('weekly')).toEqual([])
      expect((await store.commerce.bestsellers.list('monthly')).map((p) => p.isbn13)).toEqual([A, B])
      await store.commerce.bestsellers.rebuild(now + 30 * DAY)
      expect((await store.commerce.bestsellers.ranksOf(A!)).salesIndex).toBe(150)
      // The week before this one: B sold 5 and A 1, so B led and A came second.
      const paidBefore = new Date(now - 8 * DAY).toISOString()
      for (const order of [await buy(B!, 5), await buy(A!, 1)]) await store.store.db.updateTable('orders').set({ paid_at: paidBefore }).where('number', '=', order.number).execute()
      await store.commerce.bestsellers.rebuild(now)
      expect((await store.commerce.bestsellers.list('weekly')).map((p) => [p.isbn13, p.rank, p.previousRank])).toEqual([
        [A, 1, 2],
        [B, 2, 1],
      ])
      const list = (await page('/bestsellers')).text
      expect(list).toContain('1위 ▲1')
      expect(list).toContain('2위 ▼1')
    })

    it('lets staff make, change and delete a collection for the home page, audited; bad ISBNs are refused by name', async () => {
      const member = await staffShopper(app, store, 'catalog')
      const made = await member.post('/admin/picks', { title_ko: '겨울에 읽을 역사', title_en: 'History for winter', blurb_ko: '추운 밤의 책', blurb_en: 'Books for cold nights', isbns: `${C}\n${B}` })
      expect(made.status).toBe(303)
      const id = /\/admin\/picks\/([0-9a-f]+)/.exec(made.headers.get('location') ?? '')![1]!
      let home = (await page('/')).text
      expect(home).toContain('겨울에 읽을 역사')
      expect(home).toContain('추운 밤의 책')
      const pick = home.slice(home.indexOf(`id="pick-${id}-h"`))
      expect(cards(pick).slice(0, 2)).toEqual([C, B])
      expect((await page('/?lang=en')).text).toContain('History for winter')

      const refused = await member.post(`/admin/picks/${id}`, { title_ko: '겨울', title_en: 'Winter', blurb_ko: '', blurb_en: '', isbns: `${B}\n978-0-00-000000-0` })
      expect(refused.status).toBe(400)
      expect(await refused.text()).toContain('ISBN이 아닙니다')
      const unknown = await member.post(`/admin/picks/${id}?lang=en`, { title_ko: '겨울', title_en: 'Winter', blurb_ko: '', blurb_en: '', isbns: isbn13FromPrefix('979119999991') })
      expect(await unknown.text()).toContain('in the catalog')
      const noTitle = await member.post(`/admin/picks/${id}?lang=en`, { title_ko: ' ', title_en: 'Winter', isbns: B! })
      expect(await noTitle.text()).toContain('Enter the Title')

      expect((await member.post(`/admin/picks/${id}`, { title_ko: '겨울', title_en: 'Winter', blurb_ko: '', blurb_en: '', isbns: `${A} ${B}` })).status).toBe(303)
      home = (await page('/')).text
      expect(home).not.toContain('겨울에 읽을 역사')
      expect(cards(home.slice(home.indexOf(`id="pick-${id}-h"`))).slice(0, 2)).toEqual([A, B])
      const history = await store.audit.history('collection', id)
      expect(history.map((e) => e.action)).toEqual(['edit', 'create'])
      expect(history[0]!.changes.map((c) => c.field)).toEqual(['title', 'blurb', 'isbns'])
      expect((await member.get(`/admin/picks/${id}`)).status).toBe(200)

      const viewer = await staffShopper(app, store, 'viewer')
      expect((await viewer.get('/admin/picks')).status).toBe(200)
      expect((await viewer.post(`/admin/picks/${id}/delete`, {})).status).toBe(403)
      expect((await member.get('/admin/picks/nothing-here')).status).toBe(404)
      expect((await member.post(`/admin/picks/${id}/delete`, {})).status).toBe(303)
      expect((await page('/')).text).not.toContain(`pick-${id}-h`)
      expect((await store.audit.history('collection', id))[0]).toMatchObject({ action: 'delete' })
    })

    it('shows 책 속으로 from ONIX TextType 14 and from the back-office form, and exports it as TextType 14', async () => {
      const isbn = isbn13FromPrefix('979119999992')
      const report = await store.importer.importFile('excerpt.xml', bytesOf(onixWithExcerpt(isbn)), { user: 'test' })
      expect(report.counts).toMatchObject({ created: 1, rejected: 0 })
      const book = await store.catalog.getBook(isbn)
      expect(book.excerptsHtml).toContain('<em>네르친스크</em>')
      expect(book.excerptsHtml).not.toContain('script')
      const product = (await page(`/books/${isbn}`)).text
      expect(product).toMatch(/<section id="excerpts"[^>]*><h2 id="excerpts-h">책 속으로<\/h2>/)
      expect(product.indexOf('id="excerpts"')).toBeGreaterThan(product.indexOf('id="introduction"'))
      expect(product.indexOf('id="excerpts"')).toBeLessThan(product.indexOf('id="contents"'))

      const member = await staffShopper(app, store, 'catalog')
      expect((await member.get(`/admin/books/${A}`)).status).toBe(200)
      expect((await member.post(`/admin/books/${A}`, { excerptsHtml: '<p>첫 문장.</p>' })).status).toBe(303)
      expect((await store.catalog.getBook(parseIsbn(A!))).excerptsHtml).toBe('<p>첫 문장.</p>')
      const english = (await page(`/books/${A}?lang=en`)).text
      expect(english).toContain('From the book</h2>')
      expect(english).toContain('lang="ko"')
      expect((await store.audit.history('book', A!))[0]!.changes.map((c) => c.field)).toContain('excerptsHtml')

      const { bookToOnixProduct } = await import('../../src/ingest/export/onix-product')
      expect(bookToOnixProduct(await store.catalog.getBook(parseIsbn(A!)))).toContain('<TextType>14</TextType>')
    })
  })
}

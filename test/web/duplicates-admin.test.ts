import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isbn13FromPrefix, type BookFields, type Isbn13 } from '../../src/catalog'
import { startServer } from '../../src/web/server'
import { axeViolations, browserAvailable, launchChromium } from '../browser/browser'
import { sqlite, testDialects } from '../dialects'
import { testServices, testStore, type TestStore } from '../helpers'
import { browserCookies, staffApp, staffService, staffShopper } from '../support/staff'
import { checkoutInput } from '../support/checkout'
import { serverRequester } from './shopper'

const BY = { actor: 'cli', actorName: 'test', via: 'cli' }

/** Two records of one paperback (typed differently), a paperback and its e-book, and two books that only look alike. */
const BOOKS: Record<string, Isbn13> = {
  first: isbn13FromPrefix('979119990001'),
  second: isbn13FromPrefix('979119990002'),
  paper: isbn13FromPrefix('979119990003'),
  ebook: isbn13FromPrefix('979119990004'),
  lookalike1: isbn13FromPrefix('979119990005'),
  lookalike2: isbn13FromPrefix('979119990006'),
}

const book = (isbn13: Isbn13, fields: BookFields) => ({ isbn13, fields: { currency: 'KRW', listPrice: 18000, salePrice: 16200, stock: 1, ...fields } })

async function addBooks(store: TestStore) {
  const result = await store.catalog.editBooks(
    [
      book(BOOKS.first!, { title: '두 제국의 바다: 조선과 청', contributors: [{ name: '김 해린', role: 'author' }], format: 'paperback', categoryIds: ['history-korea'], stock: 2 }),
      book(BOOKS.second!, {
        title: '두 제국의 바다 — 조선과 청!',
        contributors: [{ name: '김해린', role: 'author' }],
        format: 'paperback',
        categoryIds: ['history-asia'],
        descriptionHtml: '<p>바다를 사이에 둔 두 제국의 이야기.</p>',
        coverUrl: 'https://covers.example/seas.jpg',
        stock: 3,
      }),
      book(BOOKS.paper!, { title: 'The Quiet Orchard', contributors: [{ name: 'Anna Lee', role: 'author' }], format: 'paperback', categoryIds: ['fiction-world'] }),
      book(BOOKS.ebook!, { title: 'the quiet  orchard.', contributors: [{ name: 'ANNA LEE', role: 'author' }], format: 'ebook', categoryIds: ['fiction-world'], listPrice: 12000, salePrice: 10800 }),
      book(BOOKS.lookalike1!, { title: '봄', contributors: [{ name: '이수', role: 'author' }], format: 'paperback', categoryIds: ['fiction-poetry'] }),
      book(BOOKS.lookalike2!, { title: '봄.', contributors: [{ name: '이 수', role: 'author' }], format: 'paperback', categoryIds: ['fiction-poetry'] }),
    ],
    BY,
  )
  expect(result.rejected).toEqual([])
}

/** The section of the duplicates page that lists this ISBN, or undefined. */
const groupWith = (page: string, isbn: string) => page.split('<section class="dup-group"').find((s) => s.includes(`>${isbn}</a></th>`))

/** A form posted with repeated fields, as a browser sends checked boxes or hidden inputs. */
function postPairs(staff: Awaited<ReturnType<typeof staffShopper>>, path: string, pairs: Array<[string, string]>) {
  return staff.send('POST', path, new URLSearchParams([...pairs, ['_csrf', staff.token()]]) as unknown as Record<string, string>)
}

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: likely duplicates in the back office`, () => {
    let store: TestStore
    let app: ReturnType<typeof staffApp>

    beforeAll(async () => {
      store = await testStore(dialect, { demoBooks: 3 })
      app = staffApp(store)
      await addBooks(store)
    }, 120_000)
    afterAll(() => store?.cleanup())

    it('groups two records of one book typed with other spaces and punctuation, and a paperback with its e-book as editions', async () => {
      const viewer = await staffShopper(app, store, 'viewer')
      const res = await viewer.get('/admin/duplicates')
      expect(res.status).toBe(200)
      const page = await res.text()
      const same = groupWith(page, BOOKS.first!)
      expect(same).toContain(`>${BOOKS.second}</a></th>`)
      expect(same).not.toContain(BOOKS.paper)
      expect(same).toContain('중복 의심 (같은 형태)')
      const editions = groupWith(page, BOOKS.paper!)
      expect(editions).toContain(`>${BOOKS.ebook}</a></th>`)
      expect(editions).toContain('같은 작품의 다른 판 (다른 형태)')
      expect(page).not.toContain('/admin/duplicates/merge')
      expect(await (await viewer.get('/admin/books')).text()).toContain('<a href="/admin/duplicates">중복 의심 책 보기</a>')
      const english = await (await viewer.get('/admin/duplicates?lang=en')).text()
      expect(groupWith(english, BOOKS.paper!)).toContain('Editions of one work (different formats)')
      expect(groupWith(english, BOOKS.first!)).toContain('Likely duplicate (same format)')
    })

    it('pages the groups by key, a cursor leading to the next page and none after the last', async () => {
      const all = await store.catalog.duplicates.groups('', 50)
      expect(all.next).toBeUndefined()
      expect(all.groups.length).toBeGreaterThanOrEqual(3)
      const seen: string[] = []
      for (let after: string | undefined = '', pages = 0; after !== undefined && pages < 10; pages++) {
        const page: Awaited<ReturnType<typeof store.catalog.duplicates.groups>> = await store.catalog.duplicates.groups(after, 2)
        expect(page.groups.length).toBeLessThanOrEqual(2)
        seen.push(...page.groups.map((g) => g.key))
        after = page.next
      }
      expect(seen).toEqual(all.groups.map((g) => g.key))
    })

    it('links a paperback and its e-book: each product page lists the other edition, both are audited, the group is settled', async () => {
      const staff = await staffShopper(app, store, 'catalog')
      const list = await (await staff.get('/admin/duplicates')).text()
      expect(groupWith(list, BOOKS.paper!)).toContain('action="/admin/duplicates/link"')
      const res = await postPairs(staff, '/admin/duplicates/link', [['isbn', BOOKS.paper!], ['isbn', BOOKS.ebook!]])
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('2권을 한 작품의 판으로 이었습니다')
      const paperPage = await (await app.request(`/books/${BOOKS.paper}`)).text()
      expect(paperPage).toContain('<h2 id="editions-h">다른 판</h2>')
      expect(paperPage).toMatch(new RegExp(`<a href="/books/${BOOKS.ebook}">전자책</a> <span class="sale">`))
      const ebookPage = await (await app.request(`/books/${BOOKS.ebook}?lang=en`)).text()
      expect(ebookPage).toContain('Other editions')
      expect(ebookPage).toContain(`href="/books/${BOOKS.paper}?lang=en"`)
      for (const isbn of [BOOKS.paper!, BOOKS.ebook!]) {
        const [entry] = await store.audit.history('book', isbn)
        expect(entry).toMatchObject({ action: 'link', via: 'link', actor: `staff:${staff.member.id}` })
        expect(entry!.changes.map((c) => c.field)).toEqual(['work'])
      }
      expect(groupWith(await (await staff.get('/admin/duplicates')).text(), BOOKS.paper!)).toBeUndefined()
    })

    it('merges one record into the other: its page redirects for good, the kept book gains its description, categories and stock, both histories stay', async () => {
      expect((await app.request(`/books/${BOOKS.second}`)).status).toBe(200)
      const found = async () => (await store.search.search({ q: '두 제국의 바다', page: 1, pageSize: 50 })).books.items.map((b) => b.isbn13)
      expect(await found()).toEqual(expect.arrayContaining([BOOKS.first, BOOKS.second]))
      // An order for the record about to be merged away: its line must keep working.
      await store.commerce.addItem('shopper-merge', BOOKS.second!, 1)
      const order = await store.orders.place({ owner: 'shopper-merge', customerId: null, input: checkoutInput() })
      const staff = await staffShopper(app, store, 'catalog')
      const list = await (await staff.get('/admin/duplicates')).text()
      expect(groupWith(list, BOOKS.first!)).toContain(`name="keep" value="${BOOKS.first}"`)
      const res = await postPairs(staff, '/admin/duplicates/merge', [['keep', BOOKS.first!], ['merge', BOOKS.second!]])
      expect(res.status).toBe(200)
      expect(await res.text()).toContain(`${BOOKS.second}을(를) ${BOOKS.first}에 합쳤습니다`)

      const moved = await app.request(`/books/${BOOKS.second}`)
      expect(moved.status).toBe(301)
      expect(moved.headers.get('location')).toBe(`/books/${BOOKS.first}`)
      expect((await app.request(`/books/${BOOKS.second}?lang=en`)).headers.get('location')).toBe(`/books/${BOOKS.first}?lang=en`)

      const kept = await store.catalog.getBook(BOOKS.first!)
      expect([...kept.categoryIds].sort()).toEqual(['history-asia', 'history-korea'])
      expect(kept.descriptionHtml).toContain('두 제국의 이야기')
      expect(kept.coverUrl).toBe('https://covers.example/seas.jpg')
      expect(kept.stock).toBe(2 + 2)
      const gone = await store.catalog.getBook(BOOKS.second!)
      expect(gone).toMatchObject({ onSale: false, stock: 0 })
      expect(await found()).toContain(BOOKS.first)
      expect(await found()).not.toContain(BOOKS.second)

      const keptHistory = await store.audit.history('book', BOOKS.first!)
      expect(keptHistory[0]).toMatchObject({ action: 'merge', via: 'merge' })
      expect(keptHistory[0]!.changes).toContainEqual({ field: 'mergedFrom', before: null, after: [BOOKS.second] })
      expect(keptHistory.at(-1)!.action).toBe('create')
      const goneHistory = await store.audit.history('book', BOOKS.second!)
      expect(goneHistory[0]!.changes).toContainEqual({ field: 'mergedInto', before: null, after: BOOKS.first })
      expect(goneHistory.at(-1)!.action).toBe('create')
      const historyPage = await staff.get(`/admin/books/${BOOKS.second}/history`)
      expect(historyPage.status).toBe(200)
      expect(await historyPage.text()).toContain(`href="/admin/books/${BOOKS.first}/history"`)

      // A feed sending the merged record again does not bring it back into search.
      await store.catalog.editBooks([{ isbn13: BOOKS.second!, fields: { stock: 4 } }], BY)
      expect(await found()).not.toContain(BOOKS.second)
      await store.search.reindex()
      expect(await found()).not.toContain(BOOKS.second)
      const owner = await staffShopper(app, store, 'owner')
      const orderPage = await owner.get(`/admin/orders/${order.number}`)
      expect(orderPage.status).toBe(200)
      expect(await orderPage.text()).toContain(BOOKS.second)
      await store.orders.cancel(order.number, 'staff:test', 'changed mind')
      expect((await store.catalog.getBook(BOOKS.first!)).stock).toBe(5)
      expect((await store.catalog.getBook(BOOKS.second!)).stock).toBe(4)

      expect(groupWith(await (await staff.get('/admin/duplicates')).text(), BOOKS.first!)).toBeUndefined()
      const again = await postPairs(staff, '/admin/duplicates/merge', [['keep', BOOKS.first!], ['merge', BOOKS.second!]])
      expect(again.status).toBe(400)
      expect(await again.text()).toContain('이미 다른 책에 합쳐졌습니다')
    })

    it('remembers "not duplicates": the group leaves the list and stays gone', async () => {
      const staff = await staffShopper(app, store, 'owner')
      expect(groupWith(await (await staff.get('/admin/duplicates')).text(), BOOKS.lookalike1!)).toContain(BOOKS.lookalike2)
      const res = await postPairs(staff, '/admin/duplicates/dismiss', [['isbn', BOOKS.lookalike1!], ['isbn', BOOKS.lookalike2!]])
      expect(res.status).toBe(200)
      await store.catalog.editBooks([{ isbn13: BOOKS.lookalike2!, fields: { stock: 9 } }], BY)
      expect(groupWith(await (await staff.get('/admin/duplicates')).text(), BOOKS.lookalike1!)).toBeUndefined()
      expect((await store.audit.history('book', BOOKS.lookalike1!)).find((e) => e.action === 'dismiss')?.changes).toEqual([{ field: 'notDuplicateOf', before: null, after: [BOOKS.lookalike2] }])
    })

    it('refuses a viewer (403), an unknown book (404) and a malformed ISBN (400, naming the field in both languages), changing nothing', async () => {
      const viewer = await staffShopper(app, store, 'viewer')
      await viewer.get('/admin/duplicates')
      expect((await postPairs(viewer, '/admin/duplicates/dismiss', [['isbn', BOOKS.paper!], ['isbn', BOOKS.ebook!]])).status).toBe(403)
      const staff = await staffShopper(app, store, 'catalog')
      await staff.get('/admin/duplicates')
      const unknown = isbn13FromPrefix('979119990099')
      expect((await postPairs(staff, '/admin/duplicates/link', [['isbn', BOOKS.paper!], ['isbn', unknown]])).status).toBe(404)
      const bad = await postPairs(staff, '/admin/duplicates/merge', [['keep', '12345'], ['merge', BOOKS.paper!]])
      expect(bad.status).toBe(400)
      expect(await bad.text()).toContain('남길 책: 올바른 ISBN이 아닙니다.')
      await staff.get('/admin/duplicates?lang=en')
      const one = await postPairs(staff, '/admin/duplicates/link?lang=en', [['isbn', BOOKS.paper!]])
      expect(one.status).toBe(400)
      expect(await one.text()).toContain('At least two different books are needed (Books).')
      expect(await store.audit.history('book', unknown)).toEqual([])
    })
  })
}

describe.runIf(browserAvailable())('browser: the duplicates page', () => {
  let store: TestStore
  let server: Awaited<ReturnType<typeof startServer>>
  let browser: Browser

  beforeAll(async () => {
    store = await testStore(sqlite, { demoBooks: 3 })
    await addBooks(store)
    await store.catalog.duplicates.link([BOOKS.paper!, BOOKS.ebook!], BY)
    server = await startServer({ ...testServices(store), staff: staffService(store) }, { port: 0, host: '127.0.0.1' })
    browser = await launchChromium()
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await store?.cleanup()
  })

  it('has no axe violations in Korean and English, nor has a product page with its other editions, and its buttons work from the keyboard', async () => {
    const base = `http://127.0.0.1:${server.port}`
    const member = await staffShopper(serverRequester(base), store, 'catalog')
    const context = await browser.newContext()
    await context.addCookies(browserCookies(member))
    const page = await context.newPage()
    for (const path of ['/admin/duplicates', '/admin/duplicates?lang=en', `/books/${BOOKS.paper}`, `/books/${BOOKS.ebook}?lang=en`]) {
      expect((await page.goto(base + path))?.status()).toBe(200)
      expect(await axeViolations(page)).toEqual([])
    }
    await page.goto(`${base}/admin/duplicates`)
    await page.locator(`form[action="/admin/duplicates/dismiss"] button`).first().focus()
    await page.keyboard.press('Enter')
    await page.waitForLoadState()
    expect(await page.locator('[role="status"]').textContent()).toContain('중복이 아니라고 기록했습니다')
    expect(await axeViolations(page)).toEqual([])
  }, 120_000)
})

import { parse } from 'csv-parse/sync'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseIsbn } from '../../src/catalog'
import { startServer } from '../../src/web/server'
import { axeViolations, browserAvailable, launchChromium } from '../browser/browser'
import { sqlite, testDialects } from '../dialects'
import { testServices, testStore, type TestStore } from '../helpers'
import { staffApp, staffService, staffShopper } from '../support/staff'
import { serverRequester } from './shopper'

const SEED = parseIsbn('9788962633245')

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: the books list in the back office`, () => {
    let store: TestStore
    let app: ReturnType<typeof staffApp>

    beforeAll(async () => {
      store = await testStore(dialect, { demoBooks: 30 })
      app = staffApp(store)
    }, 120_000)
    afterAll(() => store?.cleanup())

    it('lists books with a caption, sortable headers, a box per book and the next page, in Korean and English', async () => {
      const staff = await staffShopper(app, store, 'catalog')
      const res = await staff.get('/admin/books?sort=stock&dir=desc')
      expect(res.status).toBe(200)
      expect(res.headers.get('cache-control')).toBe('no-store')
      const page = await res.text()
      expect(page).toContain('<caption>책 목록, 재고 내림차순</caption>')
      expect(page).toContain('aria-sort="descending"')
      expect(page.match(/name="isbn" value="\d{13}"/g)).toHaveLength(31)
      expect(page).toContain('noindex')
      const english = await (await staff.get('/admin/books?lang=en&missing=description')).text()
      expect(english).toContain('No books match.')
      const paged = await (await staff.get('/admin/books?sort=title')).text()
      expect(paged).not.toContain('rel="next"')
    })

    it('keeps ?isbn= jumping to the book, and filters by what the form says', async () => {
      const staff = await staffShopper(app, store, 'viewer')
      const jump = await staff.get(`/admin/books?isbn=978-89-6263-324-5`)
      expect(jump.status).toBe(302)
      expect(jump.headers.get('location')).toBe(`/admin/books/${SEED}`)
      const found = await (await staff.get(`/admin/books?q=${SEED}`)).text()
      expect(found.match(/<tr>/g)).toHaveLength(2)
      expect(found).not.toContain('id="bulk"')
      expect((await staff.get('/admin/books?stock=many')).status).toBe(400)
    })

    it('applies a bulk change from the form and lists what the price law refused; a viewer may not', async () => {
      const staff = await staffShopper(app, store, 'catalog')
      await staff.get('/admin/books')
      const [a, b] = (await store.catalog.staffList({ sort: 'isbn', pageSize: 2, text: '979' })).rows
      const res = await staff.post('/admin/books/bulk', { action: 'salePrice', salePrice: '1', scope: 'selected', isbn: a!.isbn13 })
      expect(res.status).toBe(200)
      const text = await res.text()
      expect(text).toContain('0권에 적용했습니다.')
      expect(text).toContain('도서정가제')
      const moved = new URLSearchParams([['action', 'categoryReplace'], ['categoryId', 'history-korea'], ['scope', 'selected'], ['isbn', a!.isbn13], ['isbn', b!.isbn13], ['_csrf', staff.token()]])
      const both = await staff.send('POST', '/admin/books/bulk', Object.fromEntries(moved), {})
      expect(both.status).toBe(200)
      expect((await store.catalog.getBook(b!.isbn13 as never)).categoryIds).toEqual(['history-korea'])
      const viewer = await staffShopper(app, store, 'viewer')
      await viewer.get('/admin/books')
      expect((await viewer.post('/admin/books/bulk', { action: 'offSale', scope: 'filter' })).status).toBe(403)
    })

    it('exports the filter as CSV', async () => {
      const staff = await staffShopper(app, store, 'viewer')
      const res = await staff.get(`/admin/books/export.csv?q=${SEED}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toContain('text/csv')
      const records = parse(await res.text(), { columns: true }) as Array<Record<string, string>>
      expect(records.map((r) => r.isbn13)).toEqual([SEED])
    })
  })
}

describe.runIf(browserAvailable())('browser: the books list', () => {
  let store: TestStore
  let server: Awaited<ReturnType<typeof startServer>>
  let browser: Browser

  beforeAll(async () => {
    store = await testStore(sqlite, { demoBooks: 5 })
    server = await startServer({ ...testServices(store), staff: staffService(store) }, { port: 0, host: '127.0.0.1' })
    browser = await launchChromium()
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await store?.cleanup()
  })

  it('has no axe violations in Korean and English, and its boxes and links are reached by keyboard', async () => {
    const base = `http://127.0.0.1:${server.port}`
    const member = await staffShopper(serverRequester(base), store, 'catalog')
    const context = await browser.newContext()
    await context.addCookies(member.cookie().split('; ').map((pair) => ({ name: pair.slice(0, pair.indexOf('=')), value: pair.slice(pair.indexOf('=') + 1), domain: '127.0.0.1', path: '/' })))
    const page = await context.newPage()
    for (const path of ['/admin/books', '/admin/books?lang=en&sort=price&dir=desc']) {
      expect((await page.goto(base + path))?.status()).toBe(200)
      expect(await axeViolations(page)).toEqual([])
    }
    await page.locator('input[name="isbn"]').first().focus()
    await page.keyboard.press('Space')
    expect(await page.locator('input[name="isbn"]').first().isChecked()).toBe(true)
    await page.selectOption('#bl-action', 'offSale')
    await page.locator('#bulk button[type="submit"]').first().press('Enter')
    await page.waitForLoadState()
    expect(await page.locator('[role="status"]').textContent()).toContain('1')
    expect(await axeViolations(page)).toEqual([])
  }, 120_000)
})

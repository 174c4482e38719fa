import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { createApp } from '../../src/web/app'
import { bookToForm } from '../../src/web/routes/admin/book-form'
import { testApp, testStore, type TestStore } from '../helpers'
import { sqlite } from '../dialects'
import { staffApp, staffShopper } from '../support/staff'

const SEED = '9788962633245'
let store: TestStore
let app: ReturnType<typeof createApp>
let member: Awaited<ReturnType<typeof staffShopper>>

beforeAll(async () => {
  store = await testStore(sqlite, { demoBooks: 10 })
  app = staffApp(store)
  member = await staffShopper(app, store, 'catalog')
})
afterAll(() => store.cleanup())

/** A signed-in member of the catalog staff, posting from the back office's own pages. */
function staff() {
  return member
}

describe('sqlite: back office', () => {
  it('sends a visitor to sign in, and opens for staff without a cache', async () => {
    const anonymous = await app.request('/admin/books/9788962633245')
    expect(anonymous.status).toBe(303)
    expect(anonymous.headers.get('location')).toBe('/admin/sign-in?next=%2Fadmin%2Fbooks%2F9788962633245')
    const res = await member.get('/admin')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(await res.text()).toContain('<meta name="robots" content="noindex, nofollow">')
  })

  it('shows the edit form with the book as it is', async () => {
    const page = await (await member.get(`/admin/books/${SEED}`)).text()
    expect(page).toContain('value="중국과 러시아"')
    expect(page).toContain('01 Beijing 1618: Encountering the Unknown')
    expect((await member.get('/admin/books?isbn=8962633248')).headers.get('location')).toBe(`/admin/books/${SEED}`)
  })

  it('saves a valid edit, and the product page shows it at once', async () => {
    const form = bookToForm(await store.catalog.getBook(SEED as never))
    const res = await staff().post(`/admin/books/${SEED}`, { ...form, salePrice: '22000', stock: '3', contributors: '홍길동\n김철수 | translator' })
    expect(res.status).toBe(303)
    const book = await store.catalog.getBook(SEED as never)
    expect(book).toMatchObject({ salePrice: 22000, stock: 3, contributors: [{ name: '홍길동', role: 'author' }, { name: '김철수', role: 'translator' }] })
    expect(book.toc.filter((e) => e.kind === 'chapter')).toHaveLength(12)
    expect(await (await testApp(store).request(`/books/${SEED}`)).text()).toContain('22,000원')
  })

  it('names every bad field, in words, and saves nothing', async () => {
    const before = await store.catalog.getBook(SEED as never)
    const form = bookToForm(before)
    const bad = { ...form, issuedOn: '2025-02-30', listPrice: '-5', contributors: '누구 | wizard', categoryIds: 'history-world nowhere', size: 'big' }
    const korean = await (await staff().post(`/admin/books/${SEED}`, bad)).text()
    expect(korean).toContain('<html lang="ko">')
    expect(korean).toContain('고쳐야 할 항목이 5개 있습니다')
    expect(korean).not.toMatch(/No such category|Enter a real date/)
    const res = await staff().post(`/admin/books/${SEED}?lang=en`, bad)
    expect(res.status).toBe(400)
    const page = await res.text()
    for (const field of ['issuedOn', 'listPrice', 'contributors', 'categoryIds', 'size']) expect(page).toContain(`href="#f-${field}"`)
    expect(page).toContain('aria-invalid="true"')
    expect(page).toContain('No such category: nowhere')
    expect(page).toContain('Enter a real date as YYYY-MM-DD.')
    expect(page).toContain('Cannot read the size &quot;big&quot;')
    expect(await store.catalog.getBook(SEED as never)).toEqual(before)
  })

  it('keeps what a partial post leaves out', async () => {
    const member = staff()
    expect((await member.post(`/admin/books/${SEED}`, { stock: '7' })).status).toBe(303)
    const book = await store.catalog.getBook(SEED as never)
    expect(book).toMatchObject({ stock: 7, title: '중국과 러시아', pageCount: 368, onSale: true })
    expect((await member.post(`/admin/books/${SEED}`, { hasOnSale: '1' })).status).toBe(303)
    expect((await store.catalog.getBook(SEED as never)).onSale).toBe(false)
  })

  it('refuses a form posted from another site', async () => {
    const form = bookToForm(await store.catalog.getBook(SEED as never))
    expect((await staff().post(`/admin/books/${SEED}`, { ...form, stock: '0' }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403)
    expect((await store.catalog.getBook(SEED as never)).stock).not.toBe(0)
  })
})

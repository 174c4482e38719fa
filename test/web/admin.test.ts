import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { createApp } from '../../src/web/app'
import { bookToForm, tocToForm } from '../../src/web/routes/admin/book-form'
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
    expect(page).toMatch(/name="toc\.(\d+)\.number" value="01"[^>]*>\s*<input name="toc\.\1\.title" value="Beijing 1618: Encountering the Unknown"/)
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
    expect(page).toContain('Enter a real date as YYYY-MM-DD, YYYY-MM or YYYY.')
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

  it('edits the contents as a tree without script: the buttons change the rows, saving keeps the tree', async () => {
    const posted = { ...tocToForm([{ kind: 'chapter', number: '1', title: 'One' }, { kind: 'chapter', number: '2', title: 'Two' }, { kind: 'chapter', number: '3', title: 'Three' }]) }
    const pressed = async (form: Record<string, string>, op: string) => {
      const res = await member.post(`/admin/books/${SEED}?lang=en`, { ...form, tocOp: op })
      expect(res.status).toBe(200)
      const page = await res.text()
      // The page comes back with the rows as the buttons left them, nothing saved.
      return Object.fromEntries([...page.matchAll(/name="(toc\.\d+\.(?:number|title|depth))" (?:type="hidden" )?value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]))
    }
    const before = await store.catalog.getBook(SEED as never)
    let form = await pressed(posted, 'up:2')
    expect([form['toc.0.title'], form['toc.1.title'], form['toc.2.title']]).toEqual(['One', 'Three', 'Two'])
    form = await pressed({ ...form, tocRows: '1' }, 'indent:2')
    expect(form['toc.2.depth']).toBe('1')
    form = await pressed({ ...form, tocRows: '1' }, 'add:-1')
    expect(form['toc.3.title']).toBe('')
    expect(await store.catalog.getBook(SEED as never)).toEqual(before)
    const saved = await member.post(`/admin/books/${SEED}`, { ...form, 'toc.3.title': 'Afterword', 'toc.3.kind': 'back', tocRows: '1' })
    expect(saved.status).toBe(303)
    expect((await store.catalog.getBook(SEED as never)).toc).toEqual([
      { kind: 'chapter', number: '1', title: 'One' },
      { kind: 'chapter', number: '3', title: 'Three', children: [{ kind: 'chapter', number: '2', title: 'Two' }] },
      { kind: 'back', title: 'Afterword' },
    ])
    // The product page shows the tree: the sub-entry is inside its chapter's list.
    const product = await (await testApp(store).request(`/books/${SEED}`)).text()
    expect(product).toMatch(/Three[\s\S]*?<ol[^>]*>[\s\S]*?Two[\s\S]*?<\/ol>/)
  })

  it('edits the title in other languages, one row per language', async () => {
    const form = bookToForm(await store.catalog.getBook(SEED as never))
    const rows = { 'tr.0.lang': 'en', 'tr.0.title': 'China and Russia', 'tr.0.subtitle': 'Four centuries', 'tr.1.lang': 'ja', 'tr.1.title': '中国とロシア', 'tr.2.lang': '', 'tr.2.title': '' }
    expect((await member.post(`/admin/books/${SEED}`, { ...form, ...rows })).status).toBe(303)
    expect((await store.catalog.getBook(SEED as never)).translations).toEqual({ en: { title: 'China and Russia', subtitle: 'Four centuries' }, ja: { title: '中国とロシア' } })
    const bad = await member.post(`/admin/books/${SEED}?lang=en`, { ...form, 'tr.0.lang': 'english', 'tr.0.title': 'X' })
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain('href="#f-translations"')
  })

  it('creates a book from its ISBN, hyphenated, and says what is wrong with a bad or known one', async () => {
    expect((await member.get('/admin/books/new')).status).toBe(200)
    const fields = { title: '새로 만든 책', contributors: '김작가', listPrice: '18000', ...tocToForm([{ kind: 'chapter', number: '1', title: '첫 장' }]), hasOnSale: '1', onSale: 'on', stock: '4', format: 'paperback', currency: 'KRW' }
    const badDigit = await member.post('/admin/books/new', { ...fields, isbn: '979-11-5931-000-1' })
    expect(badDigit.status).toBe(400)
    expect(await badDigit.text()).toContain('확인 숫자가 틀렸습니다')
    const english = await (await member.post('/admin/books/new?lang=en', { ...fields, isbn: '12345' })).text()
    expect(english).toContain('has 5 characters; an ISBN has 10 or 13 digits')
    const known = await (await member.post('/admin/books/new', { ...fields, isbn: '8962633248' })).text()
    expect(known).toContain('이미 카탈로그에 있는 책입니다: 978-89-6263-324-5')
    const created = await member.post('/admin/books/new', { ...fields, isbn: '979-11-5931-000-3' })
    expect(created.status).toBe(303)
    expect(created.headers.get('location')).toBe('/admin/books/9791159310003?saved=1')
    const book = await store.catalog.getBook('9791159310003' as never)
    expect(book).toMatchObject({ title: '새로 만든 책', listPrice: 18000, stock: 4, onSale: true, toc: [{ kind: 'chapter', number: '1', title: '첫 장' }] })
    expect(await (await member.get('/admin/books/9791159310003')).text()).toContain('ISBN 979-11-5931-000-3')
    const history = await store.audit.history('book', '9791159310003')
    expect(history.map((e) => [e.action, e.actorName])).toEqual([['create', 'catalog tester']])
    // A viewer may read the catalog but not add to it.
    const viewer = await staffShopper(app, store, 'viewer')
    expect((await viewer.post('/admin/books/new', { ...fields, isbn: '9791159310010' })).status).toBe(403)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseIsbn } from '../../src/catalog'
import { fillDemoCatalog } from '../../src/demo'
import { demoCategories } from '../../src/demo/categories'
import { testDialects } from '../dialects'
import { testStore, type TestStore } from '../helpers'
import { bytesOf } from '../support/ingest'
import { staffApp, staffShopper } from '../support/staff'
import { shopper, appRequester } from '../web/shopper'

const SEED = parseIsbn('9788962633245')
const HISTORY = `/admin/books/${SEED}/history`

type Browser = Awaited<ReturnType<typeof staffShopper>>
const formEditor = (browser: Browser) => ({ actor: `staff:${browser.member.id}`, actorName: browser.member.name, via: 'form' })

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: a book's history and putting a field back`, () => {
    let store: TestStore
    let app: ReturnType<typeof staffApp>
    let editor: Browser
    let viewer: Browser

    beforeAll(async () => {
      store = await testStore(dialect)
      await store.catalog.saveCategories(demoCategories())
      await fillDemoCatalog(store.catalog, { books: 2 })
      app = staffApp(store)
      editor = await staffShopper(app, store, 'catalog', { name: '김편집' })
      viewer = await staffShopper(app, store, 'viewer', { name: '박열람' })
    })
    afterAll(() => store?.cleanup())

    it('sends a visitor who is not signed in to the staff sign-in', async () => {
      const answer = await shopper(appRequester(app)).get(HISTORY)
      expect(answer.status).toBe(303)
      expect(answer.headers.get('location')).toContain('/admin/sign-in')
    })

    it('lists each change with its author, the way it came and each field before and after, for a viewer without put-back buttons', async () => {
      const { stock, subtitle } = await store.catalog.getBook(SEED)
      await store.catalog.editBooks([{ isbn13: SEED, fields: { stock: stock! + 5, subtitle: '<script>alert(1)</script>' } }], formEditor(editor))
      const page = await viewer.get(HISTORY)
      expect(page.status).toBe(200)
      expect(page.headers.get('cache-control')).toContain('no-store')
      const text = await page.text()
      expect(text).toContain('김편집')
      expect(text).toContain('고치기 화면')
      expect(text).toMatch(new RegExp(`재고</th><td class="audit-value">${stock}</td><td class="audit-value">${stock! + 5}</td>`))
      expect(text).toContain(`<td class="audit-value">${subtitle ?? '(없음)'}</td><td class="audit-value">&lt;script&gt;alert(1)&lt;/script&gt;</td>`)
      expect(text).not.toContain('<script>alert(1)')
      expect(text).not.toContain('history/revert')
      expect(text).toContain('noindex')
      const english = await (await viewer.get(`${HISTORY}?lang=en`)).text()
      expect(english).toContain('edit form')
      expect(english).toContain('<th scope="row">Stock</th>')
    })

    it('names the import run an imported change came through, with a link to it', async () => {
      const { title, stock } = await store.catalog.getBook(SEED)
      const report = await store.importer.importFile('s.csv', bytesOf(`isbn13,title,stock\n${SEED},${title},${stock! + 1}\n`), { user: '운영팀' })
      const text = await (await viewer.get(HISTORY)).text()
      expect(text).toContain(`<a href="/admin/imports/${report.runId}">가져오기 #${report.runId}</a>`)
      expect(text).toContain('운영팀')
    })

    it('refuses a viewer who tries to put a field back', async () => {
      const [entry] = await store.audit.history('book', SEED)
      await viewer.get(HISTORY)
      const answer = await viewer.post(`${HISTORY}/revert`, { entry: String(entry!.id), field: 'stock' })
      expect(answer.status).toBe(403)
      expect((await store.audit.history('book', SEED))[0]!.id).toBe(entry!.id)
    })

    it('puts a field back through the catalog edit path, and records the put-back with who did it', async () => {
      const before = await store.catalog.getBook(SEED)
      await store.catalog.editBooks([{ isbn13: SEED, fields: { stock: 1, title: '바뀐 제목' } }], { actor: 'staff:other', actorName: '이실수', via: 'form' })
      const [mistake] = await store.audit.history('book', SEED)
      expect(await (await editor.get(HISTORY)).text()).toContain(`name="entry" value="${mistake!.id}"`)
      const answer = await editor.post(`${HISTORY}/revert`, { entry: String(mistake!.id), field: 'stock' })
      expect(answer.status).toBe(303)
      expect(answer.headers.get('location')).toBe(`${HISTORY}?done=reverted`)
      const after = await store.catalog.getBook(SEED)
      expect(after.stock).toBe(before.stock)
      expect(after.title).toBe('바뀐 제목')
      const [revert] = await store.audit.history('book', SEED)
      expect(revert).toMatchObject({ actor: `staff:${editor.member.id}`, actorName: '김편집', action: 'revert', via: 'form', changes: [{ field: 'stock', before: 1, after: before.stock }] })
      expect(await (await editor.get(`${HISTORY}?done=reverted`)).text()).toContain('이전 값으로 되돌렸습니다')
      const again = await editor.post(`${HISTORY}/revert`, { entry: String(mistake!.id), field: 'stock' })
      expect(again.headers.get('location')).toBe(`${HISTORY}?done=unchanged`)
      expect((await store.audit.history('book', SEED))[0]!.id).toBe(revert!.id)
    })

    it('refuses a put-back naming a field the entry did not change, or an entry of another book', async () => {
      const [entry] = await store.audit.history('book', SEED)
      await editor.get(HISTORY)
      expect((await editor.post(`${HISTORY}/revert`, { entry: String(entry!.id), field: 'publisher' })).status).toBe(400)
      const other = (await store.catalog.booksAfter('', 5)).find((b) => b.isbn13 !== SEED)!
      await editor.get(`/admin/books/${other.isbn13}/history`)
      expect((await editor.post(`/admin/books/${other.isbn13}/history/revert`, { entry: String(entry!.id), field: 'stock' })).status).toBe(404)
      expect((await store.audit.history('book', SEED))[0]!.id).toBe(entry!.id)
    })

    it('refuses to put back a sale price the book price law now forbids, says why and changes nothing', async () => {
      await store.catalog.editBooks([{ isbn13: SEED, fields: { listPrice: 20_000, salePrice: 18_000 } }], formEditor(editor))
      await store.catalog.editBooks([{ isbn13: SEED, fields: { salePrice: 19_000 } }], formEditor(editor))
      await store.catalog.editBooks([{ isbn13: SEED, fields: { listPrice: 30_000, salePrice: 28_000 } }], formEditor(editor))
      const [latest] = await store.audit.history('book', SEED)
      const priceEntry = (await store.audit.history('book', SEED)).find((e) => e.changes.some((c) => c.field === 'salePrice' && c.before === 18_000))!
      await editor.get(HISTORY)
      const answer = await editor.post(`${HISTORY}/revert`, { entry: String(priceEntry.id), field: 'salePrice' })
      expect(answer.status).toBe(400)
      expect(await answer.text()).toContain('도서정가제')
      expect((await store.catalog.getBook(SEED)).salePrice).toBe(28_000)
      expect((await store.audit.history('book', SEED))[0]!.id).toBe(latest!.id)
    })
  })
}

import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StaffMember, StaffRole } from '../../src/accounts'
import { parseIsbn } from '../../src/catalog'
import { fillDemoCatalog } from '../../src/demo'
import { demoCategories } from '../../src/demo/categories'
import type { AppEnv } from '../../src/web/env'
import { pageContext } from '../../src/web/pages/context'
import { permit } from '../../src/web/routes/admin/access'
import { historyRoutes } from '../../src/web/routes/admin/history'
import { testDialects } from '../dialects'
import { testStore, type TestStore } from '../helpers'

const SEED = parseIsbn('9788962633245')
const member = (role: StaffRole, name: string): StaffMember => ({ id: `id-${role}`, email: `${role}@example.com`, name, role, lang: 'ko', hasTwoFactor: true })
const editor = member('catalog', '김편집')
const viewer = member('viewer', '박열람')

/** The history routes behind their guard, with the staff member a session would have set. */
function historyApp(store: TestStore, staff: () => StaffMember) {
  const app = new Hono<AppEnv>()
  app.use(async (c, next) => {
    const lang = c.req.query('lang') === 'en' ? 'en' : 'ko'
    c.set('page', pageContext({ lang, explicit: lang === 'en' }, '', c.req.path, () => 'token'))
    c.set('staff', staff())
    await next()
  })
  for (const r of historyRoutes(store)) app.on(r.method, `/admin${r.path}`, permit(r.permission), ...(r.handlers as []))
  return app
}

const form = (fields: Record<string, string | number>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])).toString(),
})

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: a book's history and putting a field back`, () => {
    let store: TestStore
    let asStaff = editor
    let app: ReturnType<typeof historyApp>

    beforeAll(async () => {
      store = await testStore(dialect)
      await store.catalog.saveCategories(demoCategories())
      await fillDemoCatalog(store.catalog, { books: 2 })
      app = historyApp(store, () => asStaff)
    })
    afterAll(() => store?.cleanup())

    it('lists each change with its author, the way it came and each field before and after, for a viewer without put-back buttons', async () => {
      const { stock, subtitle } = await store.catalog.getBook(SEED)
      await store.catalog.editBooks([{ isbn13: SEED, fields: { stock: stock + 5, subtitle: '<script>alert(1)</script>' } }], { actor: `staff:${editor.id}`, actorName: editor.name, via: 'form' })
      asStaff = viewer
      const page = await app.request(`/admin/books/${SEED}/history`)
      expect(page.status).toBe(200)
      const text = await page.text()
      expect(text).toContain('김편집')
      expect(text).toContain('고치기 화면')
      expect(text).toMatch(new RegExp(`재고</th><td class="audit-value">${stock}</td><td class="audit-value">${stock + 5}</td>`))
      expect(text).toContain(`<td class="audit-value">${subtitle ?? '(없음)'}</td><td class="audit-value">&lt;script&gt;alert(1)&lt;/script&gt;</td>`)
      expect(text).not.toContain('<script>alert(1)')
      expect(text).not.toContain('history/revert')
      expect(text).toContain('noindex')
      const english = await (await app.request(`/admin/books/${SEED}/history?lang=en`)).text()
      expect(english).toContain('edit form')
      expect(english).toContain('<th scope="row">Stock</th>')
    })

    it('names the import run an imported change came through, with a link to it', async () => {
      const { title, stock } = await store.catalog.getBook(SEED)
      const report = await store.importer.importFile('s.csv', (async function* () { yield Buffer.from(`isbn13,title,stock\n${SEED},${title},${stock + 1}\n`) })(), { user: '운영팀' })
      const text = await (await app.request(`/admin/books/${SEED}/history`)).text()
      expect(text).toContain(`<a href="/admin/imports/${report.runId}">가져오기 #${report.runId}</a>`)
      expect(text).toContain('운영팀')
    })

    it('refuses a viewer who tries to put a field back', async () => {
      asStaff = viewer
      const [entry] = await store.audit.history('book', SEED)
      const answer = await app.request(`/admin/books/${SEED}/history/revert`, form({ entry: entry!.id, field: 'stock', _csrf: 'token' }))
      expect(answer.status).toBe(403)
    })

    it('puts a field back through the catalog edit path, and records the put-back with who did it', async () => {
      asStaff = editor
      const before = await store.catalog.getBook(SEED)
      await store.catalog.editBooks([{ isbn13: SEED, fields: { stock: 1, title: '바뀐 제목' } }], { actor: 'staff:other', actorName: '이실수', via: 'form' })
      const [mistake] = await store.audit.history('book', SEED)
      const page = await (await app.request(`/admin/books/${SEED}/history`)).text()
      expect(page).toContain(`name="entry" value="${mistake!.id}"`)
      const answer = await app.request(`/admin/books/${SEED}/history/revert`, form({ entry: mistake!.id, field: 'stock' }))
      expect(answer.status).toBe(303)
      expect(answer.headers.get('location')).toBe(`/admin/books/${SEED}/history?done=reverted`)
      const after = await store.catalog.getBook(SEED)
      expect(after.stock).toBe(before.stock)
      expect(after.title).toBe('바뀐 제목')
      const [revert] = await store.audit.history('book', SEED)
      expect(revert).toMatchObject({ actor: `staff:${editor.id}`, actorName: '김편집', action: 'revert', via: 'form', changes: [{ field: 'stock', before: 1, after: before.stock }] })
      const again = await app.request(`/admin/books/${SEED}/history/revert`, form({ entry: mistake!.id, field: 'stock' }))
      expect(again.headers.get('location')).toBe(`/admin/books/${SEED}/history?done=unchanged`)
      expect((await store.audit.history('book', SEED))[0]!.id).toBe(revert!.id)
    })

    it('refuses to put back a sale price the book price law now forbids, and says why', async () => {
      asStaff = editor
      await store.catalog.editBooks([{ isbn13: SEED, fields: { listPrice: 20_000, salePrice: 18_000 } }], { actor: 'staff:x', actorName: '가', via: 'form' })
      await store.catalog.editBooks([{ isbn13: SEED, fields: { salePrice: 19_000 } }], { actor: 'staff:x', actorName: '가', via: 'form' })
      await store.catalog.editBooks([{ isbn13: SEED, fields: { listPrice: 30_000, salePrice: 28_000 } }], { actor: 'staff:x', actorName: '가', via: 'form' })
      const priceEntry = (await store.audit.history('book', SEED)).find((e) => e.changes.some((c) => c.field === 'salePrice' && c.before === 18_000))!
      const answer = await app.request(`/admin/books/${SEED}/history/revert`, form({ entry: priceEntry.id, field: 'salePrice' }))
      expect(answer.status).toBe(400)
      expect(await answer.text()).toContain('도서정가제')
      expect((await store.catalog.getBook(SEED)).salePrice).toBe(28_000)
      expect((await store.audit.history('book', SEED))[0]!.action).not.toBe('revert')
    })
  })
}

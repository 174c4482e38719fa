import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isbn13FromPrefix } from '../../src/catalog'
import { PageCache } from '../../src/web/page-cache'
import { testDialects } from '../dialects'
import { testStore, type TestStore } from '../helpers'
import { bytesOf } from '../support/ingest'
import { staffApp, staffShopper } from '../support/staff'
import { shopper } from './shopper'

type Member = Awaited<ReturnType<typeof staffShopper>>

/** A one-product ONIX message carrying a subject code of a scheme (code list 27). */
const onixWithSubject = (isbn: string, scheme: string, code: string) => `<?xml version="1.0"?>
<ONIXMessage release="3.0" xmlns="http://ns.editeur.org/onix/3.0/reference"><Header><Sender><SenderName>Test</SenderName></Sender><SentDateTime>20261202</SentDateTime></Header>
<Product><RecordReference>r1</RecordReference><NotificationType>03</NotificationType><ProductIdentifier><ProductIDType>15</ProductIDType><IDValue>${isbn}</IDValue></ProductIdentifier>
<DescriptiveDetail><ProductComposition>00</ProductComposition><ProductForm>BC</ProductForm><TitleDetail><TitleType>01</TitleType><TitleElement><TitleElementLevel>01</TitleElementLevel><TitleText>Mapped by subject</TitleText></TitleElement></TitleDetail>
<Subject><SubjectSchemeIdentifier>${scheme}</SubjectSchemeIdentifier><SubjectCode>${code}</SubjectCode></Subject></DescriptiveDetail></Product></ONIXMessage>`

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: categories and the subject table in the back office`, { timeout: 120_000 }, () => {
    let store: TestStore
    let app: ReturnType<typeof staffApp>
    let member: Member
    const reader = () => shopper((path, init) => Promise.resolve(app.request(path, init)))
    const tree = () => store.catalog.categories()
    const audit = (type: string, id: string) => store.audit.history(type, id)

    beforeAll(async () => {
      store = await testStore(dialect, { demoBooks: 40 })
      const cache = new PageCache(store.catalog, store.store.foreignCommits)
      await cache.start()
      app = staffApp(store, { pageCache: cache })
      member = await staffShopper(app, store, 'catalog')
    })
    afterAll(() => store?.cleanup())

    it('adds a category with both names under a parent, audited; a missing name is refused naming the field in each language', async () => {
      const res = await member.post('/admin/categories', { name_ko: '여행', name_en: 'Travel & Maps', id: '', parent: 'humanities' })
      expect(res.status).toBe(303)
      expect(res.headers.get('location')).toBe('/admin/categories/travel-maps?done=added')
      expect((await tree()).get('travel-maps')).toMatchObject({ parentId: 'humanities', name: { ko: '여행', en: 'Travel & Maps' } })
      const page = await (await member.get('/admin/categories')).text()
      expect(page).toContain('여행 / Travel &amp; Maps')
      expect((await audit('category', 'travel-maps'))[0]).toMatchObject({ action: 'create', changes: [{ field: 'name', before: null, after: { ko: '여행', en: 'Travel & Maps' } }, { field: 'parentId', after: 'humanities' }] })

      const refused = await member.post('/admin/categories', { name_ko: '지도', name_en: ' ', id: 'maps', parent: '' })
      expect(refused.status).toBe(400)
      expect(await refused.text()).toContain('영어 이름을(를) 입력해 주세요.')
      const english = await member.post('/admin/categories?lang=en', { name_ko: '지도', name_en: '', id: 'maps', parent: '' })
      expect(english.status).toBe(400)
      expect(await english.text()).toContain('Enter the English name.')
      const taken = await member.post('/admin/categories', { name_ko: '역사2', name_en: 'History 2', id: 'history', parent: '' })
      expect(await taken.text()).toContain('아이디 history인 분야가 이미 있습니다.')
      expect((await tree()).get('maps')).toBeUndefined()
    })

    it('renames in both languages: the shop\'s category page, cached before, shows the new names', async () => {
      const before = await (await reader().get('/categories/history-world')).text()
      expect(before).toContain('세계사')
      const res = await member.post('/admin/categories/history-world/rename', { name_ko: '세계의 역사', name_en: 'History of the World' })
      expect(res.status).toBe(303)
      expect(await (await reader().get('/categories/history-world')).text()).toContain('세계의 역사')
      expect(await (await reader().get('/categories/history-world?lang=en')).text()).toContain('History of the World')
      expect((await audit('category', 'history-world'))[0]).toMatchObject({
        action: 'edit',
        actor: `staff:${member.member.id}`,
        changes: [{ field: 'name', before: { ko: '세계사', en: 'World history' }, after: { ko: '세계의 역사', en: 'History of the World' } }],
      })
      const page = await (await member.get('/admin/categories/history-world')).text()
      expect(page).toContain('이름 바꾸기: 이름: 세계사 / World history → 세계의 역사 / History of the World')
    })

    it('moves a category with its books onto the new parent\'s shelf, and refuses a move under itself or a descendant', async () => {
      for (const parent of ['history', 'history-korea']) {
        const refused = await member.post('/admin/categories/history/move', { parent })
        expect(refused.status).toBe(400)
        expect(await refused.text()).toContain('분야를 자기 자신이나 그 하위 분야 아래로 옮길 수 없습니다.')
      }
      expect((await tree()).get('history')!.parentId).toBe('domestic')

      // A shelf outside history (and away from the merge below) that holds demo books.
      const { tree: before, books } = await store.catalog.categoryAdmin.overview()
      const moving = [...books.keys()].find((id) => before.get(id)!.children.length === 0 && !before.pathTo(id).some((c) => ['history', 'fiction'].includes(c.id)))!
      const oldParent = before.get(moving)!.parentId!
      const [book] = (await store.catalog.booksInCategory(moving, 1, 1)).books.items
      expect(book).toBeDefined()
      const res = await member.post(`/admin/categories/${moving}/move`, { parent: 'history' })
      expect(res.status).toBe(303)
      expect((await tree()).pathTo(moving).map((c) => c.id)).toEqual(['domestic', 'history', moving])
      // The shop's shelves come from the search rows: the moved books sit on the new parent's shelf, and no longer on the old one's.
      const shelf = async (id: string) => (await store.search.categoryListing(id, { q: '', page: 1, pageSize: 100, sort: 'newest' })).result.books.items.map((b) => b.isbn13)
      expect(await shelf('history')).toContain(book!.isbn13)
      expect(await shelf(oldParent)).not.toContain(book!.isbn13)
      expect((await audit('category', moving))[0]).toMatchObject({ action: 'move', changes: [{ field: 'parentId', before: oldParent, after: 'history' }] })
    })

    it('merges A into B: A\'s books, children and subject codes go to B, A is gone, and every change is audited', async () => {
      const { books } = await store.catalog.categoryAdmin.overview()
      const [from, into] = ['fiction-genre', 'fiction-world']
      const moved = await store.store.db.selectFrom('book_category').select('book_isbn13').where('category_id', '=', from).execute()
      expect(moved.length, 'demo books filed under the merged category').toBeGreaterThan(0)
      expect(books.get(from)).toBe(moved.length)
      expect((await member.post('/admin/categories', { name_ko: '추리', name_en: 'Mystery', id: 'fiction-mystery', parent: from })).status).toBe(303)
      expect((await member.post('/admin/categories/mapping', { scheme: 'thema', code: 'FF', categoryId: from })).status).toBe(303)

      const refused = await member.post(`/admin/categories/${from}/merge`, { into: 'fiction-mystery' })
      expect(refused.status).toBe(400)
      const res = await member.post(`/admin/categories/${from}/merge`, { into })
      expect(res.status).toBe(303)
      expect(res.headers.get('location')).toBe(`/admin/categories/${into}?done=merged`)

      const after = await tree()
      expect(after.get(from)).toBeUndefined()
      expect(after.get('fiction-mystery')!.parentId).toBe(into)
      const isbns = moved.map((r) => r.book_isbn13)
      for (const book of await store.catalog.findBooks(isbns)) {
        expect(book.categoryIds).toContain(into)
        expect(book.categoryIds).not.toContain(from)
      }
      expect(await store.store.db.selectFrom('book_category').select('book_isbn13').where('category_id', '=', from).execute()).toEqual([])
      expect(await store.catalog.categoryAdmin.mappings({ scheme: 'thema', text: 'FF' })).toContainEqual({ scheme: 'thema', code: 'FF', categoryId: into })
      const shelf = await (await reader().get(`/categories/${into}`)).text()
      const [first] = await store.catalog.findBooks([isbns[0]!])
      expect(shelf).toContain(first!.title)
      expect((await reader().get(`/categories/${from}`)).status).toBe(404)
      expect((await member.get(`/admin/categories/${from}`)).status).toBe(404)

      expect((await audit('category', from))[0]).toMatchObject({ action: 'merge', changes: expect.arrayContaining([{ field: 'mergedInto', before: null, after: into }, { field: 'books', before: isbns.length, after: 0 }, { field: 'children', before: 1, after: 0 }, { field: 'mappings', before: 1, after: 0 }]) })
      expect((await audit('category', into))[0]).toMatchObject({ action: 'merge', changes: expect.arrayContaining([{ field: 'mergedFrom', before: null, after: from }]) })
      const bookEntry = (await audit('book', isbns[0]!))[0]
      expect(bookEntry).toMatchObject({ action: 'bulk', changes: [{ field: 'categoryIds' }] })
      expect(bookEntry!.changes[0]!.before).toContain(from)
      expect(bookEntry!.changes[0]!.after).toContain(into)
    })

    it('deletes only an empty category, saying what a full one still holds', async () => {
      const full = await member.post('/admin/categories/fiction-world/delete', {})
      expect(full.status).toBe(400)
      const { books } = await store.catalog.categoryAdmin.overview()
      expect(await full.text()).toContain(`이 분야에는 아직 책 ${books.get('fiction-world')}권, 하위 분야 1개, 주제 코드 `)
      const english = await member.post('/admin/categories/fiction-world/delete?lang=en', {})
      expect(await english.text()).toMatch(/This category still has \d+ books, 1 subcategories and \d+ subject codes/)
      expect((await tree()).get('fiction-world')).toBeDefined()

      const res = await member.post('/admin/categories/travel-maps/delete', {})
      expect(res.status).toBe(303)
      expect((await tree()).get('travel-maps')).toBeUndefined()
      expect((await audit('category', 'travel-maps'))[0]).toMatchObject({ action: 'delete', changes: [{ field: 'name', before: { ko: '여행', en: 'Travel & Maps' }, after: null }, { field: 'parentId', before: 'humanities', after: null }] })
      for (const action of ['rename', 'move', 'merge', 'delete']) expect((await member.post(`/admin/categories/no-such-category/${action}`, {})).status, action).toBe(404)
      expect((await member.get('/admin/categories/no-such-category')).status).toBe(404)
      expect((await member.post('/admin/categories/mapping/edit', { scheme: 'bisac', code: 'ZZZ', categoryId: 'history' })).status).toBe(404)
    })

    it('edits the subject table, and the next import files a book by it', async () => {
      const bad = await member.post('/admin/categories/mapping', { scheme: 'kdc', code: 'ABC', categoryId: 'arts-music' })
      expect(bad.status).toBe(400)
      expect(await bad.text()).toContain('ABC은(는) KDC 코드의 형식이 아닙니다(예: 813.6).')
      const unknown = await member.post('/admin/categories/mapping?lang=en', { scheme: 'bic', code: 'AVN', categoryId: 'nowhere' })
      expect(await unknown.text()).toContain('category: there is no such category (nowhere).')

      expect((await member.post('/admin/categories/mapping', { scheme: 'bic', code: 'avn', categoryId: 'arts-art' })).status).toBe(303)
      const table = await (await member.get('/admin/categories/mapping?scheme=bic')).text()
      expect(table).toContain('<code>AVN</code>')
      expect(table).not.toContain('<code>HIS023</code>')
      expect((await member.post('/admin/categories/mapping/edit', { scheme: 'bic', code: 'AVN', categoryId: 'arts-music' })).status).toBe(303)
      expect((await audit('subject_mapping', 'bic:AVN')).map((e) => [e.action, e.changes])).toEqual([
        ['edit', [{ field: 'categoryId', before: 'arts-art', after: 'arts-music' }]],
        ['create', [{ field: 'categoryId', before: null, after: 'arts-art' }]],
      ])

      const isbn = isbn13FromPrefix('979119999990')
      const report = await store.importer.importFile('bic.xml', bytesOf(onixWithSubject(isbn, '12', 'AVNK')), { user: 'test' })
      expect(report.counts).toMatchObject({ records: 1, created: 1, rejected: 0 })
      expect((await store.catalog.getBook(isbn)).categoryIds).toEqual(['arts-music'])

      expect((await member.post('/admin/categories/mapping/delete', { scheme: 'bic', code: 'AVN' })).status).toBe(303)
      expect(await store.catalog.categoryAdmin.mappings({ scheme: 'bic', text: 'AVN' })).toEqual([])
      expect((await audit('subject_mapping', 'bic:AVN'))[0]).toMatchObject({ action: 'delete' })
      expect((await member.post('/admin/categories/mapping/delete', { scheme: 'bic', code: 'AVN' })).status).toBe(404)
    })

    it('keeps a book merged into another off the shelves when its category is renamed', async () => {
      const shelf = async (id: string) => (await store.search.categoryListing(id, { q: '', page: 1, pageSize: 100, sort: 'newest' })).result.books.items.map((b) => b.isbn13)
      const { books } = await store.catalog.categoryAdmin.overview()
      const categoryId = [...books].find(([, n]) => n >= 2)![0]
      const [keep, gone] = (await store.catalog.booksInCategory(categoryId, 1, 2)).books.items.map((b) => b.isbn13)
      await store.catalog.duplicates.merge(keep!, [gone!], { actor: 'test', actorName: 'test', via: 'test' })
      expect(await shelf(categoryId)).not.toContain(gone)
      expect((await member.post(`/admin/categories/${categoryId}/rename`, { name_ko: '새 이름', name_en: 'New name' })).status).toBe(303)
      expect(await shelf(categoryId)).toContain(keep)
      expect(await shelf(categoryId)).not.toContain(gone)
    })

    it('lets a viewer read but not change, and refuses a post without the form token', async () => {
      const viewer = await staffShopper(app, store, 'viewer')
      const page = await viewer.get('/admin/categories/history')
      expect(page.status).toBe(200)
      expect(await page.text()).not.toContain('/admin/categories/history/rename')
      expect((await viewer.get('/admin/categories/mapping')).status).toBe(200)
      for (const path of ['/admin/categories', '/admin/categories/history/rename', '/admin/categories/history/delete', '/admin/categories/mapping']) {
        expect((await viewer.post(path, { name_ko: '가', name_en: 'A', scheme: 'bisac', code: 'ART', categoryId: 'history' })).status, path).toBe(403)
      }
      const forged = await member.send('POST', '/admin/categories/history/rename', { name_ko: '가짜', name_en: 'Forged' })
      expect(forged.status).toBe(403)
      expect((await tree()).get('history')!.name.en).toBe('History')
    })
  })
}

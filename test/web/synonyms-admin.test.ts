import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isbn13FromPrefix, parseBookInput } from '../../src/catalog'
import { testDialects } from '../dialects'
import { testStore, type TestStore } from '../helpers'
import { staffApp, staffShopper } from '../support/staff'

const javascript = parseBookInput({ isbn13: isbn13FromPrefix('979119999100'), title: '자바스크립트 완벽 가이드', language: 'kor' })

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: search synonyms in the back office`, { timeout: 120_000 }, () => {
    let store: TestStore
    let app: ReturnType<typeof staffApp>
    const found = async (q: string) => (await store.search.search({ q, page: 1, pageSize: 10 })).books.items.map((b) => b.isbn13)

    beforeAll(async () => {
      store = await testStore(dialect, { demoBooks: 5 })
      await store.catalog.saveBooks([javascript])
      app = staffApp(store)
    })
    afterAll(async () => {
      await store?.cleanup()
    })

    it('a catalog member adds, edits and deletes a synonym; searches follow at once and each change is in the audit log', async () => {
      const member = await staffShopper(app, store, 'catalog')
      expect(await found('자스')).toEqual([])
      const added = await member.post('/admin/search/synonyms', { term: ' 자스 ', expansion: '자바스크립트' })
      expect(added.status).toBe(303)
      expect(await found('자스')).toEqual([javascript.isbn13])
      const list = await (await member.get('/admin/search/synonyms?done=saved')).text()
      expect(list).toContain('자바스크립트')
      expect(list).toContain('저장했습니다.')
      // Saving the term again replaces its expansion: one row, an edit in the history.
      expect((await member.post('/admin/search/synonyms', { term: '자스', expansion: '가이드' })).status).toBe(303)
      expect((await store.search.synonyms.all()).map((s) => [s.term, s.expansion])).toEqual([['자스', '가이드']])
      const history = await store.audit.history('synonym', '자스')
      expect(history.map((e) => e.action)).toEqual(['edit', 'create'])
      expect(history[0]).toMatchObject({ recordType: 'synonym', changes: [{ field: 'expansion', before: '자바스크립트', after: '가이드' }] })
      const one = await member.get(`/admin/search/synonyms/${encodeURIComponent('자스')}?lang=en`)
      expect(one.status).toBe(200)
      expect(await one.text()).toContain('Also search for')
      expect((await member.post(`/admin/search/synonyms/${encodeURIComponent('자스')}/delete`, {})).status).toBe(303)
      expect(await found('자스')).toEqual([])
      expect((await store.audit.history('synonym', '자스'))[0]!.action).toBe('delete')
    })

    it('refuses an empty or too long field, naming it in the page language, and writes nothing', async () => {
      const member = await staffShopper(app, store, 'catalog')
      const empty = await member.post('/admin/search/synonyms?lang=en', { term: 'js', expansion: '  ' })
      expect(empty.status).toBe(400)
      expect(await empty.text()).toContain('Enter the also search for.')
      const long = await member.post('/admin/search/synonyms', { term: 'x'.repeat(101), expansion: 'javascript' })
      expect(long.status).toBe(400)
      expect(await long.text()).toContain('검색어이(가) 너무 깁니다 (100자까지).')
      expect(await store.search.synonyms.all()).toEqual([])
    })

    it('lets a viewer read but not change, and answers 404 for an unknown term', async () => {
      const viewer = await staffShopper(app, store, 'viewer')
      const page = await viewer.get('/admin/search/synonyms')
      expect(page.status).toBe(200)
      expect(await page.text()).not.toContain('name="expansion"')
      expect((await viewer.post('/admin/search/synonyms', { term: 'js', expansion: 'javascript' })).status).toBe(403)
      const member = await staffShopper(app, store, 'catalog')
      expect((await member.get('/admin/search/synonyms/nothing-here')).status).toBe(404)
      expect((await member.post('/admin/search/synonyms/nothing-here/delete', {})).status).toBe(404)
    })
  })
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseBookInput, parseIsbn } from '../../src/catalog'
import { generatedBook } from '../../src/demo'
import { testDialects } from '../dialects'
import { testApp, testStore, type TestStore } from '../helpers'

const SEED = '9788962633245'
const book = (n: number, over: Record<string, unknown>) => parseBookInput({ ...generatedBook(n), ...over })

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: author and series pages`, { timeout: 60_000 }, () => {
    let store: TestStore
    let app: ReturnType<typeof testApp>
    const isbn = (n: number) => generatedBook(n).isbn13
    beforeAll(async () => {
      store = await testStore(dialect, { demoBooks: 1 })
      await store.catalog.saveBooks([
        book(101, { title: '바다의 책 2', series: '바다 총서', seriesNumber: 'Vol. 2', issuedOn: '2021-05-01', contributors: [{ name: '한바다', role: 'author' }] }),
        book(102, { title: '바다의 책 1', series: '바다 총서', seriesNumber: '1', issuedOn: '2020-01-01', contributors: [{ name: '한바다', role: 'author' }, { name: 'Kim Lee', role: 'translator' }] }),
        book(103, { title: '바다의 책 3', series: '바다 총서', seriesNumber: 'III', issuedOn: '2024-03-01', contributors: [{ name: '한바다', role: 'editor' }] }),
        book(104, { title: '다른 책', series: null, seriesNumber: null, issuedOn: '2019-01-01', contributors: [{ name: 'Kim Lee', role: 'author' }] }),
      ])
      app = testApp(store)
    })
    afterAll(() => store?.cleanup())

    const cards = (page: string) => [...page.matchAll(/<li class="card"><a href="\/books\/(\d{13})/g)].map((m) => m[1])

    it("lists a person's books newest first, with their roles, sortable, and links to it from each byline", async () => {
      const res = await app.request(`/authors/${encodeURIComponent('한바다')}`)
      expect(res.status).toBe(200)
      const page = await res.text()
      expect(page).toContain('<h1>한바다</h1>')
      expect(page).toContain('한바다의 책 3권')
      expect(cards(page)).toEqual([isbn(103), isbn(101), isbn(102)])
      expect(page).toMatch(/<p class="roles"><span>맡은 일:<\/span> [^<,]+, [^<,]+<\/p>/)
      expect(cards(await (await app.request(`/authors/${encodeURIComponent('한바다')}?sort=old`)).text())).toEqual([isbn(102), isbn(101), isbn(103)])
      expect(cards(await (await app.request(`/authors/${encodeURIComponent('한바다')}?sort=title`)).text())).toEqual([isbn(102), isbn(101), isbn(103)])
      const product = await (await app.request(`/books/${isbn(102)}`)).text()
      expect(product).toContain(`<a href="/authors/${encodeURIComponent('Kim Lee')}">Kim Lee</a>`)
      const english = await (await app.request(`/authors/${encodeURIComponent('Kim Lee')}?lang=en`)).text()
      expect(english).toContain('2 books with Kim Lee')
      expect((await app.request(`/authors/${encodeURIComponent('Nobody Here')}`)).status).toBe(404)
    })

    it('lists a series in the order of its numbers, and each volume links to the next', async () => {
      const page = await (await app.request(`/series/${encodeURIComponent('바다 총서')}?lang=en`)).text()
      expect(page).toContain('The 바다 총서 series')
      expect(cards(page)).toEqual([isbn(102), isbn(101), isbn(103)])
      expect(page).toContain('<span class="why">Vol. 2</span>')
      expect(page).toContain('<span class="why">Vol. III</span>')
      const first = await (await app.request(`/books/${isbn(102)}?lang=en`)).text()
      expect(first).toContain(`Next in the series: <a href="/books/${isbn(101)}?lang=en">`)
      expect(first).toContain(`<a href="/series/${encodeURIComponent('바다 총서')}?lang=en">바다 총서</a>`)
      const last = await (await app.request(`/books/${isbn(103)}`)).text()
      expect(last).not.toContain('class="next-volume"')
      expect((await app.request(`/series/${encodeURIComponent('없는 총서')}`)).status).toBe(404)
      // The seed book is in no series: no link, no next.
      expect(await (await app.request(`/books/${parseIsbn(SEED)}`)).text()).not.toContain('class="next-volume"')
    })
  })
}

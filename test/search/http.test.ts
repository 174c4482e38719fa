import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDialects } from '../dialects'
import { demoStore } from './fixture'

const SEED = '9788962633245'

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: search over HTTP`, () => {
    let store: Awaited<ReturnType<typeof demoStore>>
    beforeAll(async () => {
      store = await demoStore(dialect, 400)
    })
    afterAll(() => store.cleanup())

    const json = async (url: string) => {
      const res = await store.app.request(url)
      return { status: res.status, body: (await res.json()) as any }
    }

    it.each(['중국 러시아', 'China Russia', '러시아', SEED, '978-89-6263-324-5', '8962633248'])('finds the seed book by "%s" on the first page', async (q) => {
      const { status, body } = await json(`/api/v1/search?q=${encodeURIComponent(q)}`)
      expect(status).toBe(200)
      expect(body.books.items.map((b: { isbn13: string }) => b.isbn13).slice(0, 24)).toContain(SEED)
    })

    it('renders results with highlights, facets, sorting and paging links', async () => {
      const res = await store.app.request(`/search?q=${encodeURIComponent('역사')}`)
      const page = await res.text()
      expect(res.status).toBe(200)
      expect(page).toContain('<mark>역사</mark>')
      expect(page).toMatch(/<aside class="facets"/)
      expect(page).toContain('sort=price')
      expect(page).toContain('class="pager"')
      expect(page).toContain('value="역사"')
    })

    it('filters and sorts: prices ascend, only the asked format is shown', async () => {
      const { body } = await json('/api/v1/search?q=&format=hardcover&sort=price')
      const prices = body.books.items.map((b: any) => b.salePrice ?? b.listPrice)
      expect(prices.length).toBeGreaterThan(1)
      expect([...prices].sort((a, b) => a - b)).toEqual(prices)
      expect(body.books.items.every((b: any) => b.format === 'hardcover')).toBe(true)
      expect(body.facets.formats).toEqual([{ value: 'hardcover', count: body.books.total, isSelected: true }])
    })

    it('counts facets for the current query', async () => {
      const { body } = await json('/api/v1/search?q=%EB%9F%AC%EC%8B%9C%EC%95%84')
      const byFormat = body.facets.formats.reduce((n: number, f: any) => n + f.count, 0)
      expect(byFormat).toBe(body.books.total)
      expect(body.facets.categories.length).toBeGreaterThan(0)
      for (const c of body.facets.categories) expect(c.count).toBeLessThanOrEqual(body.books.total)
    })

    it('narrows a search to a category and offers to widen it again', async () => {
      const { body } = await json('/api/v1/search?q=%EB%9F%AC%EC%8B%9C%EC%95%84&category=history')
      expect(body.facets.categories[0]).toMatchObject({ value: 'history', isSelected: true, count: body.books.total })
      expect(body.facets.categories.slice(1).every((c: any) => c.value.startsWith('history-'))).toBe(true)
      const page = await (await store.app.request('/search?q=%EB%9F%AC%EC%8B%9C%EC%95%84&category=history')).text()
      expect(page).toContain('<a href="/search?q=%EB%9F%AC%EC%8B%9C%EC%95%84" aria-label="조건 빼기: 역사"><strong>역사</strong> ✕</a>')
    })

    it('lists every shelf on the category tree page', async () => {
      const res = await store.app.request('/categories?lang=en')
      const page = await res.text()
      expect(res.status).toBe(200)
      expect(page).toContain('<a href="/categories/history-world?lang=en">World history</a>')
    })

    it('gives category pages the same facets and sorting', async () => {
      const res = await store.app.request('/categories/history?sort=newest&in_stock=1')
      const page = await res.text()
      expect(res.status).toBe(200)
      expect(page).toMatch(/<aside class="facets"/)
      expect(page).toContain('href="/categories/history-world?in_stock=1&amp;sort=newest"')
      expect(page).toMatch(/<span aria-current="true">최신순<\/span>/)
    })

    it('offers a correction when a word is misspelt, and a helpful page when nothing matches', async () => {
      expect((await json('/api/v1/search?q=Revolutoin')).body.didYouMean).toBe('revolution')
      const res = await store.app.request('/search?q=zxqvjk')
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('‘zxqvjk’에 맞는 책이 없습니다.')
      const filtered = await (await store.app.request('/search?q=%EB%9F%AC%EC%8B%9C%EC%95%84&publisher=Nobody')).text()
      expect(filtered).toContain('<a href="/search?q=%EB%9F%AC%EC%8B%9C%EC%95%84">조건 모두 지우기</a>')
      const empty = await store.app.request('/search?lang=en')
      expect(await empty.text()).toContain('Search by title, author, publisher or ISBN')
    })

    it('suggests up to eight titles, people and categories', async () => {
      const { status, body } = await json(`/api/v1/suggest?q=${encodeURIComponent('중국과')}`)
      expect(status).toBe(200)
      expect(body.suggestions.length).toBeGreaterThan(0)
      expect(body.suggestions.length).toBeLessThanOrEqual(8)
      expect(body.suggestions.map((s: any) => s.path)).toContain(`/books/${SEED}`)
      const initials = await json(`/api/v1/suggest?q=${encodeURIComponent('ㅈㄱㄱ ㄹㅅㅇ')}`)
      expect(initials.body.suggestions.map((s: any) => s.path)).toContain(`/books/${SEED}`)
      expect((await json('/api/v1/suggest?q=')).body.suggestions).toEqual([])
      // Titles that spell the word out come before those that match only by a subtitle or series.
      const titles = (await json(`/api/v1/suggest?q=${encodeURIComponent('중국')}`)).body.suggestions.filter((s: any) => s.kind === 'title').map((s: any) => s.label as string)
      expect(titles[0]).toContain('중국')
      const firstOther = titles.findIndex((t: string) => !t.includes('중국'))
      if (firstOther >= 0) expect(titles.slice(firstOther).filter((t: string) => t.includes('중국'))).toEqual([])
    })

    it('serves the suggestion script, under 3 KB, from every page', async () => {
      const page = await (await store.app.request('/')).text()
      const src = /<script src="(\/assets\/suggest\.[0-9a-f]+\.js)" defer>/.exec(page)?.[1]
      expect(src).toBeDefined()
      expect(page).toContain('data-suggest-label="추천 검색어"')
      const res = await store.app.request(src!)
      expect(res.headers.get('content-type')).toMatch(/javascript/)
      const body = await res.text()
      expect(body.length).toBeLessThan(3072)
      expect(body).toContain("setAttribute('role', 'combobox')")
    })

    describe('bad input', () => {
      it.each([
        ['FTS syntax', '"NEAR(러시아 * -중국): title:x OR (y AND z)^'],
        ['SQL fragments', "'; DROP TABLE book; -- ' OR 1=1 UNION SELECT * FROM search_doc"],
        ['control characters', 'a\u0000b\u0007c\u001b[0m\u202e'],
        ['only punctuation', '*** ((( ---'],
      ])('treats %s as plain text', async (_, q) => {
        const api = await json(`/api/v1/search?q=${encodeURIComponent(q)}`)
        expect(api.status).toBe(200)
        expect(api.body.books.total).toBeGreaterThanOrEqual(0)
        expect((await store.app.request(`/search?q=${encodeURIComponent(q)}`)).status).toBe(200)
        expect(await store.catalog.countBooks()).toBe(401)
      })

      it('cuts a 10,000-character query with a notice', async () => {
        const q = 'china '.repeat(2000).slice(0, 10_000)
        const api = await json(`/api/v1/search?q=${encodeURIComponent(q)}`)
        expect(api.status).toBe(200)
        expect(api.body.isTruncated).toBe(true)
        expect(api.body.q.length).toBeLessThanOrEqual(200)
        const page = await (await store.app.request(`/search?q=${encodeURIComponent(q)}`)).text()
        expect(page).toContain('검색어가 길어 앞의 200자만 찾았습니다.')
      })

      it('survives lone surrogates and broken percent-encoding', async () => {
        // %ED%A0%80 is a lone high surrogate written as UTF-8; the others are cut or invalid sequences.
        for (const raw of ['%ED%A0%80', 'a%ED%B0%80b', '%E0%A4%A', '%FF%FE', '%']) {
          const res = await store.app.request(`/api/v1/search?q=${raw}`)
          expect(res.status).toBeLessThan(500)
        }
      })

      it.each([
        ['page=0', /^Page number must be at least 1\.$/],
        ['page=10001', /^Page number must be at most 10000\.$/],
        ['page=abc', /^Page number must be a number\.$/],
        ['price_min=-1', /^Lowest price must be at least 0\.$/],
        ['price_min=3000&price_max=1000', /^The lowest price is above the highest price\.$/],
        ['format=vinyl', /^Format must be one of: paperback, hardcover/],
        ['sort=cheapest', /^Sort must be one of: relevance/],
        ['in_stock=maybe', /^Stock must be one of: (0, 1|1, 0)/],
        ['language=korean', /^Language is not in the expected form\.$/],
        ['year=twenty', /^Year must be a number\.$/],
      ])('answers %s with a 400 and the reason', async (query, reason) => {
        const { status, body } = await json(`/api/v1/search?q=x&${query}&lang=en`)
        expect(status).toBe(400)
        expect(body.error.message).toMatch(reason)
        expect((await store.app.request(`/search?q=x&${query}`)).status).toBe(400)
      })

      it('gives an empty page past the last one and for unknown facet values', async () => {
        const far = await json('/api/v1/search?q=%EB%9F%AC%EC%8B%9C%EC%95%84&page=9999')
        expect(far.status).toBe(200)
        expect(far.body.books.items).toEqual([])
        expect(far.body.books.total).toBeGreaterThan(0)
        for (const q of ['category=no-such-shelf', 'publisher=Nobody%20Press', 'language=xxx', 'year=1200']) {
          const r = await json(`/api/v1/search?q=&${q}`)
          expect(r.status).toBe(200)
          expect(r.body.books.total).toBe(0)
        }
        expect((await store.app.request('/categories/no-such-shelf')).status).toBe(404)
      })

      it('never fails, whatever the query string', async () => {
        await fc.assert(
          fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom('/api/v1/search', '/search', '/api/v1/suggest'), async (q, path) => {
            const res = await store.app.request(`${path}?q=${encodeURIComponent(q.replace(/[\ud800-\udfff]/g, ''))}`)
            expect(res.status).toBe(200)
            const raw = await store.app.request(`${path}?q=${q.replace(/[#&%\s]/g, '')}`)
            expect(raw.status).toBeLessThan(500)
          }),
          { numRuns: 150 },
        )
      })
    })
  })
}

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: broad queries`, () => {
    let store: Awaited<ReturnType<typeof demoStore>>
    beforeAll(async () => {
      store = await demoStore(dialect, 400, { sampleSize: 40, countCap: 100 })
    })
    afterAll(() => store.cleanup())

    it('answer in relevance order from the best matches, with the exact total and a note', async () => {
      const res = await store.app.request(`/api/v1/search?q=${encodeURIComponent('역사')}`)
      const body = (await res.json()) as any
      const covered = body.sampled.covered
      expect(body.sampled.best).toBe(40)
      expect(covered).toBe(40)
      // 역사 is in most of the 400 books: counting stops at the cap, and the page says "100+".
      expect(body.books.total).toBe(100)
      expect(body.isTotalAtLeast).toBe(true)
      expect(body.facets.formats.reduce((n: number, f: any) => n + f.count, 0)).toBe(covered)
      // Titles that spell the word out come first.
      const titles: string[] = body.books.items.map((b: any) => b.title)
      expect(titles[0]).toContain('역사')
      const firstOther = titles.findIndex((t) => !t.includes('역사'))
      if (firstOther >= 0) expect(titles.slice(firstOther).filter((t) => t.includes('역사'))).toEqual([])
      const page = await (await store.app.request(`/search?q=${encodeURIComponent('역사')}`)).text()
      expect(page).toContain('가장 잘 맞는 40권 안에서')
      expect(page).toContain('100권 이상')
      const pages = Math.ceil(covered / 24)
      expect(page).toContain(`aria-label="${pages}쪽"`)
      expect(page).not.toContain(`aria-label="${pages + 1}쪽"`)
    })

    it('count every match when sorted otherwise', async () => {
      const body = (await (await store.app.request(`/api/v1/search?q=${encodeURIComponent('역사')}&sort=newest`)).json()) as any
      const sampled = (await (await store.app.request(`/api/v1/search?q=${encodeURIComponent('역사')}`)).json()) as any
      expect(body.sampled).toBeNull()
      // Exact, where the relevance answer stopped counting at its cap.
      expect(body.isTotalAtLeast).toBe(false)
      expect(sampled.isTotalAtLeast).toBe(true)
      expect(body.books.total).toBeGreaterThan(sampled.books.total)
      expect(body.facets.formats.reduce((n: number, f: any) => n + f.count, 0)).toBe(body.books.total)
    })
  })
}

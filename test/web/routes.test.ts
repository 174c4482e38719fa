import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseBookInput } from '../../src/catalog'
import { seedBook } from '../../src/demo'
import { testDialects } from '../dialects'
import { testApp, testStore, type TestStore } from '../helpers'

let store: TestStore
let app: ReturnType<typeof testApp>
const SEED = '9788962633245'

const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers })

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: pages and API`, () => {
    beforeAll(async () => {
      store = await testStore(dialect, { demoBooks: 120 })
      app = testApp(store)
    })
    afterAll(() => store.cleanup())

    describe('product page', () => {
      it('serves the seed book in Korean by default with every section', async () => {
        const res = await get(`/books/${SEED}`)
        expect(res.status).toBe(200)
        expect(res.headers.get('content-type')).toMatch(/text\/html/)
        const page = await res.text()
        expect(page).toContain('<html lang="ko">')
        for (const id of ['product-info', 'introduction', 'contents', 'review', 'specifics', 'related', 'categories']) expect(page).toContain(`id="${id}"`)
        expect(page).toMatch(/<a class="skip" href="#product-info">상품 정보로 건너뛰기<\/a>/)
        expect(page).toContain('<h1 id="book-title">중국과 러시아</h1>')
        expect(page).toContain('368쪽 | 148*217*30mm')
        expect(page).toContain('2025년 10월 20일')
        expect(page).toContain('8962633248')
        expect(page).toContain('01</span><span>Beijing 1618: Encountering the Unknown')
        expect(page).toContain('12</span><span>Kiiu 2022: Interpreting War')
        expect(page).toContain('세계사')
      })

      it('serves English by ?lang=en; an English browser gets what the URL says, with the other language offered', async () => {
        const korean = await get(`/books/${SEED}`, { 'accept-language': 'en-US,en;q=0.9' })
        expect(korean.headers.get('vary') ?? '').not.toContain('Accept-Language')
        const koPage = await korean.text()
        expect(koPage).toContain('<html lang="ko">')
        expect(koPage).toContain(`<link rel="canonical" href="/books/${SEED}">`)
        expect(koPage).toContain(`<p class="lang-offer wrap" data-offer-lang="en" hidden><a href="/books/${SEED}?lang=en" lang="en" hreflang="en">This page is also in English</a></p>`)
        for (const res of [await get(`/books/${SEED}?lang=en`)]) {
          const page = await res.text()
          // The publisher's Korean texts stay, marked and labelled as Korean.
          expect(page).toMatch(/<p class="in-other-lang">\(in Korean\)<\/p><div class="rich" lang="ko">/)
          expect(page).toContain('<html lang="en">')
          expect(page).toContain('<h1 id="book-title">China and Russia</h1>')
          expect(page).toContain('Skip to product information')
          expect(page).toContain('368 pages | 148*217*30mm')
          expect(page).toContain('October 20, 2025')
          expect(page).toContain('World history')
        }
      })

      it('carries title, description, canonical, Open Graph and Book JSON-LD in the head', async () => {
        const page = await (await get(`/books/${SEED}`)).text()
        expect(page).toMatch(/<title>중국과 러시아 \| 콜로폰 서점<\/title>/)
        expect(page).toMatch(/<meta name="description" content="[^"]{20,}">/)
        expect(page).toContain(`<link rel="canonical" href="/books/${SEED}">`)
        expect(page).toContain('<meta property="og:type" content="book">')
        const ld = JSON.parse(page.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)![1]!)
        expect(ld).toMatchObject({
          '@type': 'Book',
          isbn: SEED,
          name: '중국과 러시아',
          datePublished: '2025-10-20',
          numberOfPages: 368,
          offers: { '@type': 'Offer', price: 21600, priceCurrency: 'KRW', availability: 'https://schema.org/InStock' },
        })
      })

      it('shows at least six related books and never the book itself', async () => {
        const page = await (await get(`/books/${SEED}`)).text()
        const related = page.split('id="related"')[1]!.split('</section>')[0]!
        const links = [...related.matchAll(/href="\/books\/(\d{13})"/g)].map((m) => m[1])
        expect(links.length).toBeGreaterThanOrEqual(6)
        expect(links).not.toContain(SEED)
      })

      it.each(['978-89-6263-324-5', '8962633248', '89-6263-324-8', '978 89 6263 324 5'])('redirects %s to the canonical URL', async (form) => {
        const res = await get(`/books/${encodeURIComponent(form)}`)
        expect(res.status).toBe(301)
        expect(res.headers.get('location')).toBe(`/books/${SEED}`)
      })

      it('keeps an explicit choice of Korean over an English browser in every link', async () => {
        const page = await (await get(`/books/${SEED}?lang=ko`, { 'accept-language': 'en-US' })).text()
        expect(page).toContain('<html lang="ko">')
        expect(page).toMatch(/class="brand" href="\/\?lang=ko"/)
        expect(page).toContain(`<link rel="canonical" href="/books/${SEED}">`)
        expect(page).toMatch(/class="lang" href="\/books\/9788962633245\?lang=en"/)
        const bare = await (await get(`/books/${SEED}`)).text()
        expect(bare).toMatch(/class="brand" href="\/"/)
      })

      it('keeps the language through the redirect', async () => {
        const res = await get('/books/8962633248?lang=en')
        expect(res.headers.get('location')).toBe(`/books/${SEED}?lang=en`)
      })

      it.each([
        ['9788962633246', '확인 숫자가 맞지 않습니다(5이어야 합니다)'],
        ['97889626332', '11자리입니다'],
        ['978896263324X', '숫자가 아닌 글자'],
        ['hello', '5자리입니다'],
      ])('answers a malformed ISBN %s with 400 and the reason', async (isbn, reason) => {
        const res = await get(`/books/${isbn}`)
        expect(res.status).toBe(400)
        const page = await res.text()
        expect(page).toContain(reason)
        expect(page).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/)
      })

      it('answers an unknown ISBN with a 404 page', async () => {
        const res = await get('/books/9791199999985')
        expect(res.status).toBe(404)
        expect(await res.text()).toContain('찾을 수 없는 페이지')
      })

      it('never lets script from book texts reach the page', async () => {
        const evil = parseBookInput({
          ...seedBook,
          isbn13: '9791199999985',
          descriptionHtml: '<p onmouseover="steal()">Hello<script>alert("x")</script><a href="javascript:alert(1)">link</a></p>',
          reviewHtml: '<img src=x onerror="alert(2)"><h2>Sub</h2>',
        })
        await store.catalog.saveBooks([evil])
        const page = await (await get('/books/9791199999985')).text()
        const body = page.split('id="introduction"')[1]!
        expect(body).toContain('Hello')
        expect(body).not.toMatch(/alert|onmouseover|onerror|javascript:/)
      })
    })

    describe('JSON API', () => {
      it('returns the same record as JSON', async () => {
        const res = await get(`/api/v1/books/${SEED}`)
        expect(res.status).toBe(200)
        expect(await res.json()).toMatchObject({ isbn13: SEED, isbn10: '8962633248', title: '중국과 러시아', pageCount: 368 })
      })

      it('redirects other ISBN forms, rejects malformed ones and 404s unknown ones as JSON', async () => {
        expect((await get('/api/v1/books/8962633248')).headers.get('location')).toBe(`/api/v1/books/${SEED}`)
        const bad = await get('/api/v1/books/9788962633246')
        expect(bad.status).toBe(400)
        expect(await bad.json()).toEqual({ error: { code: 'isbn_check_digit', field: 'isbn', message: expect.stringContaining('확인 숫자') } })
        const english = await get('/api/v1/books/9788962633246?lang=en')
        expect((await english.json()).error.message).toBe('The check digit of the ISBN “9788962633246” is wrong (expected 5).')
        const missing = await get('/api/v1/books/9791199999978')
        expect(missing.status).toBe(404)
        expect(await missing.json()).toEqual({ error: { code: 'not_found', message: '찾을 수 없습니다.' } })
      })
    })

    describe('home, categories, covers, assets', () => {
      it('serves the home page with new arrivals and the category tree', async () => {
        const page = await (await get('/')).text()
        expect(page).toContain('새로 나온 책')
        expect(page).toContain('href="/categories/history-world"')
        expect((page.split('id="new-h"')[1]!.match(/class="card"/g) ?? []).length).toBeGreaterThanOrEqual(6)
      })

      it('pages through a category', async () => {
        // The top shelf holds every book: more than one page of them.
        const first = await (await get('/categories/domestic')).text()
        expect(first).toContain('<span aria-current="page">국내도서</span>')
        expect(first).toContain('href="/categories/domestic?page=2"')
        const second = await get('/categories/domestic?page=2&lang=en')
        expect(second.status).toBe(200)
        expect(await second.text()).toContain('Domestic books')
      })

      it.each(['page=0', 'page=-1', 'page=abc', 'page=99999999'])('rejects a bad page number (%s) with 400', async (q) => {
        expect((await get(`/categories/history?${q}`)).status).toBe(400)
      })

      it('404s an unknown category and an unknown path', async () => {
        expect((await get('/categories/nope')).status).toBe(404)
        expect((await get('/nope')).status).toBe(404)
        expect((await get('/api/nope')).status).toBe(404)
      })

      it('draws a cover for a book that has none, under a URL that changes with its title', async () => {
        const page = await (await get(`/books/${SEED}`)).text()
        const src = page.match(/<figure class="cover"><img src="(\/covers\/\d{13}-[0-9a-z]+\.svg)"/)![1]!
        expect((await get(`/covers/${SEED}.svg`)).headers.get('location')).toBe(src)
        const res = await get(src)
        expect(res.status).toBe(200)
        expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
        expect(res.headers.get('content-type')).toMatch(/image\/svg\+xml/)
        expect(await res.text()).toMatch(/^<svg[^>]+aria-label="중국과 러시아"/)
      })

      it('serves hashed assets with a year-long immutable cache', async () => {
        const page = await (await get('/')).text()
        const css = page.match(/href="(\/assets\/site\.[0-9a-f]{10}\.css)"/)![1]!
        const res = await get(css)
        expect(res.status).toBe(200)
        expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
        expect((await get('/assets/site.0000000000.css')).status).toBe(404)
      })
    })
  })
}

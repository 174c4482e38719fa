import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp, testStore, type TestStore } from '../helpers'
import { sqlite } from '../dialects'

let store: TestStore
let app: ReturnType<typeof testApp>

beforeAll(async () => {
  store = await testStore(sqlite, { demoBooks: 30 })
  app = testApp(store)
})
afterAll(() => store.cleanup())

describe('sqlite: robots.txt and sitemaps', () => {
  it('points robots at the sitemap index and keeps them out of the API and cart', async () => {
    const text = await (await app.request('/robots.txt')).text()
    expect(text).toContain('Sitemap: http://localhost/sitemap.xml')
    expect(text).toContain('Disallow: /api/')
  })

  it('lists every book on sale with its English alternate', async () => {
    const index = await (await app.request('/sitemap.xml')).text()
    expect(index).toContain('<loc>http://localhost/sitemaps/books-1.xml</loc>')
    const books = await (await app.request('/sitemaps/books-1.xml')).text()
    expect(books.match(/<url>/g)).toHaveLength(31)
    expect(books).toContain('<loc>http://localhost/books/9788962633245</loc>')
    expect(books).toContain('hreflang="en" href="http://localhost/books/9788962633245?lang=en"')
    expect((await app.request('/sitemaps/books-2.xml')).status).toBe(404)
    expect((await app.request('/sitemaps/books-0.xml')).status).toBe(404)
  })

  it('lists the category pages', async () => {
    const text = await (await app.request('/sitemaps/categories.xml')).text()
    expect(text).toContain('<loc>http://localhost/categories/history-world</loc>')
  })
})

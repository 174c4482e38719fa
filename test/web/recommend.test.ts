import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseIsbn } from '../../src/catalog'
import { startServer, type RunningServer } from '../../src/web/server'
import { testApp, testServices, testStore, type TestStore } from '../helpers'
import { sqlite } from '../dialects'

let store: TestStore
let app: ReturnType<typeof testApp>
const SEED = '9788962633245'
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36'
const related = (page: string) => page.split('id="related"')[1]!.split('</section>')[0]!
const isbnsIn = (block: string) => [...block.matchAll(/href="\/books\/(\d{13})/g)].map((m) => m[1]!)

beforeAll(async () => {
  store = await testStore(sqlite, { demoBooks: 200 })
  app = testApp(store)
})
afterAll(() => store.cleanup())

/** A book on sale that shares nothing with the seed book, so only purchases can pair them. */
async function partnerOfSeed(): Promise<string> {
  const row = await store.store.db
    .selectFrom('book')
    .select('isbn13')
    .where('on_sale', '=', 1)
    .where('isbn13', 'not in', (eb) => eb.selectFrom('book_category').select('book_isbn13').where('category_id', 'in', ['history-world', 'politics-international']))
    .orderBy('isbn13')
    .executeTakeFirstOrThrow()
  return row.isbn13
}

function groupBy<T>(list: T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>()
  for (const t of list) map.set(key(t), [...(map.get(key(t)) ?? []), t])
  return map
}

async function events(kind: string) {
  await store.recommend.events.flush()
  return store.store.db.selectFrom('reco_event').selectAll().where('kind', '=', kind).execute()
}

describe('sqlite: recommendations', () => {
  it('falls back on the category ranking, with reasons, before any rebuild', async () => {
    const page = await (await app.request(`/books/${SEED}`)).text()
    const shelf = related(page)
    expect(isbnsIn(shelf).length).toBeGreaterThanOrEqual(6)
    expect(shelf).toMatch(/class="why">(세계사|국제관계) 분야 더 보기</)
  })

  it('records a shopper view with a new session cookie, but not a crawler’s', async () => {
    const before = (await events('view')).length
    const res = await app.request(`/books/${SEED}`, { headers: { 'user-agent': BROWSER } })
    expect(res.headers.get('set-cookie')).toMatch(/^sid=[\w-]{22}\.[\w-]{22};.*HttpOnly; SameSite=Lax/)
    await app.request(`/books/${SEED}`, { headers: { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1)' } })
    const views = await events('view')
    expect(views.length).toBe(before + 1)
    expect(views.at(-1)!.isbn13).toBe(SEED)
  })

  it('learns from purchases: after a rebuild the seed page shows what its buyers bought, in Korean and English', async () => {
    const partner = await partnerOfSeed()
    for (let s = 0; s < 5; s++) {
      store.recommend.events.record(`buyer-${s}`, SEED, 'purchase')
      store.recommend.events.record(`buyer-${s}`, partner, 'purchase')
    }
    await store.recommend.events.flush()
    const stats = await store.recommend.rebuild()
    expect(stats.lists).toBe(201)
    const ko = related(await (await app.request(`/books/${SEED}`)).text())
    expect(isbnsIn(ko)[0]).toBe(partner)
    expect(ko).toContain('이 책을 구매한 분들이 함께 구매')
    const en = related(await (await app.request(`/books/${SEED}?lang=en`)).text())
    expect(en).toContain('Readers who bought this also bought')
    expect(en).toMatch(/More in (World history|International relations)/)
  })

  it('keeps every list to 6–12 books on sale, never the book itself, at most 3 by one author', async () => {
    const rows = await store.store.db.selectFrom('recommendation').select(['isbn13', 'rec_isbn13']).execute()
    const byBook = groupBy(rows, (r) => r.isbn13)
    const offSale = new Set((await store.store.db.selectFrom('book').select('isbn13').where('on_sale', '=', 0).execute()).map((r) => r.isbn13))
    for (const [isbn, list] of byBook) {
      expect(list.length).toBeGreaterThanOrEqual(6)
      expect(list.length).toBeLessThanOrEqual(12)
      expect(list.some((r) => r.rec_isbn13 === isbn || offSale.has(r.rec_isbn13))).toBe(false)
    }
    const shown = await store.recommend.forBook(await store.catalog.getBook(parseIsbn(SEED)))
    const perAuthor = groupBy(shown.flatMap((r) => r.book.contributors.filter((c) => c.role === 'author').map((c) => c.name)), (n) => n)
    expect(Math.max(...[...perAuthor.values()].map((l) => l.length))).toBeLessThanOrEqual(3)
  })

  it('recommends for a returning session on the home page, uncached, and for the cart', async () => {
    const cookie = (await app.request('/books/9791100000014', { headers: { 'user-agent': BROWSER } })).headers.get('set-cookie')!.split(';')[0]!
    const session = cookie.slice(4).split('.')[0]!
    await store.recommend.events.flush()
    await store.store.db.deleteFrom('reco_event').where('session_id', '=', session).execute()
    const home = await app.request('/', { headers: { cookie } })
    expect(await home.text()).not.toContain('나를 위한 추천 도서')
    store.recommend.events.record(session, SEED, 'view')
    await store.recommend.events.flush()
    const again = await app.request('/', { headers: { cookie } })
    expect(again.headers.get('cache-control')).toBe('private, no-cache')
    expect(await again.text()).toContain('나를 위한 추천 도서')
    const cart = await store.recommend.forBooks([SEED])
    expect(cart[0]!.book.isbn13).toBe(await partnerOfSeed())
  })
})

describe('sqlite: views on the cached page path', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startServer(testServices(store), { port: 0, host: '127.0.0.1' })
  })
  afterAll(() => server.close())

  it('records a view of a page served from the cache, and skips the cache for a returning session’s home', async () => {
    const base = `http://127.0.0.1:${server.port}`
    const url = `${base}/books/9791100000014`
    const cookie = (await fetch(url, { headers: { 'user-agent': BROWSER } })).headers.get('set-cookie')!.split(';')[0]!
    const session = cookie.slice(4).split('.')[0]!
    const before = (await events('view')).length
    const hitsBefore = (await server.metrics.cacheHits.get()).values[0]?.value ?? 0
    const res = await fetch(url, { headers: { 'user-agent': BROWSER, cookie } })
    expect(res.status).toBe(200)
    expect((await server.metrics.cacheHits.get()).values[0]?.value).toBe(hitsBefore + 1)
    const views = await events('view')
    expect(views.length).toBe(before + 1)
    expect(views.some((v) => v.session_id === session && v.isbn13 === '9791100000014')).toBe(true)
    const fresh = await fetch(url, { headers: { 'user-agent': BROWSER } })
    expect(fresh.headers.get('set-cookie')).toMatch(/^sid=/)
    expect(fresh.headers.get('cache-control')).toBe('private, no-cache')
    const hitsBeforeHome = (await server.metrics.cacheHits.get()).values[0]?.value ?? 0
    await fetch(`${base}/`)
    const home = await fetch(`${base}/`, { headers: { cookie } })
    expect(home.headers.get('cache-control')).toBe('private, no-cache')
    expect((await server.metrics.cacheHits.get()).values[0]?.value ?? 0).toBe(hitsBeforeHome)
  })
})

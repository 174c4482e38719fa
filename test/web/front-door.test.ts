import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/web/app'
import { Gate } from '../../src/web/gate'
import { startServer, type RunningServer } from '../../src/web/server'
import { testDialects } from '../dialects'
import { testServices, testStore, type TestStore } from '../helpers'
import { koreanAddress } from './checkout-form'
import { BROWSER, serverRequester, shopper } from './shopper'

const SEED = '9788962633245'
const PUBLIC = 'https://books.example'

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: the front door`, () => {
    let store: TestStore
    let server: RunningServer
    let base: string
    const cartCount = async (session: string) =>
      (await store.store.db.selectFrom('cart_item').select('isbn13').where('session_id', '=', session).execute()).length

    beforeAll(async () => {
      store = await testStore(dialect, { demoBooks: 40 })
      // Loopback is trusted as a proxy here, so the tests can speak as one.
      server = await startServer(testServices(store), { port: 0, host: '127.0.0.1', secret: 'a'.repeat(40), trustProxy: ['loopback'] })
      base = `http://127.0.0.1:${server.port}`
    })
    afterAll(async () => {
      await server?.close()
      await store?.cleanup()
    })

    describe('host header', () => {
      it('never puts a request Host into a cached page, for that visitor or the next', async () => {
        for (const path of [`/books/${SEED}`, '/', '/search?q=러시아', '/categories']) {
          const poisoned = await fetch(base + path, { headers: { host: 'evil.example', 'user-agent': BROWSER } })
          expect(await poisoned.text()).not.toContain('evil.example')
          const next = await fetch(base + path, { headers: { 'user-agent': BROWSER } })
          expect(await next.text()).not.toContain('evil.example')
        }
      })

      it('builds canonical, Open Graph, hreflang and JSON-LD links from the configured public URL', async () => {
        const app = createApp({ ...testServices(store), publicUrl: PUBLIC })
        const page = await (await app.request(`/books/${SEED}`, { headers: { host: 'evil.example' } })).text()
        expect(page).toContain(`<link rel="canonical" href="${PUBLIC}/books/${SEED}">`)
        expect(page).toContain(`<meta property="og:url" content="${PUBLIC}/books/${SEED}">`)
        expect(page).toContain(`hreflang="en" href="${PUBLIC}/books/${SEED}?lang=en"`)
        expect(page).toContain(`"@id":"${PUBLIC}/books/${SEED}"`)
        expect(page).not.toContain('evil.example')
      })

      it('writes sitemaps, robots.txt and OPDS with the public URL, and keeps a Host-derived one out of shared caches', async () => {
        const configured = createApp({ ...testServices(store), publicUrl: PUBLIC })
        for (const path of ['/robots.txt', '/sitemap.xml', '/sitemaps/books-1.xml', '/opds']) {
          const res = await configured.request(path, { headers: { host: 'evil.example' } })
          const body = await res.text()
          expect(body, path).toContain(PUBLIC)
          expect(body, path).not.toContain('evil.example')
          expect(res.headers.get('cache-control'), path).toMatch(/^public/)
        }
        const bare = await fetch(`${base}/sitemap.xml`, { headers: { host: 'evil.example' } })
        expect(bare.headers.get('cache-control')).toMatch(/^private/)
      })
    })

    describe('forms', () => {
      it('refuses a cross-site checkout with a page in the shopper\'s language, and leaves the cart as it was', async () => {
        const s = shopper(serverRequester(base))
        expect((await s.post('/cart/items', { isbn: SEED, quantity: '1' })).status).toBe(303)
        const forged = await s.send('POST', '/cart/checkout', { _csrf: s.token() }, { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' })
        expect(forged.status).toBe(403)
        expect(forged.headers.get('set-cookie')).toBeNull()
        expect(await forged.text()).toContain('다른 사이트에서 보낸 요청이라 처리하지 않았습니다')
        const english = await s.send('POST', '/cart/checkout?lang=en', { _csrf: s.token() }, { 'sec-fetch-site': 'cross-site' })
        expect(await english.text()).toContain('This request came from another site, so nothing was done.')
        expect(await cartCount(s.session())).toBe(1)
      })

      it('refuses a post from another port of the same host (same-site is not same-origin)', async () => {
        const s = shopper(serverRequester(base))
        await s.get(`/books/${SEED}`)
        expect((await s.send('POST', '/cart/items', { isbn: SEED, _csrf: s.token() }, { 'sec-fetch-site': 'same-site' })).status).toBe(403)
        expect((await s.send('POST', '/cart/items', { isbn: SEED, _csrf: s.token() }, { 'sec-fetch-site': '', origin: 'http://127.0.0.1:1' })).status).toBe(403)
        expect(await cartCount(s.session())).toBe(0)
      })

      it('refuses a post without the session\'s token, with a wrong one, or with another session\'s', async () => {
        const s = shopper(serverRequester(base))
        const other = shopper(serverRequester(base))
        await s.get(`/books/${SEED}`)
        await other.get(`/books/${SEED}`)
        expect(other.token()).not.toBe(s.token())
        for (const token of [undefined, 'x'.repeat(22), other.token()]) {
          const res = await s.send('POST', '/cart/items', { isbn: SEED, ...(token ? { _csrf: token } : {}) })
          expect(res.status).toBe(403)
          expect(await res.text()).toContain('페이지를 새로 고친 뒤 다시 시도해 주세요')
        }
        expect(await cartCount(s.session())).toBe(0)
      })

      it('never gives a cross-site post a session, so it cannot replace the shopper\'s', async () => {
        const res = await fetch(`${base}/cart/items`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site', 'user-agent': BROWSER },
          body: `isbn=${SEED}`,
        })
        expect(res.status).toBe(403)
        expect(res.headers.get('set-cookie')).toBeNull()
      })

      it('puts the session\'s token into the shared product page\'s form, per visitor, without storing it', async () => {
        const a = shopper(serverRequester(base))
        const b = shopper(serverRequester(base))
        const pageA = await (await a.get(`/books/${SEED}`)).text()
        const pageB = await (await b.get(`/books/${SEED}`)).text()
        expect(pageA).toContain(`<input type="hidden" name="_csrf" value="${a.token()}" form="buy">`)
        expect(pageB).toContain(`value="${b.token()}" form="buy"`)
        expect(pageB).not.toContain(a.token())
        // What is stored is the page without anyone's token: a third visitor gets neither A's nor B's.
        const third = await (await fetch(`${base}/books/${SEED}`, { headers: { 'user-agent': BROWSER } })).text()
        expect(third).not.toContain(a.token())
        expect(third).not.toContain(b.token())
      })
    })

    describe('sessions and cookies', () => {
      it('replaces a session id the store never issued', async () => {
        const forged = 'sid=AAAAAAAAAAAAAAAAAAAAAA'
        const res = await fetch(`${base}/books/${SEED}`, { headers: { cookie: forged, 'user-agent': BROWSER } })
        const set = res.headers.get('set-cookie')!
        expect(set).toMatch(/^sid=[\w-]{22}\.[\w-]{22};/)
        expect(set).not.toContain('AAAAAAAAAAAAAAAAAAAAAA')
        const token = /name="_csrf" value="([\w-]+)"/.exec(await res.text())![1]!
        // Posting with the forged id and a token of the new session does not act for the forged id.
        const post = await fetch(`${base}/cart/items`, {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie: forged, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
          body: `isbn=${SEED}&_csrf=${token}`,
        })
        expect(post.status).toBe(403)
        expect(await cartCount('AAAAAAAAAAAAAAAAAAAAAA')).toBe(0)
      })

      it('sets Secure when a trusted proxy says HTTPS, on cached pages and on form posts alike', async () => {
        const cached = await fetch(`${base}/books/${SEED}`, { headers: { 'x-forwarded-proto': 'https', 'user-agent': BROWSER } })
        expect(cached.headers.get('set-cookie')).toMatch(/; Secure$/)
        const s = shopper(serverRequester(base))
        await s.get('/books/' + SEED)
        const fresh = shopper(serverRequester(base))
        const res = await fresh.send('POST', '/cart/items', { isbn: SEED, _csrf: 'x' }, { 'x-forwarded-proto': 'https' })
        expect(res.status).toBe(403)
        const viaProxy = await fetch(`${base}/cart`, { headers: { 'x-forwarded-proto': 'https', cookie: s.cookie() } })
        expect(viaProxy.status).toBe(200)
      })

      it('never believes X-Forwarded-Proto from a client that is not a trusted proxy', async () => {
        const app = createApp({ ...testServices(store), gate: new Gate({ secret: 'b'.repeat(40), trustProxy: [] }) })
        const res = await app.request(`/books/${SEED}`, { headers: { 'x-forwarded-proto': 'https', 'user-agent': BROWSER } })
        expect(res.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Lax$/)
      })
    })

    describe('headers', () => {
      it('sends the security headers on every kind of answer, cached or not', async () => {
        const s = shopper(serverRequester(base))
        await s.get(`/books/${SEED}`)
        const answers = [
          await fetch(`${base}/books/${SEED}`),
          await fetch(`${base}/books/${SEED}`),
          await s.get('/cart'),
          await fetch(`${base}/no-such-page`),
          await fetch(`${base}/books/123`),
          await fetch(`${base}/api/v1/search?q=러시아`),
          await fetch(`${base}/healthz`),
          await s.send('POST', '/cart/checkout', {}),
        ]
        for (const res of answers) {
          const csp = res.headers.get('content-security-policy')!
          expect(csp).toContain("frame-ancestors 'none'")
          expect(csp).toContain("script-src 'self'")
          expect(csp).not.toContain('unsafe-inline')
          expect(res.headers.get('x-content-type-options')).toBe('nosniff')
          expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
          expect(res.headers.get('permissions-policy')).toContain('camera=()')
          expect(res.headers.get('strict-transport-security')).toBeNull()
        }
      })

      it('adds HSTS when the public URL is https', async () => {
        const app = createApp({ ...testServices(store), publicUrl: PUBLIC, gate: new Gate({ secret: 'c'.repeat(40), publicUrl: PUBLIC }) })
        expect((await app.request('/')).headers.get('strict-transport-security')).toMatch(/^max-age=\d+/)
      })
    })

    describe('the shared page cache', () => {
      it('never answers a signed-in visitor from it, and never stores what it renders for one', async () => {
        const hits = async () => (await server.metrics.cacheHits.get()).values[0]?.value ?? 0
        await fetch(`${base}/books/${SEED}`)
        const before = await hits()
        await fetch(`${base}/books/${SEED}`, { headers: { cookie: 'account=someone' } })
        expect(await hits()).toBe(before)
        const isbn = (await store.catalog.newArrivals(3, '2100-01-01'))[2]!.isbn13
        await fetch(`${base}/books/${isbn}`, { headers: { cookie: 'staff=someone' } })
        await fetch(`${base}/books/${isbn}`)
        expect(await hits()).toBe(before)
      })

      it('keeps a returning session\'s home to itself', async () => {
        const s = shopper(serverRequester(base))
        await s.post('/cart/items', { isbn: SEED, quantity: '1' })
        const home = await s.get('/')
        expect(home.headers.get('cache-control')).toMatch(/private/)
      })
    })

    describe('messages', () => {
      it('words errors in the reader\'s language, naming the field and what it takes', async () => {
        const ko = await (await fetch(`${base}/search?q=a&sort=sideways`)).text()
        expect(ko).toContain('정렬 값은 다음 중 하나여야 합니다: relevance')
        expect(ko).not.toMatch(/sort must be|expected one of/i)
        const en = await (await fetch(`${base}/search?q=a&sort=sideways&lang=en`)).text()
        expect(en).toContain('Sort must be one of: relevance')
      })

      it('words the cart\'s refusals in the shopper\'s language, not the developer\'s', async () => {
        const s = shopper(serverRequester(base))
        const empty = await s.post('/checkout', koreanAddress('k'.repeat(24)))
        expect(empty.status).toBe(400)
        const text = await empty.text()
        expect(text).toContain('장바구니가 비어 있습니다. 책을 담은 뒤 주문해 주세요.')
        expect(text).not.toMatch(/is empty|add a book/)
        const english = await s.post('/checkout?lang=en', koreanAddress('k'.repeat(24)))
        expect(await english.text()).toContain('Your cart is empty. Add a book before ordering.')
        const bad = await s.post('/cart/items', { isbn: SEED, quantity: '0' })
        expect(await bad.text()).toContain('수량 값은 1 이상이어야 합니다.')
      })

      it('says a page past the last one has no more results and links to the last page', async () => {
        const ko = await (await fetch(`${base}/search?q=${encodeURIComponent('역사')}&page=500`)).text()
        expect(ko).toContain('더 이상 결과가 없습니다')
        expect(ko).not.toContain('준비 중입니다')
        expect(ko).toMatch(/<a href="\/search\?q=[^"]*page=\d+">마지막 쪽으로<\/a>/)
      })
    })
  })
}

describe('gate', () => {
  const head = (cookie?: string, extra: Record<string, string> = {}, remoteAddress = '203.0.113.9') => ({
    method: 'GET',
    url: '/',
    header: (name: string) => ({ ...(cookie ? { cookie } : {}), 'user-agent': BROWSER, ...extra })[name],
    remoteAddress,
  })

  it('honours only session ids it signed', () => {
    const gate = new Gate({ secret: 'd'.repeat(40) })
    const visitor = gate.identify(head())
    const id = gate.ensureSession(visitor)
    const cookie = gate.cookies(visitor)[0]!.split(';')[0]!
    expect(gate.identify(head(cookie)).session).toBe(id)
    expect(gate.identify(head(`sid=${id}`)).session).toBeUndefined()
    expect(gate.identify(head(cookie.slice(0, -1) + 'x')).session).toBeUndefined()
    expect(new Gate({ secret: 'e'.repeat(40) }).identify(head(cookie)).session).toBeUndefined()
  })

  it('takes the client address from a trusted proxy only, skipping trusted hops', () => {
    const gate = new Gate({ secret: 'd'.repeat(40), trustProxy: ['loopback', '10.0.0.2'] })
    expect(gate.identify(head(undefined, { 'x-forwarded-for': '198.51.100.7, 10.0.0.2' }, '127.0.0.1')).ip).toBe('198.51.100.7')
    expect(gate.identify(head(undefined, { 'x-forwarded-for': '198.51.100.7' }, '203.0.113.9')).ip).toBe('203.0.113.9')
    expect(gate.identify(head(undefined, { 'x-forwarded-proto': 'https' }, '203.0.113.9')).isSecure).toBe(false)
    expect(gate.identify(head(undefined, { 'x-forwarded-proto': 'https' }, '::ffff:127.0.0.1')).isSecure).toBe(true)
  })

  it('keeps the secret out of anything a log could print', () => {
    const gate = new Gate({ secret: 'f'.repeat(40) })
    expect(JSON.stringify(gate)).not.toContain('ffff')
    expect(Object.values(gate).map(String).join('')).not.toContain('ffff')
  })
})

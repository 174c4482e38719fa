import Ajv2020 from 'ajv/dist/2020.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseIsbn } from '../../src/catalog'
import { testDialects } from '../dialects'
import { testApp, testStore, type TestStore } from '../helpers'
import { checkoutInput, SEED } from '../support/checkout'

type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> }
interface Case {
  status: number
  path: string
  key?: string
  method?: string
  body?: unknown
}

/** The document's and the contract's own pages: not operations of the API. */
const META = ['/openapi.json', '/docs']
const keyOf = (method: string, path: string) => `${method.toUpperCase()} ${path}`

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: the /api/v1 contract`, () => {
    let store: TestStore
    let app: ReturnType<typeof testApp>
    let doc: Doc
    let ajv: InstanceType<typeof Ajv2020>
    let cases: Record<string, Case[]>
    const call = ({ path, key, method = 'GET', body }: Case) =>
      app.request(`/api/v1${path}`, {
        method,
        headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      })

    /** Checks an answer against the operation's documented status and schema; returns the body. */
    async function conforms(opKey: string, res: Response): Promise<unknown> {
      const [method, path] = opKey.split(' ') as [string, string]
      const documented = doc.paths[path]![method.toLowerCase()]!.responses
      expect(Object.keys(documented), `${opKey} answered ${res.status}`).toContain(String(res.status))
      if (!documented[String(res.status)]!.content) return undefined
      expect(res.headers.get('content-type')).toMatch(/^application\/json/)
      const body = await res.json()
      const pointer = `/paths/${path.replaceAll('~', '~0').replaceAll('/', '~1')}/${method.toLowerCase()}/responses/${res.status}/content/application~1json/schema`
      const validate = ajv.getSchema(`openapi#${encodeURI(pointer)}`)!
      expect(validate(body), `${opKey} ${res.status}: ${ajv.errorsText(validate.errors)}`).toBe(true)
      return body
    }

    beforeAll(async () => {
      store = await testStore(dialect, { demoBooks: 30 })
      app = testApp(store)
      const author = { actor: 'staff:test', actorName: 'tester', via: 'form' }
      const full = (await store.apiKeys.create({ name: 'warehouse', scopes: ['orders:read', 'stock:read', 'stock:write'] }, author)).secret
      const ordersOnly = (await store.apiKeys.create({ name: 'accounts', scopes: ['orders:read'] }, author)).secret
      const revoked = await store.apiKeys.create({ name: 'old', scopes: ['orders:read', 'stock:read', 'stock:write'] }, author)
      await store.apiKeys.revoke(revoked.key.id, author)
      await store.commerce.addItem('session:contract', parseIsbn(SEED), 1)
      const order = await store.orders.place({ owner: 'session:contract', customerId: null, input: checkoutInput() })
      const rows = (await store.catalog.staffList({ sort: 'isbn', pageSize: 50 })).rows
      const person = encodeURIComponent(rows.find((r) => r.contributors.length)!.contributors[0]!)
      const withSeries = (await Promise.all(rows.map((r) => store.catalog.getBook(parseIsbn(r.isbn13))))).find((b) => b.series)!
      const category = (await store.catalog.categories()).roots[0]!.id
      const denied = (method: string, path: string, body?: unknown): Case[] => [
        { status: 401, method, path, body },
        { status: 401, method, path, body, key: revoked.secret },
        { status: 403, method, path, body, key: ordersOnly },
      ]
      cases = {
        'GET /books/{isbn}': [{ status: 200, path: `/books/${SEED}` }, { status: 308, path: '/books/89-6263-324-8' }, { status: 400, path: '/books/9788962633246' }, { status: 404, path: '/books/9791199999978' }],
        'GET /search': [{ status: 200, path: `/search?q=${encodeURIComponent('러시아')}` }, { status: 200, path: '/search?q=&sort=price&in_stock=1' }, { status: 400, path: '/search?q=x&sort=sideways' }],
        'GET /suggest': [{ status: 200, path: `/suggest?q=${encodeURIComponent('중국')}` }, { status: 400, path: '/suggest?q=x&lang=fr' }],
        'GET /categories': [{ status: 200, path: '/categories' }],
        'GET /categories/{id}': [{ status: 200, path: `/categories/${category}` }, { status: 404, path: '/categories/no-such-shelf' }, { status: 400, path: `/categories/${'x'.repeat(80)}` }],
        'GET /contributors/{name}': [{ status: 200, path: `/contributors/${person}` }, { status: 404, path: '/contributors/Nobody%20At%20All' }, { status: 400, path: `/contributors/${'n'.repeat(201)}` }],
        'GET /series/{name}': [{ status: 200, path: `/series/${encodeURIComponent(withSeries.series!)}` }, { status: 404, path: '/series/No%20Such%20Series' }, { status: 400, path: `/series/${'s'.repeat(201)}` }],
        'GET /orders': [{ status: 200, path: '/orders', key: full }, { status: 200, path: '/orders?status=awaiting_payment&per_page=5', key: ordersOnly }, { status: 400, path: '/orders?status=lost', key: full }, ...denied('GET', '/orders').slice(0, 2), { status: 403, path: '/orders', key: (await store.apiKeys.create({ name: 'stock only', scopes: ['stock:read'] }, author)).secret }],
        'GET /orders/{number}': [{ status: 200, path: `/orders/${order.number}`, key: ordersOnly }, { status: 404, path: '/orders/20000101-999999', key: full }, ...denied('GET', `/orders/${order.number}`).slice(0, 2), { status: 403, path: `/orders/${order.number}`, key: (await store.apiKeys.create({ name: 'stock reader', scopes: ['stock:read'] }, author)).secret }],
        'GET /stock': [{ status: 200, path: '/stock?limit=10', key: full }, { status: 400, path: '/stock?limit=0', key: full }, ...denied('GET', '/stock')],
        'GET /stock/{isbn}': [{ status: 200, path: `/stock/${SEED}`, key: full }, { status: 400, path: '/stock/123', key: full }, { status: 404, path: '/stock/9791199999978', key: full }, ...denied('GET', `/stock/${SEED}`)],
        'PUT /stock/{isbn}': [
          { status: 200, method: 'PUT', path: `/stock/${SEED}`, key: full, body: { stock: 7 } },
          { status: 400, method: 'PUT', path: `/stock/${SEED}`, key: full, body: { stock: -1 } },
          { status: 404, method: 'PUT', path: '/stock/9791199999978', key: full, body: { stock: 1 } },
          ...denied('PUT', `/stock/${SEED}`, { stock: 3 }),
        ],
      }
      doc = (await (await app.request('/api/v1/openapi.json')).json()) as Doc
      ajv = new Ajv2020({ strict: false, allErrors: true })
      ajv.addSchema(doc as object, 'openapi')
    })
    afterAll(() => store?.cleanup())

    it('is an OpenAPI 3.1 document of every operation, each with its responses', () => {
      expect((doc as unknown as { openapi: string }).openapi).toBe('3.1.0')
      expect(Object.keys(doc.paths).length).toBeGreaterThanOrEqual(10)
      for (const [path, methods] of Object.entries(doc.paths)) for (const [method, op] of Object.entries(methods)) expect(Object.keys(op.responses).length, keyOf(method, path)).toBeGreaterThan(0)
    })

    it('documents every route mounted under /api/v1, and documents no route that is not mounted', () => {
      const mounted = new Set(
        app.routes
          .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/v1/'))
          .map((r) => ({ method: r.method, path: r.path.slice('/api/v1'.length).replace(/:(\w+)/g, '{$1}') }))
          .filter((r) => !META.includes(r.path))
          .map((r) => keyOf(r.method, r.path)),
      )
      const documented = new Set(Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => keyOf(m, path))))
      expect([...mounted].sort()).toEqual([...documented].sort())
    })

    it('answers every documented operation as documented: each status it lists, with a body its schema accepts', async () => {
      const documented = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([m, op]) => ({ opKey: keyOf(m, path), statuses: Object.keys(op.responses) })))
      expect(Object.keys(cases).sort()).toEqual(documented.map((d) => d.opKey).sort())
      for (const { opKey, statuses } of documented) {
        const tried = new Set<string>()
        for (const c of cases[opKey]!) {
          const res = await call(c)
          expect(res.status, `${opKey} ${c.path}`).toBe(c.status)
          await conforms(opKey, res)
          if (c.status === 308) expect(res.headers.get('location')).toBe(`/api/v1/books/${SEED}`)
          if (c.status === 401) expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /)
          tried.add(String(c.status))
        }
        // 429 is every operation's, and is checked below, once the address has spent its allowance.
        expect([...tried, '429'].sort(), opKey).toEqual([...statuses].sort())
      }
      expect((await store.catalog.getBook(parseIsbn(SEED))).stock).toBe(7)
    })

    it('the old paths answer 308 to their /api/v1 paths, query kept', async () => {
      const search = await app.request('/api/search?q=abc&page=2')
      expect(search.status).toBe(308)
      expect(search.headers.get('location')).toBe('/api/v1/search?q=abc&page=2')
      expect((await app.request(`/api/books/${SEED}`)).headers.get('location')).toBe(`/api/v1/books/${SEED}`)
      expect((await app.request('/api/suggest?q=a')).headers.get('location')).toBe('/api/v1/suggest?q=a')
    })

    it('past its allowance an address gets 429 with Retry-After from every operation, as documented', async () => {
      let res: Response | undefined
      for (let i = 0; i < 700 && res?.status !== 429; i++) res = await app.request('/api/v1/categories')
      expect(res!.status).toBe(429)
      for (const [path, methods] of Object.entries(doc.paths))
        for (const method of Object.keys(methods)) {
          const refused = await app.request(`/api/v1${path.replace(/\{\w+\}/, SEED)}`, { method: method.toUpperCase() })
          expect(refused.status).toBe(429)
          expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
          await conforms(keyOf(method, path), refused)
        }
    })
  })
}

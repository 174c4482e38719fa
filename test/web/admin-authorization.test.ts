import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StaffRole } from '../../src/accounts'
import { createLogger } from '../../src/core/logger'
import { createApp } from '../../src/web/app'
import { Gate } from '../../src/web/gate'
import { may, type AdminRoute } from '../../src/web/routes/admin/access'
import { adminRouteTables } from '../../src/web/routes/admin'
import { testDialects } from '../dialects'
import { testServices, testStore, type TestStore } from '../helpers'
import { staffService, staffShopper } from '../support/staff'
import { shopper, type Requester } from './shopper'

type Caller = 'anonymous' | 'customer' | StaffRole
const CALLERS: Caller[] = ['anonymous', 'customer', 'owner', 'catalog', 'orders', 'viewer']
const STAFF: StaffRole[] = ['owner', 'catalog', 'orders', 'viewer']

/** Sample values for path parameters, by name; anything else gets "1". */
const SAMPLES: Record<string, string> = { isbn: '9788962633245', id: randomUUID(), number: '20261202-0001' }
const fillPath = (path: string) => path.replace(/:(\w+)(\{[^}]*\})?/g, (_m, name: string) => SAMPLES[name] ?? '1')

type Expected = 'sign-in' | 'forbidden' | 'allowed'

function expected(caller: Caller, route: AdminRoute): Expected {
  if (route.permission === 'signedOut') return 'allowed'
  if (caller === 'anonymous' || caller === 'customer') return 'sign-in'
  return may(caller, route.permission) ? 'allowed' : 'forbidden'
}

/** The guard's redirect is to the sign-in page with `next`; any other answer but 403 means the route let the caller in. */
function answered(res: Response): Expected {
  if (res.status === 403) return 'forbidden'
  if (res.status === 303 && /^\/admin\/sign-in\?next=/.test(res.headers.get('location') ?? '')) return 'sign-in'
  return 'allowed'
}

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: back-office authorization matrix`, { timeout: 180_000 }, () => {
    let store: TestStore
    let app: ReturnType<typeof createApp>
    let routes: AdminRoute[]
    let nextIp = 1
    // Each request from an address of its own: the sign-in throttle is not what this test is about.
    const requester: Requester = (path, init) => Promise.resolve(app.request(path, init, { incoming: { socket: { remoteAddress: `10.9.${nextIp >> 8 & 255}.${nextIp++ & 255}` } } }))
    const browsers = new Map<Caller, ReturnType<typeof shopper>>()

    async function browserOf(caller: Caller) {
      const known = browsers.get(caller)
      // A route that was allowed may have ended its caller's session (sign-out): sign in afresh then.
      // Reading a page first also takes its form token: a sign-out before rotated the session the last one was bound to.
      if (known && (await known.get(caller === 'anonymous' ? '/admin/sign-in' : caller === 'customer' ? '/account' : '/admin/me')).status === 200) return known
      let browser: ReturnType<typeof shopper>
      if (caller === 'anonymous') browser = shopper(requester, { startAt: '/admin/sign-in' })
      else if (caller === 'customer') {
        const email = `reader-${randomUUID().slice(0, 8)}@example.com`
        await store.accounts.signUp({ email, password: 'a-reader-password-42', name: '독자', lang: 'ko' })
        browser = shopper(requester, { startAt: '/' })
        browser.setCookie('account', (await store.accounts.signIn(email, 'a-reader-password-42')).token)
        await browser.get('/')
      } else browser = await staffShopper(requester, store, caller)
      browsers.set(caller, browser)
      return browser
    }

    beforeAll(async () => {
      store = await testStore(dialect, { demoBooks: 1 })
      const services = { ...testServices(store), staff: staffService(store) }
      app = createApp(services)
      routes = adminRouteTables({ ...services, gate: Gate.withRandomSecret({}), logger: createLogger('silent') }).flat()
    })
    afterAll(() => store?.cleanup())

    it('declares every route once, with a permission', () => {
      expect(routes.length).toBeGreaterThan(10)
      const keys = routes.map((r) => `${r.method} ${r.path}`)
      expect(new Set(keys).size).toBe(keys.length)
      for (const r of routes) expect(r.permission, `${r.method} ${r.path}`).toBeTruthy()
    })

    it('answers every route as its permission says, for visitors, customers and each role', async () => {
      const wrong: string[] = []
      for (const route of routes) {
        const path = `/admin${fillPath(route.path) === '/' ? '' : fillPath(route.path)}`
        for (const caller of CALLERS) {
          const browser = await browserOf(caller)
          const res = route.method === 'GET' ? await browser.get(path) : await browser.post(path, {})
          const got = answered(res)
          const want = expected(caller, route)
          if (got !== want) wrong.push(`${route.method} ${path} as ${caller}: expected ${want}, got ${got} (${res.status} ${res.headers.get('location') ?? ''})`)
        }
      }
      expect(wrong).toEqual([])
    })

    it('has no back-office page outside the tables', async () => {
      for (const caller of ['anonymous', ...STAFF] as Caller[]) {
        const browser = await browserOf(caller)
        expect((await browser.get('/admin/no-such-page')).status, caller).toBe(404)
        expect((await browser.post('/admin/no-such-page', {})).status, caller).toBe(404)
      }
    })

    it('never lets a staff answer be cached, and never indexed', async () => {
      const owner = await browserOf('owner')
      for (const route of routes.filter((r) => r.method === 'GET')) {
        const res = await owner.get(`/admin${fillPath(route.path) === '/' ? '' : fillPath(route.path)}`)
        expect(res.headers.get('cache-control'), route.path).toBe('no-store')
        if (res.status === 200 && (res.headers.get('content-type') ?? '').startsWith('text/html')) expect(await res.text(), route.path).toContain('<meta name="robots" content="noindex')
      }
    })
  })
}

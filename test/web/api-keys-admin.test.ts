import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/web/app'
import { testDialects } from '../dialects'
import { testServices, testStore, type TestStore } from '../helpers'
import { staffService, staffShopper } from '../support/staff'
import { BROWSER } from './shopper'

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: partners' API keys in the back office`, { timeout: 60_000 }, () => {
    let store: TestStore
    let app: ReturnType<typeof createApp>
    beforeAll(async () => {
      store = await testStore(dialect, { demoBooks: 2 })
      app = createApp({ ...testServices(store), staff: staffService(store) })
    })
    afterAll(() => store?.cleanup())

    it('an owner makes a key shown once, partners use it within its scopes, and revoking it stops it', async () => {
      const owner = await staffShopper(app, store, 'owner', { name: '주인' })
      // Two ticked boxes post the same name twice, as a browser does.
      const form = new URLSearchParams([['_csrf', owner.token()], ['name', 'Warehouse'], ['scopes', 'orders:read'], ['scopes', 'stock:read']])
      const made = await app.request('/admin/api-keys?lang=en', { method: 'POST', body: form.toString(), headers: { cookie: owner.cookie(), 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', 'user-agent': BROWSER } })
      expect(made.status).toBe(200)
      const page = await made.text()
      const secret = /<code class="api-key-secret">([^<]+)<\/code>/.exec(page)?.[1]
      expect(secret).toMatch(/^colk_[\w-]{40,}$/)
      // Shown once: the list afterwards names the key by its first characters only.
      const list = await (await owner.get('/admin/api-keys?lang=en')).text()
      expect(list).toContain('Warehouse')
      expect(list).not.toContain(secret!)

      const api = (path: string, key = secret!) => app.request(path, { headers: { authorization: `Bearer ${key}` } })
      expect((await api('/api/v1/orders')).status).toBe(200)
      expect((await api(`/api/v1/stock/9788962633245`)).status).toBe(200)
      // Outside its scopes.
      expect((await app.request('/api/v1/stock/9788962633245', { method: 'PUT', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, body: JSON.stringify({ stock: 3 }) })).status).toBe(403)

      // Refusals name what is wrong, in the page's language.
      const noName = await owner.post('/admin/api-keys', { name: '', scopes: 'orders:read' })
      expect(noName.status).toBe(400)
      expect(await noName.text()).toContain('role="alert"')
      const noScope = await owner.post('/admin/api-keys?lang=en', { name: 'Nothing' })
      expect(noScope.status).toBe(400)
      expect(await noScope.text()).toContain('orders:read, stock:read, stock:write')

      const id = (await store.apiKeys.list()).find((k) => k.name === 'Warehouse')!.id
      expect((await owner.post(`/admin/api-keys/${id}/revoke`)).headers.get('location')).toBe('/admin/api-keys?done=revoked')
      expect((await api('/api/v1/orders')).status).toBe(401)
      const history = await store.audit.history('api_key', id)
      expect(history.map((e) => [e.action, e.actorName])).toEqual([['revoke', '주인'], ['create', '주인']])
      expect((await owner.post('/admin/api-keys/nope/revoke')).status).toBe(404)

      // Keys are the owners' business.
      const cataloguer = await staffShopper(app, store, 'catalog')
      expect((await cataloguer.get('/admin/api-keys')).status).toBe(403)
    })
  })
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { createApp } from '../../src/web/app'
import { testDialects } from '../dialects'
import { testStore, type TestStore } from '../helpers'
import { STAFF_PASSWORD, staffApp, staffService, staffShopper } from '../support/staff'
import { shopper } from './shopper'

const MINUTE = 60_000

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: staff sessions and the staff pages`, { timeout: 60_000 }, () => {
    let store: TestStore
    let app: ReturnType<typeof createApp>
    let clock = Date.now()

    beforeAll(async () => {
      store = await testStore(dialect, { demoBooks: 1 })
      app = staffApp(store, {}, { now: () => new Date(clock) })
    })
    afterAll(() => store?.cleanup())

    const isSignedOut = (res: Response) => res.status === 303 && (res.headers.get('location') ?? '').startsWith('/admin/sign-in')

    it('ends a session after 30 idle minutes, and keeps one in use', async () => {
      clock = Date.now()
      const idle = await staffShopper(app, store, 'viewer')
      const busy = await staffShopper(app, store, 'viewer')
      clock += 20 * MINUTE
      expect((await busy.get('/admin')).status).toBe(200)
      clock += 20 * MINUTE
      expect((await busy.get('/admin')).status).toBe(200)
      const res = await idle.get('/admin')
      expect(isSignedOut(res)).toBe(true)
      // The dead token's cookie is cleared.
      expect(idle.cookieValue('staff')).toBeUndefined()
    })

    it('ends a session 8 hours after sign-in, however busy', async () => {
      clock = Date.now()
      const member = await staffShopper(app, store, 'catalog')
      for (let minutes = 25; minutes < 8 * 60; minutes += 25) {
        clock += 25 * MINUTE
        expect((await member.get('/admin')).status).toBe(200)
      }
      clock += 25 * MINUTE
      expect(isSignedOut(await member.get('/admin'))).toBe(true)
    })

    it('applies a role change on the next request, and puts a revoked or disabled member out at once', async () => {
      clock = Date.now()
      const owner = await staffShopper(app, store, 'owner')
      const catalog = await staffShopper(app, store, 'catalog')
      const form = { stock: '4' }
      expect((await catalog.post('/admin/books/9788962633245', form)).status).toBe(303)
      await owner.get('/admin/staff')
      expect((await owner.post(`/admin/staff/${catalog.member.id}/role`, { role: 'viewer' })).status).toBe(303)
      expect((await catalog.get('/admin/books/9788962633245')).status).toBe(200)
      expect((await catalog.post('/admin/books/9788962633245', form)).status).toBe(403)

      expect((await owner.post(`/admin/staff/${catalog.member.id}/revoke`)).status).toBe(303)
      expect(isSignedOut(await catalog.get('/admin'))).toBe(true)

      const orders = await staffShopper(app, store, 'orders')
      expect((await orders.get('/admin')).status).toBe(200)
      expect((await owner.post(`/admin/staff/${orders.member.id}/disable`)).status).toBe(303)
      expect(isSignedOut(await orders.get('/admin'))).toBe(true)
      const again = shopper((path, init) => Promise.resolve(app.request(path, init)), { startAt: '/admin/sign-in' })
      expect((await again.post('/admin/sign-in', { email: orders.email, password: STAFF_PASSWORD })).status).toBe(401)
    })

    it('lets an owner add a member, whose link sets their password', async () => {
      clock = Date.now()
      const owner = await staffShopper(app, store, 'owner')
      await owner.get('/admin/staff')
      const added = await owner.post('/admin/staff', { email: 'New.Member@Example.com', name: '김서연', role: 'catalog' })
      expect(added.status).toBe(200)
      const page = await added.text()
      const link = /<code class="staff-link">https?:\/\/[^/]+(\/admin\/set-password\?token=[\w-]+)<\/code>/.exec(page)?.[1]
      expect(link).toBeTruthy()
      expect(page).toContain('new.member@example.com')
      const refused = await owner.post('/admin/staff', { email: 'new.member@example.com', name: 'again', role: 'catalog' })
      expect(refused.status).toBe(400)
      expect(await refused.text()).toContain('이 이메일의 직원이 이미 있습니다')
      expect((await owner.post('/admin/staff', { email: 'x@example.com', role: 'wizard' })).status).toBe(400)

      const newcomer = shopper((path, init) => Promise.resolve(app.request(path, init)), { startAt: link! })
      expect((await newcomer.get(link!)).status).toBe(200)
      const token = new URL(`http://x${link}`).searchParams.get('token')!
      expect((await newcomer.post('/admin/set-password', { token, password: STAFF_PASSWORD })).status).toBe(303)
      expect((await newcomer.post('/admin/sign-in', { email: 'new.member@example.com', password: STAFF_PASSWORD })).status).toBe(303)
      const home = await (await newcomer.get('/admin')).text()
      expect(home).toContain('김서연')
      expect(home).toContain('href="/admin/books"')
      expect(home).not.toContain('href="/admin/staff"')
      expect((await newcomer.get('/admin/staff')).status).toBe(403)
    })

    it('speaks the member\'s chosen language unless the address says otherwise', async () => {
      const member = await staffShopper(app, store, 'viewer')
      expect(await (await member.get('/admin')).text()).toContain('<html lang="ko">')
      await member.get('/admin/me')
      expect((await member.post('/admin/me/lang', { lang: 'en' })).status).toBe(303)
      const english = await (await member.get('/admin')).text()
      expect(english).toContain('<html lang="en">')
      expect(english).toContain('Sign out')
      expect(await (await member.get('/admin?lang=ko')).text()).toContain('<html lang="ko">')
      expect(await staffService(store).byEmail(member.email)).toMatchObject({ lang: 'en' })
    })

    it('changes a password only with the current one, and keeps this session', async () => {
      const member = await staffShopper(app, store, 'viewer')
      await member.get('/admin/me')
      expect((await member.post('/admin/me/password', { current: 'not it at all', password: 'a-brand-new-password-9' })).status).toBe(400)
      expect((await member.post('/admin/me/password', { current: STAFF_PASSWORD, password: 'a-brand-new-password-9' })).status).toBe(303)
      expect((await member.get('/admin/me')).status).toBe(200)
    })
  })
}

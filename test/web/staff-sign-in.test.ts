import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { createApp } from '../../src/web/app'
import { testDialects } from '../dialects'
import { testStore, type TestStore } from '../helpers'
import { STAFF_PASSWORD, staffApp, staffService, totpCode } from '../support/staff'
import { shopper } from './shopper'

let n = 0
const newEmail = (role: string) => `${role}-${++n}-${Date.now()}@example.com`

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: staff sign-in`, { timeout: 60_000 }, () => {
    let store: TestStore
    let app: ReturnType<typeof createApp>
    let clock = Date.now()

    beforeAll(async () => {
      store = await testStore(dialect, { demoBooks: 1 })
      app = staffApp(store, {}, { now: () => new Date(clock) })
    })
    afterAll(() => store?.cleanup())

    /** A browser at the sign-in page, from an address of its own. */
    const browser = (ip = '198.51.100.1') => shopper((path, init) => Promise.resolve(app.request(path, init, { incoming: { socket: { remoteAddress: ip } } })), { startAt: '/admin/sign-in' })

    /** A member with a password (and, when asked, two-factor), made through the service. */
    async function member(role: 'owner' | 'catalog' | 'orders' | 'viewer', { twoFactor = false } = {}) {
      const staff = staffService(store, { now: () => new Date(clock) })
      const email = newEmail(role)
      const { member, token } = await staff.add({ email, role })
      await staff.setPassword(token, STAFF_PASSWORD)
      let codes: string[] = []
      if (twoFactor) {
        await staff.startTwoFactor(member.id)
        codes = await staff.confirmTwoFactor(member.id, await totpCode(store, email, 0, clock))
      }
      return { ...member, codes }
    }

    it('sets the password through the one-time link, which works once', async () => {
      const staff = staffService(store, { now: () => new Date(clock) })
      const { member, token } = await staff.add({ email: newEmail('catalog'), role: 'catalog' })
      const b = browser()
      const form = await b.get(`/admin/set-password?token=${token}`)
      expect(form.status).toBe(200)
      expect(await form.text()).toContain(member.email)
      expect((await b.post('/admin/set-password', { token, password: 'short' })).status).toBe(400)
      const set = await b.post('/admin/set-password', { token, password: STAFF_PASSWORD })
      expect(set.status).toBe(303)
      expect(set.headers.get('location')).toBe('/admin/sign-in?done=password-set')
      const again = await b.post('/admin/set-password', { token, password: 'another-long-password-1' })
      expect(again.status).toBe(400)
      expect(await again.text()).toContain('이 링크는 이미 쓰였거나')
      const signIn = await b.post('/admin/sign-in', { email: member.email, password: STAFF_PASSWORD })
      expect(signIn.status).toBe(303)
      expect(b.cookieValue('staff')).toBeTruthy()
    })

    it('refuses a set-password link after 72 hours', async () => {
      const staff = staffService(store, { now: () => new Date(clock) })
      const { token } = await staff.add({ email: newEmail('viewer'), role: 'viewer' })
      const late = staffApp(store, {}, { now: () => new Date(clock + 72 * 3600_000 + 1000) })
      const res = await late.request(`/admin/set-password?token=${token}`)
      expect(res.status).toBe(400)
      expect(await res.text()).toContain('이 링크는 유효 시간이 지났습니다')
    })

    it('signs in with the password and the authenticator code, and refuses a wrong code', async () => {
      const m = await member('catalog', { twoFactor: true })
      const b = browser()
      const step = await b.post('/admin/sign-in', { email: m.email, password: STAFF_PASSWORD })
      expect(step.status).toBe(200)
      expect(b.cookieValue('staff')).toBeUndefined()
      const challenge = /name="challenge" value="([^"]+)"/.exec(await step.text())![1]!
      const current = await totpCode(store, m.email, 1, clock)
      const wrong = String((Number(current) + 1) % 1_000_000).padStart(6, '0')
      const refused = await b.post('/admin/sign-in/code', { challenge, email: m.email, code: wrong })
      expect(refused.status).toBe(401)
      expect(await refused.text()).toContain('인증 앱의 현재 코드나')
      expect(b.cookieValue('staff')).toBeUndefined()
      const before = b.session()
      const ok = await b.post('/admin/sign-in/code', { challenge, email: m.email, code: current })
      expect(ok.status).toBe(303)
      expect(b.cookieValue('staff')).toBeTruthy()
      // The gate's session was rotated: a session id known before sign-in does not carry on.
      expect(b.session()).not.toBe(before)
      expect((await b.get('/admin')).status).toBe(200)
      // The challenge works once.
      expect((await browser().post('/admin/sign-in/code', { challenge, email: m.email, code: await totpCode(store, m.email, 1, clock) })).status).toBe(401)
    })

    it('takes a recovery code once', async () => {
      const m = await member('orders', { twoFactor: true })
      expect(m.codes).toHaveLength(10)
      const attempt = async () => {
        const b = browser()
        const challenge = /name="challenge" value="([^"]+)"/.exec(await (await b.post('/admin/sign-in', { email: m.email, password: STAFF_PASSWORD })).text())![1]!
        return (await b.post('/admin/sign-in/code', { challenge, email: m.email, code: m.codes[3]!.toUpperCase() })).status
      }
      expect(await attempt()).toBe(303)
      expect(await attempt()).toBe(401)
    })

    it('sends an owner without two-factor to enrol before anything else, then shows the recovery codes once', async () => {
      const m = await member('owner')
      const b = browser()
      expect((await b.post('/admin/sign-in', { email: m.email, password: STAFF_PASSWORD })).status).toBe(303)
      for (const path of ['/admin', '/admin/staff', '/admin/books/9788962633245']) {
        const res = await b.get(path)
        expect(res.status).toBe(303)
        expect(res.headers.get('location')).toBe('/admin/two-factor')
      }
      const enrol = await (await b.get('/admin/two-factor')).text()
      expect(enrol).toContain('<img class="totp-qr" src="data:image/svg+xml;base64,')
      expect(enrol).toMatch(/<code class="totp-secret">[A-Z2-7 ]+<\/code>/)
      expect((await b.post('/admin/two-factor', { code: '000000' })).status).toBe(400)
      const done = await b.post('/admin/two-factor', { code: await totpCode(store, m.email, 0, clock) })
      expect(done.status).toBe(200)
      const codes = [...(await done.text()).matchAll(/<li><code>([0-9a-z]{5}-[0-9a-z]{5})<\/code><\/li>/g)]
      expect(codes).toHaveLength(10)
      expect((await b.get('/admin/staff')).status).toBe(200)
    })

    it('lets a catalog member in without two-factor', async () => {
      const m = await member('catalog')
      const b = browser()
      expect((await b.post('/admin/sign-in', { email: m.email, password: STAFF_PASSWORD })).status).toBe(303)
      expect((await b.get('/admin')).status).toBe(200)
    })

    it('throttles guessing per address and per account, and says how long in the page language', async () => {
      const m = await member('viewer')
      const b = browser('203.0.113.7')
      for (let i = 0; i < 10; i++) expect((await b.post('/admin/sign-in', { email: `guess-${i}@example.com`, password: `wrong ${i}` })).status).toBe(401)
      const blocked = await b.post('/admin/sign-in', { email: m.email, password: STAFF_PASSWORD })
      expect(blocked.status).toBe(429)
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(590)
      expect(await blocked.text()).toContain('로그인에 너무 여러 번 실패해 잠시 막혔습니다. 10분 뒤에 다시 시도하세요.')
      expect((await browser('198.51.100.2').post('/admin/sign-in', { email: m.email, password: STAFF_PASSWORD })).status).toBe(303)
      const other = await member('viewer')
      for (let i = 1; i <= 10; i++) expect((await browser(`192.0.2.${i}`).post('/admin/sign-in', { email: other.email, password: 'wrong' })).status).toBe(401)
      expect((await browser('192.0.2.99').post('/admin/sign-in?lang=en', { email: other.email, password: STAFF_PASSWORD })).status).toBe(429)
    })

    it('signs out: the session ends on the server, the cookie is cleared', async () => {
      const m = await member('viewer')
      const b = browser()
      await b.post('/admin/sign-in', { email: m.email, password: STAFF_PASSWORD })
      const token = b.cookieValue('staff')!
      await b.get('/admin')
      const out = await b.post('/admin/sign-out')
      expect(out.status).toBe(303)
      expect(b.cookieValue('staff')).toBeUndefined()
      const replay = await app.request('/admin', { headers: { cookie: `staff=${token}` } })
      expect(replay.status).toBe(303)
      expect(replay.headers.get('location')).toBe('/admin/sign-in?next=%2Fadmin')
    })

    it('sets the staff cookie for the back office only, HttpOnly and SameSite=Strict', async () => {
      const m = await member('viewer')
      const res = await browser().post('/admin/sign-in', { email: m.email, password: STAFF_PASSWORD })
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('staff='))!
      expect(cookie).toMatch(/Path=\/admin/)
      expect(cookie).toMatch(/HttpOnly/)
      expect(cookie).toMatch(/SameSite=Strict/)
      expect(cookie).not.toMatch(/Max-Age/)
    })
  })
}

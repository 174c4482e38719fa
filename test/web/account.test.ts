import { Writable } from 'node:stream'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AccountsService } from '../../src/accounts'
import { createApp } from '../../src/web/app'
import type { MailRequest } from '../../src/mail'
import { startServer, type RunningServer } from '../../src/web/server'
import { testDialects } from '../dialects'
import { testServices, testStore, type TestStore } from '../helpers'
import { appRequester, serverRequester, shopper as shopperOf } from './shopper'

const SEED = '9788962633245'
const PASSWORD = 'rain on the bookshop roof'

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: customer accounts on the web`, () => {
    let store: TestStore
    let now = new Date()
    let accounts: AccountsService
    let app: ReturnType<typeof createApp>
    // The injected mailer's test double: what would have been sent.
    const mail: MailRequest[] = []
    const mailer = { send: async (request: MailRequest) => mail.push(request) }
    beforeAll(async () => {
      store = await testStore(dialect, { demoBooks: 10 })
      accounts = new AccountsService(store.store.db, { now: () => now })
      app = createApp({ ...testServices(store), accounts, mailer })
    })
    afterAll(() => store?.cleanup())

    const shopper = () => shopperOf(appRequester(app), { startAt: '/account/sign-in' })
    /** The path and query of the link in the last mail sent to this address. */
    const mailedLink = (to: string) => {
      const sent = mail.filter((m) => m.to === to).at(-1)!
      const url = new URL(String(sent.params.link))
      return url.pathname + url.search
    }
    const signUp = async (s: ReturnType<typeof shopper>, email: string, name: string) => {
      await s.get('/account/sign-up')
      return s.post('/account/sign-up', { email, name, phone: '', password: PASSWORD })
    }
    const signIn = async (s: ReturnType<typeof shopper>, email: string, password = PASSWORD) => {
      await s.get('/account/sign-in')
      return s.post('/account/sign-in', { email, password })
    }

    it('signs up, mails a verify link, verifies, signs in and shows the profile', async () => {
      const s = shopper()
      const made = await signUp(s, 'Seo@Example.com', '서지우')
      expect(made.status).toBe(200)
      expect(made.headers.get('cache-control')).toBe('no-store')
      expect(await made.text()).toContain('seo@example.com(으)로 확인 링크를 보냈습니다')
      const sent = mail.at(-1)!
      expect(sent).toMatchObject({ to: 'seo@example.com', lang: 'ko', template: 'verify-email', params: { name: '서지우' } })
      expect(String(sent.params.link)).toMatch(/^http:\/\/localhost\/account\/verify\?token=[\w-]{43}$/)
      const verified = await s.get(mailedLink('seo@example.com'))
      expect(await verified.text()).toContain('이메일을 확인했습니다')
      const signedIn = await signIn(s, 'seo@example.com')
      expect(signedIn.status).toBe(303)
      expect(signedIn.headers.getSetCookie().find((c) => c.startsWith('account='))).toMatch(/^account=[\w-]{43}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/)
      const profile = await s.get('/account')
      expect(profile.headers.get('cache-control')).toBe('no-store')
      const page = await profile.text()
      expect(page).toContain('서지우')
      expect(page).toMatch(/이메일 확인<\/dt><dd>확인됨/)
    })

    it('refuses short and common passwords and a wrong one, naming the field in Korean or English, keeping what was typed', async () => {
      const s = shopper()
      await s.get('/account/sign-up')
      const short = await s.post('/account/sign-up', { email: 'han@example.com', name: '한', password: 'short' })
      expect(short.status).toBe(400)
      const shortPage = await short.text()
      expect(shortPage).toContain('비밀번호: 비밀번호는 10자 이상이어야 합니다.')
      expect(shortPage).toContain('value="han@example.com"')
      expect(shortPage).not.toContain('value="short"')
      await s.get('/account/sign-up?lang=en')
      const common = await s.post('/account/sign-up?lang=en', { email: 'han@example.com', name: 'Han', password: 'qwertyuiop' })
      expect(await common.text()).toContain('Password: This password is too common and easy to guess.')
      const wrong = await signIn(s, 'seo@example.com', 'not the password at all')
      expect(wrong.status).toBe(400)
      expect(await wrong.text()).toContain('이메일 또는 비밀번호가 맞지 않습니다.')
      await s.get('/account/sign-in?lang=en')
      const wrongEn = await s.post('/account/sign-in?lang=en', { email: 'seo@example.com', password: 'not the password at all' })
      expect(await wrongEn.text()).toContain('The email or password does not match.')
      expect(wrongEn.headers.getSetCookie().some((c) => c.startsWith('account='))).toBe(false)
    })

    it('uses a verify link once; a reset link expires after 30 minutes and works once within them', async () => {
      const s = shopper()
      await signUp(s, 'oh@example.com', 'Oh')
      const verify = mailedLink('oh@example.com')
      expect((await s.get(verify)).status).toBe(200)
      const again = await s.get(verify)
      expect(again.status).toBe(400)
      expect(await again.text()).toContain('이 링크는 이미 쓰였거나 올바르지 않습니다.')

      await s.get('/account/forgot')
      await s.post('/account/forgot', { email: 'oh@example.com' })
      expect(mail.at(-1)).toMatchObject({ template: 'reset-password', params: { minutes: 30 } })
      const stale = new URLSearchParams(mailedLink('oh@example.com').split('?')[1]).get('token')!
      now = new Date(now.getTime() + 31 * 60_000)
      await s.get(`/account/reset?token=${stale}`)
      const late = await s.post('/account/reset', { token: stale, password: 'a brand new passphrase' })
      expect(late.status).toBe(400)
      expect(await late.text()).toContain('이 링크는 유효 시간이 지났습니다.')

      await s.post('/account/forgot', { email: 'oh@example.com' })
      const fresh = new URLSearchParams(mailedLink('oh@example.com').split('?')[1]).get('token')!
      now = new Date(now.getTime() + 29 * 60_000)
      await s.get(`/account/reset?token=${fresh}`)
      expect((await s.post('/account/reset', { token: fresh, password: 'a brand new passphrase' })).status).toBe(200)
      expect((await s.post('/account/reset', { token: fresh, password: 'yet another passphrase' })).status).toBe(400)
      expect((await signIn(s, 'oh@example.com', 'a brand new passphrase')).status).toBe(303)
    })

    it('answers a forgotten-password request the same whether or not the account exists', async () => {
      const s = shopper()
      const sentBefore = mail.length
      await s.get('/account/forgot')
      const res = await s.post('/account/forgot', { email: 'nobody@example.com' })
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('nobody@example.com(으)로 가입한 계정이 있으면')
      expect(mail.length).toBe(sentBefore)
    })

    it('signing out everywhere ends the session on another device', async () => {
      const phone = shopper()
      const laptop = shopper()
      await signIn(phone, 'seo@example.com')
      await signIn(laptop, 'seo@example.com')
      expect((await laptop.get('/account')).status).toBe(200)
      await phone.get('/account')
      expect((await phone.post('/account/sign-out-everywhere')).status).toBe(200)
      const after = await laptop.get('/account')
      expect(after.status).toBe(303)
      expect(after.headers.get('location')).toBe('/account/sign-in')
      expect(laptop.cookieValue('account')).toBeUndefined()
    })

    it('signs out: the cookie is cleared and its session ends on the server', async () => {
      const s = shopper()
      await signIn(s, 'seo@example.com')
      const token = s.cookieValue('account')!
      await s.get('/account')
      const out = await s.post('/account/sign-out')
      expect(out.status).toBe(303)
      expect(s.cookieValue('account')).toBeUndefined()
      expect(await accounts.session(token)).toBeUndefined()
    })

    it('ignores a forged account cookie and clears it', async () => {
      const s = shopper()
      s.setCookie('account', 'forged-token-forged-token-forged-token-abcde')
      const res = await s.get('/account')
      expect(res.status).toBe(303)
      expect(res.headers.getSetCookie()).toContain('account=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax')
      expect(s.cookieValue('account')).toBeUndefined()
    })

    it('merges the anonymous cart into the account at sign-in, and a new session makes the old form token fail', async () => {
      const s = shopper()
      await s.get(`/books/${SEED}`)
      await s.post('/cart/items', { isbn: SEED, quantity: '2' })
      const anonymous = s.session()
      expect((await store.commerce.cart(anonymous)).count).toBe(2)
      await s.get('/account/sign-in')
      const oldToken = s.token()
      await s.post('/account/sign-in', { email: 'seo@example.com', password: PASSWORD })
      expect(s.session()).not.toBe(anonymous)
      const customer = (await store.store.db.selectFrom('customer').select('id').where('email', '=', 'seo@example.com').executeTakeFirstOrThrow()).id
      expect((await store.commerce.cart(`customer:${customer}`)).lines.map((l) => [l.book.isbn13, l.quantity])).toEqual([[SEED, 2]])
      expect((await store.commerce.cart(anonymous)).count).toBe(0)
      const stale = await s.send('POST', '/cart/items', { isbn: SEED, quantity: '1', _csrf: oldToken })
      expect(stale.status).toBe(403)
      // The cart page and what is added next follow the account, not the new anonymous session.
      expect(await (await s.get('/cart')).text()).toContain('value="2"')
      expect((await s.post('/cart/items', { isbn: SEED, quantity: '1' })).status).toBe(303)
      expect((await store.commerce.cart(`customer:${customer}`)).count).toBe(3)
    })

    it('blocks sign-in after 10 failures for an account, even with the right password, and logs no password', async () => {
      const warnings: Array<Record<string, unknown>> = []
      const logger = pino({ level: 'warn' }, new Writable({ write: (line, _enc, done) => (warnings.push(JSON.parse(String(line))), done()) }))
      const guarded = createApp({ ...testServices(store), logger, accounts, mailer })
      const s = shopperOf(appRequester(guarded), { startAt: '/account/sign-in' })
      await s.get('/account/sign-in')
      for (let i = 0; i < 10; i++) expect((await s.post('/account/sign-in', { email: 'seo@example.com', password: `wrong guess number ${i}` })).status).toBe(400)
      const blocked = await s.post('/account/sign-in', { email: 'SEO@example.com', password: PASSWORD })
      expect(blocked.status).toBe(429)
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(await blocked.text()).toContain('로그인에 너무 여러 번 실패해 잠시 막혔습니다.')
      expect(blocked.headers.getSetCookie().some((c) => c.startsWith('account='))).toBe(false)
      expect(warnings.map((w) => w.scope).sort()).toEqual(['account', 'address'])
      expect(JSON.stringify(warnings)).not.toMatch(/wrong guess|rain on the bookshop/)
    })

    describe('through a running server with its page cache', () => {
      let server: RunningServer
      let base: string
      beforeAll(async () => {
        // startServer passes what it is given on to the app; accounts and a mailer ride along until the server's own services name them.
        const services = { ...testServices(store), accounts, mailer }
        server = await startServer(services, { port: 0, host: '127.0.0.1' })
        base = `http://127.0.0.1:${server.port}`
      })
      afterAll(() => server?.close())
      const hits = async () => (await server.metrics.cacheHits.get()).values[0]?.value ?? 0

      it('never answers a signed-in shopper from the shared cache, and never stores a page rendered for one', async () => {
        const s = shopperOf(serverRequester(base), { startAt: '/account/sign-in' })
        await s.get('/account/sign-in')
        expect((await s.post('/account/sign-in', { email: 'seo@example.com', password: PASSWORD })).status).toBe(303)
        const [cached, fresh] = (await store.catalog.newArrivals(5, '2100-01-01')).slice(3).map((b) => `/books/${b.isbn13}`)
        await fetch(base + cached!)
        const before = await hits()
        await fetch(base + cached!)
        expect(await hits()).toBe(before + 1)
        const signedIn = await s.get(cached!)
        expect(signedIn.status).toBe(200)
        expect(await hits()).toBe(before + 1)
        // Rendered first for the signed-in shopper: the next anonymous visitor is a miss, the one after a hit.
        await s.get(fresh!)
        await fetch(base + fresh!)
        expect(await hits()).toBe(before + 1)
        await fetch(base + fresh!)
        expect(await hits()).toBe(before + 2)
      })
    })
  })
}

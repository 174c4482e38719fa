import { execFile } from 'node:child_process'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { createApp } from '../../src/web/app'
import { testDialects } from '../dialects'
import { testStore, type TestStore } from '../helpers'
import { STAFF_PASSWORD, staffApp } from '../support/staff'
import { shopper } from './shopper'

const root = resolve(import.meta.dirname, '../..')

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: colophon staff`, { timeout: 180_000 }, () => {
    let store: TestStore
    let app: ReturnType<typeof createApp>
    const colophon = (...args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
        const env = { ...process.env, COLOPHON_DB: store.url, COLOPHON_PUBLIC_URL: 'https://books.example' }
        execFile(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'staff', ...args], { env }, (err, stdout, stderr) => done({ code: err ? Number(err.code) : 0, stdout, stderr }))
      })

    beforeAll(async () => {
      store = await testStore(dialect)
      app = staffApp(store)
    })
    afterAll(() => store?.cleanup())

    it('adds an owner and prints a link that sets the password, then lists and disables', async () => {
      const added = await colophon('add', 'Owner@Books.example', '--role', 'owner', '--name', '사장님')
      expect(added.stderr).toBe('')
      expect(added.code).toBe(0)
      const link = /^https:\/\/books\.example(\/admin\/set-password\?token=[\w-]+)$/m.exec(added.stdout)?.[1]
      expect(link, added.stdout).toBeTruthy()

      const browser = shopper((path, init) => Promise.resolve(app.request(path, init)), { startAt: link! })
      const form = await browser.get(link!)
      expect(form.status).toBe(200)
      expect(await form.text()).toContain('owner@books.example')
      const token = new URL(`https://books.example${link}`).searchParams.get('token')!
      expect((await browser.post('/admin/set-password', { token, password: STAFF_PASSWORD })).status).toBe(303)
      expect((await browser.post('/admin/sign-in', { email: 'owner@books.example', password: STAFF_PASSWORD })).status).toBe(303)
      expect((await browser.get('/admin')).headers.get('location')).toBe('/admin/two-factor')

      const disabled = await colophon('disable', 'owner@books.example')
      expect(disabled.code).toBe(0)
      expect((await browser.get('/admin/two-factor')).headers.get('location')).toBe('/admin/sign-in?next=%2Fadmin%2Ftwo-factor')
      expect((await colophon('list')).stdout).toMatch(/^owner@books\.example\towner\tpassword only\tdisabled\t사장님$/m)
    })

    it('refuses an unknown role with exit code 2', async () => {
      const badRole = await colophon('add', 'x@books.example', '--role', 'admin')
      expect(badRole.code).toBe(2)
      expect(badRole.stderr).toContain('expected one of owner, catalog, orders, viewer')
    })
  })
}

/// <reference lib="dom" />
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLogger } from '../../src/core/logger'
import { Gate } from '../../src/web/gate'
import { adminRouteTables } from '../../src/web/routes/admin'
import { startServer, type RunningServer } from '../../src/web/server'
import { sqlite } from '../dialects'
import { testServices, testStore, type TestStore } from '../helpers'
import { placeOrder } from '../payments/setup'
import { SEED, stockSeed } from '../support/checkout'
import { bytesOf, fixture } from '../support/ingest'
import { enrolledStaff, STAFF_PASSWORD, staffService } from '../support/staff'
import { axeViolations, browserAvailable, launchChromium, staffSignIn } from './browser'

const OUT = join(import.meta.dirname, '..', '..', 'test-output')

/**
 * Every back-office page there is, from the route table itself: each GET
 * route that answers HTML, opened in Chromium as an owner (who may open them
 * all) in Korean and in English, and checked by axe. A new page is checked
 * the day its route is added.
 */
describe.skipIf(!browserAvailable())('every back-office page, in both languages, has no axe violations', { timeout: 300_000 }, () => {
  let store: TestStore
  let server: RunningServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let base: string
  const samples: Record<string, string> = {}
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true })
    store = await testStore(sqlite, { demoBooks: 30 })
    await stockSeed(store, 10)
    const order = await placeOrder(store, 1)
    const run = await store.importer.importFile('sample.xml', bytesOf(readFileSync(fixture('onix/sample.xml'))), { user: 'staff' })
    const staff = staffService(store)
    const email = 'owner@books.example'
    await enrolledStaff(store, { email, role: 'owner', name: '주인' })
    const pending = await staff.add({ email: 'new@books.example', role: 'viewer', name: '새 직원' })
    const category = (await store.catalog.categories()).roots[0]!
    const synonym = await store.search.synonyms.set('자스', '자바스크립트', { actor: 'test', actorName: 'test', via: 'test' })
    const hook = await store.webhooks.register({ url: 'https://partner.example/hooks', description: 'accounting', events: ['order.paid'] }, { actor: 'test', actorName: 'test', via: 'test' })
    const pick = await store.catalog.collections.create({ title: { ko: '이달의 책', en: 'Books of the month' }, blurb: { ko: '직원 추천', en: 'Staff picks' }, isbns: [SEED] }, { actor: 'cli', actorName: 'test', via: 'cli' })
    Object.assign(samples, { term: synonym.term, isbn: SEED, number: order.number, run: String(run.runId), member: pending.member.id, category: category.id, token: pending.token, pick: pick.id })
    Object.assign(ids, { imports: samples.run!, categories: samples.category!, picks: samples.pick!, webhooks: hook.endpoint.id })

    server = await startServer(testServices(store), { port: 0, host: '127.0.0.1' })
    base = `http://127.0.0.1:${server.port}`
    browser = await launchChromium()
    context = await browser.newContext()
    page = await context.newPage()
    await staffSignIn(page, base, store, email)
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await server?.close()
    await store?.cleanup()
  })

  /** A route's path with real records in its parameters. */
  function filled(path: string): string {
    return path.replace(/:(\w+)(\{[^}]*\})?/g, (_m, name: string) => {
      // An :id is a record of the area the path starts with: /imports/:id a run, /webhooks/:id an endpoint, and so on.
      if (name === 'id') return ids[path.split('/')[1]!] ?? samples.member!
      return samples[name] ?? samples.isbn!
    })
  }

  it('walks every GET route of the back office', async () => {
    const routes = adminRouteTables({ ...testServices(store), staff: staffService(store), gate: Gate.withRandomSecret({}), logger: createLogger('silent') })
      .flat()
      // Every page; the CSV downloads are files, not pages.
      .filter((r) => r.method === 'GET' && r.permission !== 'signedOut' && !r.path.endsWith('.csv'))
    expect(routes.length).toBeGreaterThan(15)
    const checked: string[] = []
    for (const route of routes) {
      const path = `/admin${route.path === '/' ? '' : filled(route.path)}`
      for (const lang of ['ko', 'en'] as const) {
        const res = await page.goto(`${base}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`)
        expect(res!.status(), `${path} in ${lang}`).toBe(200)
        expect(await page.getAttribute('html', 'lang')).toBe(lang)
        expect(await axeViolations(page), `axe on ${path} in ${lang}`).toEqual([])
        checked.push(`${lang} ${path}`)
      }
      await page.screenshot({ path: join(OUT, `office-page-${route.path.replace(/[^\w]+/g, '_') || 'home'}.png`), fullPage: true })
    }
    expect(checked.length).toBeGreaterThan(30)
  })

  it('checks the signed-out pages too: sign-in, the code step and choosing a password', async () => {
    const visitor = await browser.newPage()
    for (const lang of ['ko', 'en'] as const) {
      await visitor.goto(`${base}/admin/sign-in?lang=${lang}`)
      expect(await axeViolations(visitor), `sign-in in ${lang}`).toEqual([])
      await visitor.goto(`${base}/admin/set-password?token=${samples.token}&lang=${lang}`)
      expect(await visitor.isVisible('#s-new')).toBe(true)
      expect(await axeViolations(visitor), `set-password in ${lang}`).toEqual([])
      await visitor.goto(`${base}/admin/sign-in?lang=${lang}`)
      await visitor.fill('#s-email', 'owner@books.example')
      await visitor.fill('#s-password', STAFF_PASSWORD)
      await visitor.click('form.staff-sign-in button[type=submit]')
      await visitor.waitForSelector('#s-code')
      expect(await axeViolations(visitor), `code step in ${lang}`).toEqual([])
    }
    await visitor.close()
  })
})

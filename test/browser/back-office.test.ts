/// <reference lib="dom" />
import { execFile } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { simpleParser } from 'mailparser'
import { generate } from 'otplib'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseIsbn } from '../../src/catalog'
import { startServer, type RunningServer } from '../../src/web/server'
import { testDialects } from '../dialects'
import { testServices, testStore, type TestStore } from '../helpers'
import { placeOrder } from '../payments/setup'
import { SEED, stockSeed } from '../support/checkout'
import { sharedFixtures } from '../support/ingest'
import { axeViolations, browserAvailable, launchChromium } from './browser'

const ROOT = join(import.meta.dirname, '..', '..')
const OUT = join(ROOT, 'test-output')
const PASSWORD = 'reading-room-lamp-42'
const shared = sharedFixtures()
/** A real publisher's ONIX 3.0 sample with reference tags (EDItEUR's onix-data set). */
const ONIX = shared && join(shared, 'onix/onix-data/Onix3sample_refnames.xml')

/** `colophon staff …` as the shop's owner runs it, against the test database. */
function colophon(url: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const env = { ...process.env, COLOPHON_DB: url, COLOPHON_PUBLIC_URL: 'https://books.example', COLOPHON_LOG_LEVEL: 'warn' }
    execFile(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'staff', ...args], { env }, (err, stdout, stderr) => done({ code: err ? Number(err.code) : 0, stdout, stderr }))
  })
}

/** The TOTP code an authenticator app shows for a key, `stepsAhead` steps from now (a step's code is accepted once). */
const codeFor = (secret: string, stepsAhead = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 })

async function look(page: Page, name: string) {
  expect(await axeViolations(page), `axe on ${name}`).toEqual([])
  await page.screenshot({ path: join(OUT, `office-${name}.png`), fullPage: true })
}

/** Signs in through the form; with a key, answers the code step too. */
async function signIn(page: Page, base: string, email: string, secret?: string, stepsAhead = 0) {
  await page.goto(`${base}/admin/sign-in`)
  await page.fill('#s-email', email)
  await page.fill('#s-password', PASSWORD)
  await page.click('form.staff-sign-in button[type=submit]')
  if (secret) {
    await page.waitForSelector('#s-code')
    await page.fill('#s-code', await codeFor(secret, stepsAhead))
    await page.click('form.staff-code button[type=submit]')
  }
  await page.waitForLoadState()
}

/** Follows a one-time link to choose a password, as a new member does from the owner's message. */
async function setPassword(page: Page, link: string) {
  await page.goto(link)
  await page.fill('#s-new', PASSWORD)
  await page.click('form.staff-set-password button[type=submit]')
  await page.waitForURL(/\/admin\/sign-in\?done=password-set/)
}

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip || !browserAvailable() || !ONIX)(`${dialect.name}: a day in the back office, in Chromium`, { timeout: 300_000 }, () => {
    let store: TestStore
    let server: RunningServer
    let browser: Browser
    let base: string
    const contexts: BrowserContext[] = []
    const person = async () => {
      const context = await browser.newContext({ locale: 'ko-KR' })
      contexts.push(context)
      return context.newPage()
    }

    beforeAll(async () => {
      mkdirSync(OUT, { recursive: true })
      store = await testStore(dialect, { demoBooks: 40 })
      await stockSeed(store, 20)
      server = await startServer(testServices(store), { port: 0, host: '127.0.0.1' })
      base = `http://127.0.0.1:${server.port}`
      browser = await launchChromium()
    })
    afterAll(async () => {
      for (const c of contexts) await c.close()
      await browser?.close()
      await server?.close()
      await store?.cleanup()
    })

    it('owner with two-factor adds staff; the catalog member fixes a book, moves twenty, imports ONIX; the orders member ships; the history tells who', async () => {
      // The first owner comes from the command line, with a one-time link.
      const added = await colophon(store.url, 'add', 'owner@books.example', '--role', 'owner', '--name', '주인')
      expect(added.code, added.stderr).toBe(0)
      const ownerLink = /\/admin\/set-password\?token=[\w-]+/.exec(added.stdout)?.[0]
      expect(ownerLink, added.stdout).toBeTruthy()
      const owner = await person()
      await setPassword(owner, base + ownerLink!)
      await signIn(owner, base, 'owner@books.example')
      // An owner must turn on two-factor before anything else: the key is scanned (or typed) into an app.
      await owner.waitForURL(/\/admin\/two-factor/)
      const secret = (await owner.textContent('.totp-secret'))!.replace(/\s/g, '')
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/)
      await look(owner, 'two-factor')
      await owner.fill('#t-code', await codeFor(secret))
      await owner.click('form[action$="/admin/two-factor"] button[type=submit]')
      await owner.waitForLoadState()
      expect(await owner.locator('code, li').filter({ hasText: /^[a-z0-9]{4,}-[a-z0-9]{4,}$/i }).count()).toBeGreaterThanOrEqual(10)
      // Signed out and in again, the code is asked for.
      await owner.click('form[action$="/admin/sign-out"] button')
      await signIn(owner, base, 'owner@books.example', secret, 1)
      expect(new URL(owner.url()).pathname).toBe('/admin')
      await look(owner, 'dashboard')

      // The owner adds a catalog member and an orders member; each gets a link to set a password.
      const addMember = async (email: string, name: string, role: string) => {
        await owner.goto(`${base}/admin/staff`)
        await owner.fill('#a-email', email)
        await owner.fill('#a-name', name)
        await owner.selectOption('#a-role', role)
        await owner.click('form.staff-add button[type=submit]')
        return new URL((await owner.textContent('.staff-link'))!).pathname + new URL((await owner.textContent('.staff-link'))!).search
      }
      const catalogLink = await addMember('kim@books.example', '김목록', 'catalog')
      await look(owner, 'staff')
      const ordersLink = await addMember('park@books.example', '박발송', 'orders')

      // The catalog member signs in (two-factor is optional for the role).
      const kim = await person()
      await setPassword(kim, base + catalogLink)
      await signIn(kim, base, 'kim@books.example')
      expect(new URL(kim.url()).pathname).toBe('/admin')

      // A cover: the product page then serves it in several widths.
      await kim.goto(`${base}/admin/books/${SEED}/cover`)
      const png = await sharp({ create: { width: 1000, height: 1500, channels: 3, background: { r: 30, g: 90, b: 160 } } }).png().toBuffer()
      await kim.setInputFiles('#cover-file', { name: 'china-russia.png', mimeType: 'image/png', buffer: png })
      await kim.click('form[enctype="multipart/form-data"] button[type=submit]')
      await kim.waitForLoadState()
      await look(kim, 'cover')
      const product = await (await fetch(`${base}/books/${SEED}`)).text()
      expect(product, /<picture>.*?<\/picture>/s.exec(product)?.[0] ?? product.slice(0, 3000)).toMatch(/srcset="[^"]*\/covers\/[^"]+ 160w,[^"]*320w,[^"]*640w"/)

      // The contents as a tree, with the page's script: add an entry at the end, indent it under the last chapter, save.
      await kim.goto(`${base}/admin/books/${SEED}`)
      const rowsBefore = await kim.locator('li.toc-row').count()
      await kim.click('#toc-editor button[value="add:-1"]')
      await kim.waitForFunction((n) => document.querySelectorAll('li.toc-row').length === n + 1, rowsBefore)
      // The script put the focus in the new entry's title.
      expect(await kim.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe(`toc.${rowsBefore}.title`)
      await kim.keyboard.type('부록: 연표')
      await kim.click(`#toc-editor button[value="indent:${rowsBefore}"]`)
      await kim.waitForSelector(`li.toc-row.depth-1 input[name="toc.${rowsBefore}.title"]`)
      expect(await kim.inputValue(`input[name="toc.${rowsBefore}.title"]`)).toBe('부록: 연표')
      await look(kim, 'book-form')
      await kim.click('form.admin-form > button[type=submit]:not(.visually-hidden)')
      await kim.waitForURL(/saved=1/)
      const toc = (await store.catalog.getBook(parseIsbn(SEED))).toc
      expect(toc.length).toBeGreaterThan(0)
      expect(toc.at(-1)!.children?.at(-1)).toEqual({ kind: 'chapter', title: '부록: 연표' })

      // Twenty books moved to one category from the list, by ticking them.
      const category = (await store.catalog.categories()).roots.at(-1)!
      await kim.goto(`${base}/admin/books?sort=isbn`)
      const boxes = kim.locator('input[type=checkbox][name=isbn]')
      expect(await boxes.count()).toBeGreaterThanOrEqual(20)
      const chosen: string[] = []
      for (let i = 0; i < 20; i++) {
        await boxes.nth(i).check()
        chosen.push(await boxes.nth(i).getAttribute('value') as string)
      }
      await kim.selectOption('#bl-action', 'categoryReplace')
      await kim.selectOption('#bl-bulk-category', category.id)
      await look(kim, 'books-list')
      await kim.click('form#bulk button[type=submit]')
      await kim.waitForLoadState()
      const moved = await store.catalog.findBooks(chosen)
      expect(moved).toHaveLength(20)
      for (const book of moved) expect(book.categoryIds, book.isbn13).toEqual([category.id])

      // An ONIX file imported in the browser; the page follows the run to its report.
      await kim.goto(`${base}/admin/imports`)
      await kim.setInputFiles('#import-file', ONIX!)
      await kim.click('form[enctype="multipart/form-data"] button[type=submit]')
      await kim.waitForURL(/\/admin\/imports\/\d+/)
      const runId = Number(/\/admin\/imports\/(\d+)/.exec(kim.url())![1])
      await expect.poll(async () => (await store.importer.recentRuns(5)).find((r) => r.id === runId)?.status, { timeout: 60_000 }).toBe('done')
      const run = (await store.importer.recentRuns(5)).find((r) => r.id === runId)!
      expect(run.counts.records).toBeGreaterThan(0)
      await kim.goto(`${base}/admin/imports/${runId}`)
      const report = (await kim.textContent('main'))!
      expect(report).toContain('Onix3sample_refnames.xml')
      expect(report).toContain(String(run.counts.records))
      await look(kim, 'import-report')

      // A paid order shipped by the orders member; the customer gets the shipped mail with the tracking number.
      const order = await placeOrder(store, 1)
      await store.orders.markPaid(order.number, 'staff:test')
      const park = await person()
      await setPassword(park, base + ordersLink)
      await signIn(park, base, 'park@books.example')
      await park.goto(`${base}/admin/orders/${order.number}`)
      await park.fill('#ship-tracking', '684012345678')
      await look(park, 'order')
      await park.click('form[action$="/ship"] button[type=submit]')
      await park.waitForLoadState()
      expect((await store.orders.byNumber(order.number)).status).toBe('shipped')
      await store.orderMailQueued()
      await store.mail.deliverDue()
      const dir = store.shop.mail.outboxDir!
      const mails = await Promise.all((await readdir(dir)).map(async (f) => simpleParser(await readFile(join(dir, f)))))
      const shipped = mails.find((m) => (m.text ?? '').includes(order.number) && (m.text ?? '').includes('684012345678'))
      expect(shipped, mails.map((m) => m.subject).join(' | ')).toBeTruthy()
      expect(shipped!.to && !Array.isArray(shipped!.to) ? shipped!.to.text : '').toContain(order.buyer.email)

      // The book's history names who changed what: the cover, the contents; a moved book's, the bulk move.
      await owner.goto(`${base}/admin/books/${SEED}/history`)
      const history = (await owner.textContent('main'))!
      expect(history).toContain('김목록')
      expect(history).toMatch(/cover|표지/)
      expect(history).toMatch(/toc|목차/)
      await look(owner, 'history')
      await owner.goto(`${base}/admin/books/${chosen[0]}/history`)
      expect((await owner.textContent('main'))!).toContain('김목록')
      // The orders member may not edit books.
      const refused = await park.goto(`${base}/admin/books/new`)
      expect(refused?.status()).toBe(403)
    })
  })
}

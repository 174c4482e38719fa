/// <reference lib="dom" />
import { mkdirSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../src/web/server'
import { sqlite } from '../dialects'
import { testServices, testStore, type TestStore } from '../helpers'
import { STAFF_PASSWORD, staffService, totpCode } from '../support/staff'
import { axeViolations, browserAvailable, launchChromium } from './browser'

const OUT = join(import.meta.dirname, '..', '..', 'test-output')
const SEED = '9788962633245'

/**
 * Every Content-Security-Policy violation a page reports, from the DOM event
 * (installed before any page script runs) and from the console.
 */
async function watchPolicy(context: BrowserContext): Promise<string[]> {
  const violations: string[] = []
  await context.exposeFunction('reportViolation', (v: string) => violations.push(v))
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation(v: string): void }).reportViolation(`${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`),
    )
  })
  context.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text())
  })
  return violations
}

async function checked(page: Page, name: string, violations: string[]) {
  expect(await axeViolations(page), `axe on ${name}`).toEqual([])
  expect(violations, `CSP on ${name}`).toEqual([])
  await page.screenshot({ path: join(OUT, `walk-${name}.png`), fullPage: true })
}

describe.runIf(browserAvailable())('browser: a shopper and a staff member walk the store with the security policy on', () => {
  let store: TestStore
  let browser: Browser
  let base: string

  let server: RunningServer
  beforeAll(async () => {
    store = await testStore(sqlite, { demoBooks: 80 })
    server = await startServer({ ...testServices(store), staff: staffService(store) }, { port: 0, host: '127.0.0.1' })
    browser = await launchChromium()
    base = `http://127.0.0.1:${server.port}`
    mkdirSync(OUT, { recursive: true })
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await store?.cleanup()
  })

  it('product, search with suggestions, cart and checkout: no policy violation, no axe violation', async () => {
    const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } })
    const violations = await watchPolicy(context)
    const page = await context.newPage()
    const answer = await page.goto(`${base}/books/${SEED}`)
    expect(answer!.headers()['content-security-policy']).toContain("script-src 'self'")
    // JSON-LD is data: the policy lets it stand, and it parses.
    expect(JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!)['@type']).toBe('Book')
    await checked(page, 'product', violations)

    await page.locator('#q').fill('중국')
    await page.locator('#q-suggest li').first().waitFor()
    expect(await page.locator('#q-suggest li').count()).toBeGreaterThan(0)
    await page.locator('#q').press('Enter')
    await page.waitForURL(/\/search\?q=/)
    expect(await page.locator('.shelf li').count()).toBeGreaterThan(0)
    await checked(page, 'search', violations)

    await page.goto(`${base}/books/${SEED}`)
    await page.locator('#qty').fill('2')
    await page.locator('form.buy button[type="submit"]').click()
    await page.waitForURL(/\/cart$/)
    expect(await page.locator('.cart-table').innerText()).toContain('중국과 러시아')
    await checked(page, 'cart', violations)

    await page.getByRole('button', { name: '주문하기' }).click()
    await page.waitForURL(/\/checkout$/)
    await checked(page, 'checkout', violations)
    for (const [field, value] of Object.entries({ buyerName: '김독자', buyerPhone: '010-1234-5678', buyerEmail: 'reader@example.kr', recipientName: '김독자', recipientPhone: '010-1234-5678', postalCode: '06236', address: '서울특별시 강남구 테헤란로 152' })) {
      await page.locator(`#${field}`).fill(value)
    }
    await page.locator('form.checkout button[type="submit"]').click()
    await page.waitForURL(/\/orders\/\d{8}-\d{6}$/)
    expect(await page.locator('h1').innerText()).toContain('주문')
    await checked(page, 'order', violations)
    await context.close()
  }, 180_000)

  it('a page on another origin cannot add to the cart or check out', async () => {
    const context = await browser.newContext({ locale: 'ko-KR' })
    const page = await context.newPage()
    await page.goto(`${base}/books/${SEED}`)
    // Another port of the same host is another origin: its page posts the store's own forms.
    const evil = createServer((_, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(`<form method="post" action="${base}/cart/items"><input name="isbn" value="${SEED}"><input name="quantity" value="1"></form><script>document.forms[0].submit()</script>`)
    })
    await new Promise<void>((done) => evil.listen(0, '127.0.0.1', done))
    try {
      await page.goto(`http://localhost:${(evil.address() as AddressInfo).port}/`)
      await page.waitForURL(`${base}/cart/items`)
      expect(await page.locator('h1').innerText()).toBe('요청을 처리하지 않았습니다')
      await page.goto(`${base}/cart`)
      expect(await page.locator('main').innerText()).toContain('장바구니가 비어 있습니다')
    } finally {
      evil.close()
      await context.close()
    }
  }, 120_000)

  it('the back office: an owner enrols two-factor from the QR page, adds a member; every staff page passes axe in Korean and English', async () => {
    const staff = staffService(store)
    const { member, token } = await staff.add({ email: 'owner@books.example', role: 'owner', name: '사장님' })
    const context = await browser.newContext({ locale: 'ko-KR' })
    const violations = await watchPolicy(context)
    const page = await context.newPage()
    await page.goto(`${base}/admin/set-password?token=${token}`)
    await checked(page, 'admin-set-password', violations)
    await page.locator('#s-new').fill(STAFF_PASSWORD)
    await page.locator('form.staff-set-password button').click()
    await page.waitForURL(/\/admin\/sign-in\?done=password-set/)
    await page.locator('#s-email').fill(member.email)
    await page.locator('#s-password').fill(STAFF_PASSWORD)
    await page.locator('form.staff-sign-in button').click()
    await page.waitForURL(/\/admin\/two-factor$/)
    // The QR code is an image the policy allows (data:), and it has loaded.
    expect(await page.locator('img.totp-qr').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
    await checked(page, 'admin-two-factor', violations)
    await page.locator('#t-code').fill(await totpCode(store, member.email))
    await page.locator('form button[type="submit"]').last().click()
    await page.locator('ul.recovery-codes').waitFor()
    expect(await page.locator('ul.recovery-codes li').count()).toBe(10)
    await checked(page, 'admin-recovery-codes', violations)
    await page.goto(`${base}/admin/staff`)
    await page.locator('#a-email').fill('packer@books.example')
    await page.locator('#a-name').fill('포장 담당')
    await page.locator('#a-role').selectOption('orders')
    await page.locator('form.staff-add button').click()
    await page.locator('code.staff-link').waitFor()
    await checked(page, 'admin-staff-added', violations)
    for (const lang of ['ko', 'en']) {
      for (const path of ['/admin', '/admin/staff', '/admin/me', '/admin/two-factor', `/admin/books/${SEED}`]) {
        await page.goto(`${base}${path}?lang=${lang}`)
        expect(await page.locator('html').getAttribute('lang')).toBe(lang)
        await checked(page, `admin-${lang}${path.replace(/\//g, '-')}`, violations)
      }
    }
    await context.close()
  }, 240_000)

  it('the back office: sign in with the password and the TOTP code, edit a book, save it', async () => {
    const staff = staffService(store)
    const { member, token } = await staff.add({ email: 'editor@books.example', role: 'catalog', name: '편집자' })
    await staff.setPassword(token, STAFF_PASSWORD)
    await staff.startTwoFactor(member.id)
    await staff.confirmTwoFactor(member.id, await totpCode(store, member.email))
    const context = await browser.newContext({ locale: 'ko-KR' })
    const violations = await watchPolicy(context)
    const page = await context.newPage()
    await page.goto(`${base}/admin/books/${SEED}`)
    await page.waitForURL(/\/admin\/sign-in\?next=/)
    await checked(page, 'admin-sign-in', violations)
    await page.locator('#s-email').fill(member.email)
    await page.locator('#s-password').fill(STAFF_PASSWORD)
    await page.locator('form.staff-sign-in button').click()
    await page.locator('#s-code').waitFor()
    await checked(page, 'admin-code', violations)
    // Enrolment spent this step's code; the next one is within the window.
    await page.locator('#s-code').fill(await totpCode(store, member.email, 1))
    await page.locator('form.staff-code button').click()
    await page.waitForURL(/\/admin\/books\/9788962633245/)
    await checked(page, 'admin-book', violations)
    const subtitle = page.locator('input[name="subtitle"]')
    await subtitle.fill('Five Hundred Years')
    await page.locator('form.admin-form > button[type="submit"]:not(.visually-hidden)').click()
    await page.waitForURL(/saved=1/)
    expect(await subtitle.inputValue()).toBe('Five Hundred Years')
    expect((await store.catalog.getBook(SEED as never)).subtitle).toBe('Five Hundred Years')
    await checked(page, 'admin-saved', violations)
    await context.close()
  }, 180_000)
})

/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generatedBook } from '../../src/demo'
import { startServer, type RunningServer } from '../../src/web/server'
import { sqlite } from '../dialects'
import { testServices, testStore, type TestStore } from '../helpers'
import { SEED, stockSeed } from '../support/checkout'
import { enrolledStaff } from '../support/staff'
import { browserAvailable, launchChromium, staffSignIn } from './browser'

/**
 * Markup that runs script when a page lets it through: tags, event handlers,
 * script URLs, SVG, broken tags, a closing script tag inside text, and
 * mutation tricks. Each sets `window.__xss` or opens a dialog if it ever runs.
 */
const CORPUS = [
  `<script>window.__xss=1;alert(1)</script>`,
  `<img src=x onerror="window.__xss=1;alert(1)">`,
  `"><svg onload="window.__xss=1;alert(1)">`,
  `javascript:window.__xss=1;alert(1)`,
  `data:text/html,<script>alert(1)</script>`,
  `<svg><script>window.__xss=1;alert(1)</script></svg>`,
  `<a href="javascript:alert(1)">click</a>`,
  `</script><script>window.__xss=1;alert(1)</script>`,
  `<b onmouseover=alert(1)>broken <i`,
  `'-alert(1)-' "-alert(1)-"`,
  `<iframe src="javascript:alert(1)"></iframe>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
  `<form action="javascript:alert(1)"><button>go</button></form>`,
  `<details open ontoggle=alert(1)>`,
]

/** Everything in the page that would run script or load a document if it were not text: empty when the payloads stayed text. */
async function unsafeParts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = []
    const w = window as unknown as { __xss?: number; __csp?: string[] }
    if (w.__xss) bad.push('a payload ran')
    for (const v of w.__csp ?? []) bad.push(`the policy blocked ${v}`)
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const name of el.getAttributeNames()) if (name.startsWith('on')) bad.push(`<${el.tagName.toLowerCase()} ${name}>`)
      for (const name of ['href', 'src', 'action', 'formaction', 'data', 'xlink:href']) {
        const value = (el.getAttribute(name) ?? '').trim().toLowerCase()
        const isImageData = el.tagName === 'IMG' && value.startsWith('data:image/')
        if (/^(javascript|vbscript|data):/.test(value) && !isImageData) bad.push(`<${el.tagName.toLowerCase()} ${name}="${value.slice(0, 40)}">`)
      }
    }
    for (const el of Array.from(document.querySelectorAll('iframe, frame, object, embed, base, svg script, math, meta[http-equiv]'))) bad.push(`<${el.tagName.toLowerCase()}>`)
    for (const s of Array.from(document.querySelectorAll('script'))) {
      if (s.src) {
        if (new URL(s.src).origin !== location.origin) bad.push(`script from ${s.src}`)
      } else if (s.type === 'application/ld+json') {
        try {
          JSON.parse(s.textContent ?? '')
        } catch {
          bad.push('structured data broken out of')
        }
      } else bad.push('an inline script')
    }
    return bad
  })
}

/**
 * Every payload through every field staff and shoppers can write (the book
 * form and its contents and translations, staff names, a sign-up, checkout's
 * buyer and address, a search, the names of uploaded files), then every page
 * that shows them opened in Chromium: no dialog opens, no payload runs,
 * nothing is blocked by the policy (so nothing got as far as needing to be),
 * and no element carries a handler or a script URL.
 */
describe.skipIf(!browserAvailable())('an XSS corpus through every editable field and upload name', { timeout: 600_000 }, () => {
  let store: TestStore
  let server: RunningServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let base: string
  const dialogs: string[] = []
  const books = CORPUS.map((_, i) => generatedBook(i + 1).isbn13)

  beforeAll(async () => {
    store = await testStore(sqlite, { demoBooks: CORPUS.length + 2 })
    await stockSeed(store, 50)
    await enrolledStaff(store, { email: 'owner@books.example', role: 'owner', name: '주인' })
    server = await startServer(testServices(store), { port: 0, host: '127.0.0.1' })
    base = `http://127.0.0.1:${server.port}`
    browser = await launchChromium()
    context = await browser.newContext()
    // Outside the page's policy (the debugging protocol), so it sees what the page's own scripts would.
    await context.addInitScript(() => {
      const w = window as unknown as { __csp: string[] }
      w.__csp = []
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`))
    })
    page = await context.newPage()
    page.on('dialog', (d) => {
      dialogs.push(`${page.url()}: ${d.message()}`)
      void d.dismiss()
    })
    await staffSignIn(page, base, store, 'owner@books.example')
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await server?.close()
    await store?.cleanup()
  })

  const visited: string[] = []
  async function inert(label: string) {
    await page.waitForLoadState()
    // Hovering and focusing everything gives mouse and focus handlers their chance.
    await page.evaluate(() => document.querySelectorAll('b, i, a, details').forEach((el) => el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }))))
    expect(await unsafeParts(page), `${label} (${page.url()})`).toEqual([])
    visited.push(label)
  }
  async function visit(path: string) {
    await page.goto(base + path)
    await inert(path)
  }
  /** Lets the server, not the browser, judge what is posted: the forms' own checks are the first thing an attacker skips. */
  const skipBrowserChecks = () => page.evaluate(() => document.querySelectorAll('form').forEach((f) => (f.noValidate = true)))

  it('keeps every payload as text on every page that shows it', async () => {
    // 1. The book form: every text field, a contents entry and a translation, one payload per book.
    for (const [i, payload] of CORPUS.entries()) {
      await page.goto(`${base}/admin/books/${books[i]}`)
      await skipBrowserChecks()
      for (const name of ['title', 'subtitle', 'contributors', 'publisher', 'series', 'descriptionHeadline', 'descriptionHtml', 'reviewHtml', 'authorBioHtml', 'toc.0.title', 'tr.0.title', 'tr.0.subtitle']) {
        const field = page.locator(`form.admin-form [name="${name}"]`)
        if (await field.count()) await field.first().fill(payload)
      }
      await page.fill('form.admin-form [name="tr.0.lang"]', 'en')
      await page.click('form.admin-form > button[type=submit]:not(.visually-hidden)')
      await inert(`book form ${i} after saving`)
      expect(page.url(), `book ${i} saved`).toContain('saved=1')
      // A cover URL with a script scheme, a category that does not exist, and fields too long come back as errors that repeat the input.
      await page.goto(`${base}/admin/books/${books[i]}`)
      await skipBrowserChecks()
      await page.fill('#f-coverUrl', payload)
      await page.fill('#f-categoryIds', payload)
      await page.fill('#f-size', payload)
      await page.fill('#f-seriesNumber', payload)
      await page.fill('form.admin-form [name="toc.0.number"]', payload)
      await page.fill('form.admin-form [name="tr.0.lang"]', payload)
      await page.click('form.admin-form > button[type=submit]:not(.visually-hidden)')
      await inert(`book form ${i} refused`)
    }
    const saved = await store.catalog.findBooks(books)
    // The plain fields kept the payload as text (the rich ones were cleaned).
    expect(saved.filter((b) => CORPUS.includes(b.title)).length).toBeGreaterThanOrEqual(CORPUS.length - 1)

    // 2. Upload names: a cover and an import file named as payloads.
    const png = await sharp({ create: { width: 400, height: 600, channels: 3, background: { r: 200, g: 40, b: 40 } } }).png().toBuffer()
    for (const payload of CORPUS.slice(0, 4)) {
      await page.goto(`${base}/admin/books/${SEED}/cover`)
      await page.setInputFiles('#cover-file', { name: `${payload}.png`, mimeType: 'image/png', buffer: png })
      await page.click('form[enctype="multipart/form-data"] button[type=submit]')
      await inert('cover uploaded')
      await page.goto(`${base}/admin/imports`)
      await page.setInputFiles('#import-file', { name: `${payload}.csv`, mimeType: 'text/csv', buffer: Buffer.from(`isbn,title\n${SEED},"${payload.replaceAll('"', '""')}"\n`) })
      await page.click('form[enctype="multipart/form-data"] button[type=submit]')
      await page.waitForURL(/\/admin\/imports\/\d+/)
      await inert('import run')
    }

    // 3. Staff names, and an address that is not one.
    for (const [i, payload] of CORPUS.slice(0, 5).entries()) {
      await page.goto(`${base}/admin/staff`)
      await skipBrowserChecks()
      await page.fill('#a-email', `member${i}@books.example`)
      await page.fill('#a-name', payload)
      await page.click('form.staff-add button[type=submit]')
      await inert(`staff member ${i}`)
    }
    await page.goto(`${base}/admin/staff`)
    await skipBrowserChecks()
    await page.fill('#a-email', CORPUS[2]!)
    await page.click('form.staff-add button[type=submit]')
    await inert('staff member refused')

    // 4. Category names: a new category, and a rename that is refused (the form comes back with the input).
    for (const [i, payload] of CORPUS.slice(0, 4).entries()) {
      await page.goto(`${base}/admin/categories`)
      await skipBrowserChecks()
      await page.fill('#c-name-ko', payload.slice(0, 100))
      await page.fill('#c-name-en', `${payload.slice(0, 90)} ${i}`)
      await page.fill('#c-id', `payload-${i}`)
      await page.click('form.category-add button[type=submit]')
      await inert(`category ${i}`)
      await page.goto(`${base}/admin/categories`)
      await skipBrowserChecks()
      await page.fill('#c-name-ko', payload.slice(0, 100))
      await page.fill('#c-name-en', payload.slice(0, 100))
      await page.fill('#c-id', payload.slice(0, 64))
      await page.click('form.category-add button[type=submit]')
      await inert(`category ${i} refused`)
    }
    expect((await store.catalog.categories()).get('payload-0')?.name.ko).toBe(CORPUS[0])

    // 5. A shopper: a sign-up and a checkout with payloads in every field they type.
    const shopper = await context.newPage()
    shopper.on('dialog', (d) => {
      dialogs.push(`${shopper.url()}: ${d.message()}`)
      void d.dismiss()
    })
    const orders: string[] = []
    for (const [i, payload] of CORPUS.slice(0, 4).entries()) {
      await shopper.goto(`${base}/books/${SEED}`)
      await shopper.click('#buy button[type=submit]')
      await shopper.click('form[action^="/cart/checkout"] button')
      await shopper.evaluate(() => document.querySelectorAll('form').forEach((f) => (f.noValidate = true)))
      const text = { buyerName: payload.slice(0, 40), buyerEmail: `reader${i}@example.kr`, buyerPhone: '010-1234-5678', recipientName: payload.slice(0, 40), recipientPhone: '010-2345-6789', postalCode: '06236', address: payload, addressDetail: payload, deliveryNote: payload, depositorName: payload.slice(0, 20) }
      for (const [name, value] of Object.entries(text)) if (await shopper.locator(`#${name}`).count()) await shopper.fill(`#${name}`, value)
      await shopper.click('form.checkout button[type=submit]')
      await shopper.waitForLoadState()
      const number = /\/orders\/(\d{8}-\d+)/.exec(shopper.url())?.[1]
      if (number) orders.push(number)
      expect(await unsafeParts(shopper), `checkout ${i} (${shopper.url()})`).toEqual([])
      // The same payloads, refused: a phone that is not one brings the form back with every value.
      await shopper.goto(`${base}/books/${SEED}`)
      await shopper.click('#buy button[type=submit]')
      await shopper.click('form[action^="/cart/checkout"] button')
      await shopper.evaluate(() => document.querySelectorAll('form').forEach((f) => (f.noValidate = true)))
      for (const [name, value] of Object.entries({ ...text, buyerPhone: payload })) if (await shopper.locator(`#${name}`).count()) await shopper.fill(`#${name}`, value)
      await shopper.click('form.checkout button[type=submit]')
      await shopper.waitForLoadState()
      expect(await unsafeParts(shopper), `refused checkout ${i}`).toEqual([])
      await shopper.goto(`${base}/cart`)
    }
    expect(orders.length).toBeGreaterThan(0)
    await shopper.goto(`${base}/account/sign-up`)
    await shopper.evaluate(() => document.querySelectorAll('form').forEach((f) => (f.noValidate = true)))
    await shopper.fill('#email', 'payload@example.kr')
    await shopper.fill('#name', CORPUS[1]!)
    await shopper.fill('#phone', '010-2345-6789')
    await shopper.fill('#password', 'a long walk to the bookshop')
    await shopper.click('form[action^="/account/sign-up"] button[type=submit]')
    await shopper.waitForLoadState()
    expect(await unsafeParts(shopper), 'sign-up').toEqual([])
    await shopper.close()

    // 6. Every page that shows what was written, public and staff.
    for (const isbn of books) {
      await visit(`/books/${isbn}`)
      await visit(`/admin/books/${isbn}`)
      await visit(`/admin/books/${isbn}/history`)
    }
    for (const payload of CORPUS) {
      await visit(`/search?q=${encodeURIComponent(payload)}`)
      await visit(`/admin/books?q=${encodeURIComponent(payload)}`)
    }
    for (const path of ['/', '/admin', '/admin/books', '/admin/books?missing=cover', '/admin/staff', '/admin/imports', '/admin/orders?queue=awaiting_payment', '/admin/duplicates', '/admin/categories', '/admin/categories/payload-0', '/admin/categories/payload-1', '/categories/payload-0', '/categories/payload-2', `/books/${SEED}`, `/admin/books/${SEED}/cover`, `/admin/books/${SEED}/history`])
      await visit(path)
    for (const run of await store.importer.recentRuns(10)) await visit(`/admin/imports/${run.id}`)
    for (const number of orders) {
      await visit(`/admin/orders/${number}`)
      await visit(`/admin/orders/slips?number=${number}`)
    }
    expect(dialogs).toEqual([])
    expect(visited.length).toBeGreaterThan(CORPUS.length * 6)
  })
})

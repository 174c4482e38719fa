import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseIsbn } from '../../src/catalog'
import { startServer } from '../../src/web/server'
import { axeViolations, browserAvailable, launchChromium } from '../browser/browser'
import { sqlite } from '../dialects'
import { testServices, testStore, type TestStore } from '../helpers'
import { staffService, staffShopper } from '../support/staff'
import { serverRequester } from '../web/shopper'

const SEED = parseIsbn('9788962633245')
const XSS = '<img src=x onerror=alert(1)><svg onload=alert(2)></svg></script><script>alert(3)</script>'

describe.runIf(browserAvailable())('browser: a book history page', () => {
  let store: TestStore
  let server: Awaited<ReturnType<typeof startServer>>
  let browser: Browser
  let base: string
  let cookies: Array<{ name: string; value: string; domain: string; path: string }>

  beforeAll(async () => {
    store = await testStore(sqlite, { demoBooks: 3 })
    server = await startServer({ ...testServices(store), staff: staffService(store) }, { port: 0, host: '127.0.0.1' })
    base = `http://127.0.0.1:${server.port}`
    const member = await staffShopper(serverRequester(base), store, 'catalog', { name: '김편집 <b>' })
    cookies = member.cookie().split('; ').map((pair) => {
      const eq = pair.indexOf('=')
      return { name: pair.slice(0, eq), value: pair.slice(eq + 1), domain: '127.0.0.1', path: '/' }
    })
    const editor = { actor: `staff:${member.member.id}`, actorName: member.member.name, via: 'form' }
    await store.catalog.editBooks([{ isbn13: SEED, fields: { subtitle: XSS, stock: 3 } }], editor)
    const { title } = await store.catalog.getBook(SEED)
    await store.importer.importFile('stock.csv', (async function* () { yield Buffer.from(`isbn13,title,stock\n${SEED},${title},4\n`) })(), { user: 'ops' })
    browser = await launchChromium()
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await store?.cleanup()
  })

  it('shows changes with script in them as text, with no axe violations, in Korean and English', async () => {
    const context = await browser.newContext()
    await context.addCookies(cookies)
    const page = await context.newPage()
    const dialogs: string[] = []
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    for (const lang of ['ko', 'en']) {
      const answer = await page.goto(`${base}/admin/books/${SEED}/history${lang === 'en' ? '?lang=en' : ''}`)
      expect(answer?.status()).toBe(200)
      expect(await page.locator('.audit-entry').count()).toBe(2)
      expect(await page.locator('.audit-entry').first().textContent()).toContain('ops')
      expect(await page.locator('.audit-value', { hasText: XSS }).count()).toBe(1)
      expect(await page.locator('.audit-entry strong').last().textContent()).toBe('김편집 <b>')
      expect(await axeViolations(page)).toEqual([])
    }
    expect(dialogs).toEqual([])
    await context.close()
  }, 60_000)
})

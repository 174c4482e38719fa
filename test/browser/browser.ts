/// <reference lib="dom" />
import axe from 'axe-core'
import { existsSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'
import { startServer } from '../../src/web/server'
import { sqlite } from '../dialects'
import { testServices, testStore } from '../helpers'
import { STAFF_PASSWORD, totpCode } from '../support/staff'

export const CHROMIUM = '/usr/bin/chromium'

/** Whether the browser tests can run here; under CI a missing browser is a failure, not a skip. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing: .ci/run must install Debian's chromium`)
  console.warn(`skipping browser tests: ${CHROMIUM} not found (apt-get install chromium)`)
  return false
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
}

/**
 * axe's WCAG 2.1 A/AA findings on a page. axe is evaluated through the
 * browser's debugging protocol, not added as a script tag, so it runs under
 * the store's Content-Security-Policy without weakening it.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source)
  const result = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  )
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
}

/** Signs a member in through the back office's forms in the browser: password, then the TOTP code the next step gives (enrolment spent the current one). */
export async function staffSignIn(page: Page, base: string, store: Parameters<typeof totpCode>[0], email: string): Promise<void> {
  await page.goto(`${base}/admin/sign-in`)
  await page.fill('#s-email', email)
  await page.fill('#s-password', STAFF_PASSWORD)
  await page.click('form.staff-sign-in button[type=submit]')
  await page.waitForSelector('#s-code')
  await page.fill('#s-code', await totpCode(store, email, 1))
  await page.click('form.staff-code button[type=submit]')
  await page.waitForURL(/\/admin(\?|$)/)
}

/** A store with a demo catalog served on a free port, and a browser to visit it: what every browser test starts from. */
export async function browsedStore(serverOptions: { adminPassword?: string } = {}) {
  const store = await testStore(sqlite, { demoBooks: 80 })
  const server = await startServer(testServices(store), { port: 0, host: '127.0.0.1', ...serverOptions })
  const browser = await launchChromium()
  return {
    store,
    server,
    browser,
    base: `http://127.0.0.1:${server.port}`,
    async close() {
      await browser.close()
      await server.close()
      await store.cleanup()
    },
  }
}

/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../src/web/server'
import { sqlite } from '../dialects'
import { testServices, testStore, type TestStore } from '../helpers'
import { staffService, staffShopper } from '../support/staff'
import { serverRequester } from '../web/shopper'
import { axeViolations, browserAvailable, launchChromium } from './browser'

describe.runIf(browserAvailable())('browser: the category screens pass axe in Korean and English, and their forms post as plain forms', () => {
  let store: TestStore
  let server: RunningServer
  let browser: Browser
  let base: string

  beforeAll(async () => {
    store = await testStore(sqlite, { demoBooks: 20 })
    server = await startServer({ ...testServices(store), staff: staffService(store) }, { port: 0, host: '127.0.0.1' })
    browser = await launchChromium()
    base = `http://127.0.0.1:${server.port}`
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await store?.cleanup()
  })

  /** A page signed in as a catalog member: the session made through the forms, handed to the browser. */
  async function signedIn(): Promise<Page> {
    const member = await staffShopper(serverRequester(base), store, 'catalog')
    const context = await browser.newContext({ locale: 'ko-KR' })
    await context.addCookies(member.cookie().split('; ').map((pair) => {
      const eq = pair.indexOf('=')
      return { name: pair.slice(0, eq), value: pair.slice(eq + 1), url: base }
    }))
    return context.newPage()
  }

  it('the tree, a category and the subject table, and a refused form, each without axe violations', async () => {
    const page = await signedIn()
    for (const lang of ['ko', 'en']) {
      for (const path of ['/admin/categories', '/admin/categories/history', '/admin/categories/mapping']) {
        const res = await page.goto(`${base}${path}?lang=${lang}`)
        expect(res?.status(), path).toBe(200)
        expect(await axeViolations(page), `axe on ${lang} ${path}`).toEqual([])
      }
    }
    await page.goto(`${base}/admin/categories/history`)
    await page.fill('#r-name-en', ' ')
    await page.click('form[action$="/rename"] button[type=submit]')
    expect(await page.locator('.flash.error').textContent()).toContain('영어 이름을(를) 입력해 주세요.')
    expect(await axeViolations(page), 'axe on a refused rename').toEqual([])

    await page.fill('#r-name-en', 'Histories')
    await page.click('form[action$="/rename"] button[type=submit]')
    await page.waitForURL(/\/admin\/categories\/history\?done=renamed$/)
    expect(await page.locator('h1').textContent()).toContain('Histories')
    expect(await axeViolations(page), 'axe on a saved rename').toEqual([])
  }, 120_000)
})

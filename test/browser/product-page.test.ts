/// <reference lib="dom" />
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SHARED } from '../helpers'
import { axeViolations, browsedStore, browserAvailable } from './browser'

const SEED_PAGE = join(SHARED, 'seed', '000_722d20bdf333cbed.txt')
const OUT = join(import.meta.dirname, '..', '..', 'test-output')

let browser: Browser
let base: string

describe.runIf(browserAvailable())('browser: the seed book page', () => {
  let close: () => Promise<void>
  beforeAll(async () => {
    ;({ browser, base, close } = await browsedStore())
    mkdirSync(OUT, { recursive: true })
  })
  afterAll(() => close?.())

  for (const lang of ['ko', 'en'] as const) {
    it(`shows every section with the seed's facts, in ${lang === 'ko' ? 'Korean' : 'English'}, and passes axe`, async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: lang === 'ko' ? 'ko-KR' : 'en-US' })
      await page.goto(`${base}/books/9788962633245${lang === 'en' ? '?lang=en' : ''}`)
      const L = lang === 'ko'
        ? { skip: '상품 정보로 건너뛰기', title: '중국과 러시아', intro: '책소개', toc: '목차', review: '출판사 리뷰', specs: '상품 정보', related: '이 책과 함께 보면 좋은 책', categories: '카테고리', pages: '368쪽 | 148*217*30mm', date: '2025년 10월 20일', world: '세계사' }
        : { skip: 'Skip to product information', title: 'China and Russia', intro: 'Book Introduction', toc: 'Table of contents', review: "Publisher's Review", specs: 'Specifications', related: 'You may also like', categories: 'Categories', pages: '368 pages | 148*217*30mm', date: 'October 20, 2025', world: 'World history' }

      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(L.title)
      for (const heading of [L.intro, L.toc, L.review, L.specs, L.related, L.categories]) {
        expect(await page.getByRole('heading', { level: 2, name: heading, exact: true }).isVisible(), heading).toBe(true)
      }
      const specs = page.locator('#specifics')
      for (const fact of [L.date, L.pages, '9788962633245', '8962633248']) expect(await specs.getByText(fact, { exact: true }).isVisible(), fact).toBe(true)
      expect(await page.locator('#contents').getByText('Beijing 1618: Encountering the Unknown').isVisible()).toBe(true)
      expect(await page.locator('#related .card').count()).toBeGreaterThanOrEqual(6)
      expect(await page.locator('#categories').getByRole('link', { name: L.world }).first().isVisible()).toBe(true)

      // The skip link is the first thing Tab reaches, and it moves focus to the product information.
      await page.keyboard.press('Tab')
      const skip = await page.evaluate(() => document.activeElement?.textContent)
      expect(skip).toBe(L.skip)
      await page.keyboard.press('Enter')
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('product-info')

      // The folded table of contents opens with the "more" button, and its last entry becomes visible.
      const last = page.locator('#contents').getByText('Photo source')
      expect(await last.evaluate((el) => el.getBoundingClientRect().top < el.closest('.fold')!.getBoundingClientRect().bottom)).toBe(false)
      await page.locator('#contents button.more').click()
      expect(await page.locator('#contents button.more').getAttribute('aria-expanded')).toBe('true')
      expect(await last.evaluate((el) => el.getBoundingClientRect().top < el.closest('.fold')!.getBoundingClientRect().bottom)).toBe(true)

      expect(await axeViolations(page)).toEqual([])
      await page.screenshot({ path: join(OUT, `product-${lang}.png`), fullPage: true })
      await page.close()
    })
  }

  it('unfolds long sections without JavaScript too', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${base}/books/9788962633245`)
    await page.locator('#contents a.more').click()
    const last = page.locator('#contents').getByText('Photo source')
    expect(await last.evaluate((el) => el.getBoundingClientRect().top < el.closest('.fold')!.getBoundingClientRect().bottom)).toBe(true)
    await context.close()
  })

  it('is readable at 360 px wide', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } })
    await page.goto(`${base}/books/9788962633245`)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    expect(await axeViolations(page)).toEqual([])
    await page.screenshot({ path: join(OUT, 'product-360.png'), fullPage: true })
    await page.close()
  })

  it('shows the reference page facts, as read from the seed file', async () => {
    if (!existsSync(SEED_PAGE)) {
      if (process.env.CI === 'true') throw new Error(`${SEED_PAGE} is missing`)
      console.warn(`skipping the seed-file cross-check: ${SEED_PAGE} not found`)
      return
    }
    const seed = readFileSync(SEED_PAGE, 'utf8')
    const chapters = [...seed.matchAll(/^(\d{2}) (.+)$/gm)].map((m) => [m[1]!, m[2]!.trim()])
    expect(chapters).toHaveLength(12)
    const page = await browser.newPage()
    await page.goto(`${base}/books/9788962633245?lang=en`)
    const toc = (await page.locator('#contents').innerText()).replace(/\s+/g, ' ')
    for (const [n, title] of chapters) expect(toc).toContain(`${n} ${title}`)
    const specs = (await page.locator('#specifics').innerText()).replace(/\s+/g, ' ')
    expect(specs).toContain(seed.match(/ISBN13: (\d+)/)![1])
    expect(specs).toContain(seed.match(/ISBN10: (\d+)/)![1])
    expect(specs).toContain(seed.match(/Page count, weight, size: (.+)/)![1]!.trim())
    expect(specs).toContain(seed.match(/Date of issue: (.+)/)![1]!.trim())
    await page.close()
  })
})

/// <reference lib="dom" />
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, browsedStore, browserAvailable } from './browser'

const OUT = join(import.meta.dirname, '..', '..', 'test-output')
const SEED = '9788962633245'

describe.skipIf(!browserAvailable())("the seed book's chapters on a map and a timeline, in Chromium", { timeout: 120_000 }, () => {
  let shop: Awaited<ReturnType<typeof browsedStore>>
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true })
    shop = await browsedStore()
  })
  afterAll(() => shop?.close())

  for (const lang of ['ko', 'en'] as const) {
    it(`draws twelve numbered chapters on the map and the timeline, each linked to its chapter (${lang})`, async () => {
      const page = await shop.browser.newPage({ viewport: { width: 1100, height: 900 } })
      await page.goto(`${shop.base}/books/${SEED}?lang=${lang}`)
      const atlas = page.locator('#atlas')
      await atlas.scrollIntoViewIfNeeded()
      // Nine places (Beijing three times, Shanghai twice) carry the twelve chapter numbers.
      expect(await page.locator('svg.atlas-map circle').count()).toBe(9)
      const mapLabels = (await page.locator('svg.atlas-map text').allTextContents()).flatMap((t) => t.split('·'))
      expect(mapLabels.sort()).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'])
      expect(await page.locator('svg.atlas-timeline circle').count()).toBe(12)
      expect(await page.locator('svg.atlas-timeline text.year').allTextContents()).toEqual(expect.arrayContaining(['1618', '2022']))
      expect(await page.locator('svg.atlas-map path.land').getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+/)
      // The text alternative: every chapter's place and year, in words.
      const list = await page.locator('ol.atlas-list li').allTextContents()
      expect(list).toHaveLength(12)
      expect(list[0]).toMatch(/Beijing, 1618$/)
      expect(list[11]).toMatch(/Kiiu \(Kyiv\), 2022$/)
      // Each link leads to its chapter in the contents.
      for (const href of await page.locator('#atlas a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) expect(await page.locator(href!).count(), href!).toBe(1)
      await page.click('ol.atlas-list li:nth-child(6) a')
      expect(await page.evaluate(() => location.hash)).toMatch(/^#toc-\d+$/)
      const target = page.locator(':target')
      expect(await target.textContent()).toContain('Moscow 1950')
      // The folded contents open to show the chapter a link leads to.
      expect(await target.evaluate((el) => el.getBoundingClientRect().bottom <= el.closest('.fold')!.getBoundingClientRect().bottom)).toBe(true)
      expect(await axeViolations(page)).toEqual([])
      await atlas.screenshot({ path: join(OUT, `chapter-atlas-${lang}.png`) })
      await page.close()
    })
  }

  it('shows no map or timeline for a book whose contents have no places', async () => {
    const page = await shop.browser.newPage()
    const [other] = (await shop.store.catalog.newArrivals(3, '2100-01-01')).filter((b) => b.isbn13 !== SEED)
    await page.goto(`${shop.base}/books/${other!.isbn13}`)
    expect(await page.locator('#atlas, svg.atlas-map').count()).toBe(0)
    await page.close()
  })
})

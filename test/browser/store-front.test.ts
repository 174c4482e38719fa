/// <reference lib="dom" />
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseIsbn } from '../../src/catalog'
import { checkoutInput, SEED, stockSeed } from '../support/checkout'
import { axeViolations, browsedStore, browserAvailable } from './browser'

const OUT = join(import.meta.dirname, '..', '..', 'test-output')

describe.skipIf(!browserAvailable())("the store's front, bestsellers and 책 속으로, in Chromium", { timeout: 120_000 }, () => {
  let shop: Awaited<ReturnType<typeof browsedStore>>
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true })
    shop = await browsedStore()
    const { store } = shop
    await stockSeed(store, 20)
    await store.commerce.addItem('reader-1', parseIsbn(SEED), 2)
    const order = await store.orders.place({ owner: 'reader-1', customerId: null, input: checkoutInput() })
    await store.orders.markPaid(order.number, 'bank')
    await store.commerce.bestsellers.rebuild()
    const others = (await store.catalog.newArrivals(4, '2100-01-01')).filter((b) => b.isbn13 !== SEED)
    await store.catalog.collections.create({ title: { ko: '이달의 역사책', en: 'History of the month' }, blurb: { ko: '직원이 고른 책', en: 'Chosen by our staff' }, isbns: [SEED, ...others.map((b) => b.isbn13)] }, { actor: 'cli', actorName: 'test', via: 'cli' })
    await store.catalog.editBooks([{ isbn13: parseIsbn(SEED), fields: { excerptsHtml: '<p>1618년 베이징에 러시아 사절이 처음 닿았다.</p>' } }])
  })
  afterAll(() => shop?.close())

  for (const lang of ['ko', 'en'] as const) {
    it(`shows the bestseller the orders made, the staff picks and the lists, with no axe violations (${lang})`, async () => {
      const page = await shop.browser.newPage({ viewport: { width: 1100, height: 900 } })
      await page.goto(`${shop.base}/?lang=${lang}`)
      expect(await page.locator('ol.bestsellers li.card a').first().getAttribute('href')).toContain(SEED)
      expect(await page.locator('section.pick h2').textContent()).toBe(lang === 'ko' ? '이달의 역사책' : 'History of the month')
      expect(await axeViolations(page)).toEqual([])
      await page.screenshot({ path: join(OUT, `store-front-${lang}.png`), fullPage: false })

      await page.goto(`${shop.base}/bestsellers?period=weekly&lang=${lang}`)
      expect(await page.locator('h1').textContent()).toBe(lang === 'ko' ? '주간 베스트셀러' : 'Weekly bestsellers')
      expect(await page.locator('ol.bestsellers .why').first().textContent()).toBe(lang === 'ko' ? '1위 NEW' : '#1 NEW')
      expect(await axeViolations(page)).toEqual([])

      await page.goto(`${shop.base}/books/${SEED}?lang=${lang}`)
      expect(await page.locator('p.standing').textContent()).toContain(lang === 'ko' ? '종합 1위' : '#1 overall')
      expect(await page.locator('#excerpts h2').textContent()).toBe(lang === 'ko' ? '책 속으로' : 'From the book')
      expect(await axeViolations(page)).toEqual([])
      await page.close()
    })
  }
})

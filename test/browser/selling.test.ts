/// <reference lib="dom" />
import { spawn } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { ParsedMail } from 'mailparser'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { parseBookInput } from '../../src/catalog'
import { seoulDay } from '../../src/commerce'
import { generatedBook, seedBook } from '../../src/demo'
import { startServer, type RunningServer } from '../../src/web/server'
import { testDialects } from '../dialects'
import { testServices, testStore, type TestStore } from '../helpers'
import { freePort, smtpUrl, startSmtpSink, type SmtpSink } from '../mail/smtp-sink'
import { startPortOneStandin, type PortOneStandin } from '../support/portone-standin'
import { axeViolations, browserAvailable, launchChromium } from './browser'

const ROOT = join(import.meta.dirname, '..', '..')
const OUT = join(ROOT, 'test-output')
const SEED = '9788962633245'
const OTHER = generatedBook(3).isbn13
const PASSWORD = 'a long walk to the bookshop'

async function accessible(page: Page, name: string) {
  expect(await axeViolations(page), `axe on ${name}`).toEqual([])
  await page.screenshot({ path: join(OUT, `selling-${name}.png`), fullPage: true })
}

/** The first mail to `to` whose subject matches, once the SMTP server has it. */
async function mailTo(sink: SmtpSink, to: string, subject: RegExp): Promise<ParsedMail> {
  return vi.waitFor(
    () => {
      const mail = sink.received.find((m) => m.to && !Array.isArray(m.to) && m.to.text.includes(to) && subject.test(m.subject ?? ''))
      if (!mail) throw new Error(`no mail to ${to} matching ${subject} yet (${sink.received.map((m) => m.subject).join(' | ')})`)
      return mail
    },
    { timeout: 15_000, interval: 100 },
  )
}

/** `colophon …` as staff run it, against the same database and SMTP server. */
function colophon(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT, env: { ...process.env, ...env, COLOPHON_LOG_LEVEL: 'warn' } })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    child.on('close', (code) => resolve({ code, out }))
  })
}

/** Fills the delivery part of the checkout form as a shopper types it. */
async function fillDelivery(page: Page) {
  await page.fill('#recipientName', '김독자')
  await page.fill('#recipientPhone', '010-2345-6789')
  await page.fill('#postalCode', '06236')
  await page.fill('#address', '서울특별시 강남구 테헤란로 152')
  await page.fill('#addressDetail', '강남파이낸스센터 12층')
  await page.fill('#deliveryNote', '경비실에 맡겨 주세요')
}

for (const dialect of testDialects()) {
  describe.runIf(browserAvailable() && !dialect.skip)(`browser, ${dialect.name}: a shop that sells`, () => {
    let store: TestStore
    let server: RunningServer
    let browser: Browser
    let sink: SmtpSink
    let portone: PortOneStandin
    let base: string
    let smtp: string

    beforeAll(async () => {
      mkdirSync(OUT, { recursive: true })
      const port = await freePort()
      sink = await startSmtpSink(port)
      smtp = smtpUrl(port)
      portone = await startPortOneStandin()
      store = await testStore(dialect, {
        demoBooks: 10,
        shop: {
          mail: { smtpUrl: smtp, from: 'Colophon <shop@colophon.test>', outboxDir: OUT },
          portone: { storeId: portone.storeId, channelKey: 'channel-key-test', apiSecret: portone.secret, webhookSecret: portone.webhookSecret, baseUrl: portone.url, sdkUrl: `${portone.url}/v2/browser-sdk.js` },
        },
      })
      await store.catalog.saveBooks([parseBookInput({ ...seedBook, stock: 20 })])
      server = await startServer(testServices(store), { port: 0, host: '127.0.0.1' })
      base = `http://127.0.0.1:${server.port}`
      browser = await launchChromium()
    })
    afterAll(async () => {
      await browser?.close()
      await server?.close()
      await store?.cleanup()
      await sink?.close()
      await portone?.close()
    })

    it('a member signs up, verifies by mail, orders two books to a Korean address by bank transfer, is paid by statement and shipped by the CLI', async () => {
      const email = `reader-${dialect.name}@example.kr`
      const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } })
      const page = await context.newPage()

      await page.goto(`${base}/account/sign-up`)
      await page.fill('#email', email)
      await page.fill('#name', '김독자')
      await page.fill('#phone', '010-2345-6789')
      await page.fill('#password', PASSWORD)
      await accessible(page, 'sign-up')
      await page.click('form[action^="/account/sign-up"] button[type=submit]')
      await expect.poll(() => page.textContent('main')).toContain(email)

      const verify = await mailTo(sink, email, /.*/)
      const link = /https?:\/\/\S+\/account\/verify\?token=[\w-]+/.exec(verify.text ?? '')![0]
      await page.goto(link)
      await accessible(page, 'verified')

      await page.goto(`${base}/account/sign-in`)
      await page.fill('#email', email)
      await page.fill('#password', PASSWORD)
      await page.click('form[action^="/account/sign-in"] button[type=submit]')
      await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'))

      for (const isbn of [SEED, OTHER]) {
        await page.goto(`${base}/books/${isbn}`)
        await page.click('#buy button[type=submit]')
        await page.waitForURL(/\/cart/)
      }
      await accessible(page, 'cart')
      await page.click('form[action^="/cart/checkout"] button')
      await page.waitForURL(/\/checkout/)
      expect(await page.inputValue('#buyerName')).toBe('김독자')
      expect(await page.inputValue('#buyerEmail')).toBe(email)
      await accessible(page, 'checkout')
      // A wrong postal code is named, and nothing typed is lost.
      await fillDelivery(page)
      await page.fill('#postalCode', '0623')
      await page.click('form.checkout button[type=submit]')
      await expect.poll(() => page.textContent('.form-errors')).toContain('우편번호는 숫자 다섯 자리입니다')
      expect(await page.inputValue('#address')).toBe('서울특별시 강남구 테헤란로 152')
      await accessible(page, 'checkout-errors')
      await page.fill('#postalCode', '06236')
      await page.click('form.checkout button[type=submit]')
      await page.waitForURL(/\/orders\/\d{8}-\d{6}/)
      const number = /\/orders\/(\d{8}-\d{6})/.exec(page.url())![1]!
      const main = (await page.textContent('main'))!
      expect(main).toContain('주문이 접수되었습니다')
      expect(main).toContain('KB국민은행')
      expect(main).toContain('000000-00-000000')
      await accessible(page, 'order-awaiting')
      const order = await store.orders.byNumber(number)
      expect(order.lines).toHaveLength(2)
      expect(order.delivery).toMatchObject({ postalCode: '06236', address: '서울특별시 강남구 테헤란로 152', recipientPhone: '010-2345-6789' })
      expect((await mailTo(sink, email, new RegExp(number))).text).toContain('000000-00-000000')

      // The bank's statement pays it; the same statement again pays nothing twice.
      // A Korean bank dates the deposit by the Korean day, which is not the UTC day between 15:00 and 24:00 UTC.
      const statement = Buffer.from(`거래일자,입금자명,입금액\n${seoulDay(new Date(order.placedAt))},김독자,${order.total}\n`)
      expect((await store.payments.importStatement(statement, 'statement.csv')).matched.map((m) => m.orderNumber)).toEqual([number])
      expect((await store.payments.importStatement(statement, 'statement.csv')).repeated).toBe(1)
      await page.reload()
      expect(await page.textContent('main')).toContain('결제 완료')

      const env = { COLOPHON_DB: store.url, COLOPHON_SMTP_URL: smtp, COLOPHON_MAIL_FROM: 'Colophon <shop@colophon.test>' }
      const shipped = await colophon(['orders', 'ship', number, '--carrier', 'cj', '--tracking', '6543-2109-8765'], env)
      expect(shipped.code, shipped.out).toBe(0)
      const mail = await mailTo(sink, email, /보냈습니다|shipped/i)
      expect(mail.text).toContain('https://trace.cjlogistics.com/next/tracking.html?wblNo=654321098765')
      await page.reload()
      expect(await page.textContent('main')).toContain('배송 중')
      expect(await page.getAttribute('a[href*="trace.cjlogistics.com"]', 'href')).toContain('654321098765')
      await accessible(page, 'order-shipped')

      // What the member sees is theirs alone: another visitor's product page names nobody, and the member's carries no shared copy.
      const product = await page.goto(`${base}/books/${SEED}`)
      expect(product!.headers()['cache-control']).toMatch(/private|no-store/)
      const stranger = await browser.newContext({ locale: 'ko-KR' })
      const strangerPage = await stranger.newPage()
      await strangerPage.goto(`${base}/books/${SEED}`)
      expect(await strangerPage.content()).not.toContain(email)
      expect(await strangerPage.content()).not.toContain('김독자')
      expect((await strangerPage.goto(`${base}/orders/${number}`))!.status()).toBe(404)
      await stranger.close()
      await context.close()
    }, 180_000)

    it('a guest pays by card through PortOne and finds the order again by number and phone', async () => {
      const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } })
      const page = await context.newPage()
      await page.goto(`${base}/books/${SEED}`)
      await page.click('#buy button[type=submit]')
      await page.waitForURL(/\/cart/)
      await page.click('form[action^="/cart/checkout"] button')
      await page.fill('#buyerName', '이손님')
      await page.fill('#buyerPhone', '010-3456-7890')
      await page.fill('#buyerEmail', `guest-${dialect.name}@example.kr`)
      await fillDelivery(page)
      await page.check('input[name=paymentMethod][value=card]')
      await page.click('form.checkout button[type=submit]')
      await page.waitForURL(/\/orders\/\d{8}-\d{6}/)
      const number = /\/orders\/(\d{8}-\d{6})/.exec(page.url())![1]!
      await accessible(page, 'card-awaiting')
      await page.click('#card-pay button')
      await expect.poll(() => page.textContent('main'), { timeout: 10_000 }).toContain('결제 완료')
      const paid = await store.orders.byNumber(number)
      expect(paid.status).toBe('paid')
      expect(portone.payment(paid.paymentId!)).toMatchObject({ status: 'PAID' })
      await context.close()

      const elsewhere = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } })
      const lookup = await elsewhere.newPage()
      await lookup.goto(`${base}/orders/lookup`)
      await accessible(lookup, 'lookup')
      await lookup.fill('#number', number)
      await lookup.fill('#contact', '01034567890')
      await lookup.click('form[action^="/orders/lookup"] button[type=submit]')
      await expect.poll(() => lookup.textContent('main')).toContain(number)
      expect(await lookup.textContent('main')).toContain('결제 완료')
      await accessible(lookup, 'lookup-found')
      await elsewhere.close()
    }, 120_000)
  })
}

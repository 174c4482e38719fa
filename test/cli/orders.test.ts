import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seoulDay, trackingUrl, type TrackingNumber } from '../../src/commerce'
import { testDialects } from '../dialects'
import { freePort, smtpUrl, startSmtpSink, type SmtpSink } from '../mail/smtp-sink'
import { paymentsStore, placeOrder, seedStock, passDeadline, type PaymentsStore } from '../payments/setup'

const root = resolve(import.meta.dirname, '../..')

interface Run {
  code: number
  stdout: string
  stderr: string
}

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: colophon orders`, { timeout: 60_000 }, () => {
    let store: PaymentsStore
    let sink: SmtpSink
    let dir: string
    let db: string
    const orders = (...args: string[]) =>
      new Promise<Run>((done) => {
        const env = { ...process.env, COLOPHON_DB: db, COLOPHON_SMTP_URL: smtpUrl(port), COLOPHON_MAIL_FROM: 'Colophon <shop@books.example>', USER: 'kim' }
        execFile(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'orders', ...args], { env }, (err, stdout, stderr) => done({ code: err ? Number(err.code) : 0, stdout, stderr }))
      })
    let port: number

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'colophon-orders-cli-'))
      store = await paymentsStore(dialect)
      db = store.url
      port = await freePort()
      sink = await startSmtpSink(port)
    })
    afterAll(async () => {
      await sink?.close()
      await store?.cleanup()
      rmSync(dir, { recursive: true, force: true })
    })

    it('pays and ships an order by hand, and the shipped mail arrives with the tracking link before the command ends', async () => {
      const order = await placeOrder(store, 1)
      expect(await orders('pay', order.number)).toMatchObject({ code: 0, stdout: `${order.number}: paid\n` })
      const before = sink.received.length
      expect(await orders('ship', order.number, '--carrier', 'cj', '--tracking', '6543-2109-8765')).toMatchObject({ code: 0, stdout: `${order.number}: shipped\n` })
      const shipped = sink.received.slice(before)
      expect(shipped).toHaveLength(1)
      expect(shipped[0]!.to && !Array.isArray(shipped[0]!.to) ? shipped[0]!.to.text : '').toBe(order.buyer.email)
      expect(shipped[0]!.text).toContain(trackingUrl('cj', '654321098765' as TrackingNumber))
      expect(shipped[0]!.text).toContain('654321098765')

      const shown = await orders('show', order.number)
      expect(shown.code).toBe(0)
      for (const part of [order.number, 'shipped', order.delivery.address, '중국과 러시아', `= ${order.total.toLocaleString('en-US')} KRW`, 'paid             → shipped', 'staff:kim  (deposit confirmed)']) expect(shown.stdout).toContain(part)
      expect((await orders('list', '--status', 'shipped')).stdout).toContain(order.number)
    })

    it('refuses a step the order cannot take with its reason and exit status 1, and wrong arguments with 2', async () => {
      const order = await placeOrder(store, 1)
      const refused = await orders('deliver', order.number)
      expect(refused.code).toBe(1)
      expect(refused.stderr).toContain(`order ${order.number} is awaiting_payment and cannot become delivered`)
      expect((await orders('cancel', order.number)).code).toBe(2)
      expect((await orders('ship', order.number, '--carrier', 'ups', '--tracking', '123456789')).code).toBe(1)
      expect((await store.orders.byNumber(order.number)).status).toBe('awaiting_payment')
    })

    it('imports a bank statement: prints what matched, what is left for a person and the rows it could not read; a second import credits nothing', async () => {
      const matched = await placeOrder(store, 2, { depositorName: '박입금' })
      const file = join(dir, 'kb.csv')
      const today = seoulDay(new Date())
      writeFileSync(file, `거래일자,입금자명,입금액\n${today},박입금,${matched.total}\n${today},모르는이,777\n그저께,박입금,100\n`)
      const first = await orders('import-statement', file)
      expect(first.code).toBe(0)
      expect(first.stdout).toContain('2 deposits read')
      expect(first.stdout).toContain(`matched    line 2  ${today}  박입금  ${matched.total.toLocaleString('en-US')} → ${matched.number}`)
      expect(first.stdout).toContain('unmatched  line 3')
      expect(first.stdout).toContain(`error      ${file}:4:date`)
      expect((await store.orders.byNumber(matched.number)).status).toBe('paid')
      const second = await orders('import-statement', file)
      expect(second.stdout).toContain('0 matched, 0 ambiguous, 0 unmatched, 2 imported before')
    })

    it('expire cancels the orders past their payment deadline and puts their books back', async () => {
      const stock = await seedStock(store)
      const late = await placeOrder(store, 3)
      await passDeadline(store, late.number)
      const run = await orders('expire')
      expect(run.code).toBe(0)
      expect(run.stdout).toContain(`cancelled ${late.number}`)
      expect((await store.orders.byNumber(late.number)).status).toBe('cancelled')
      expect(await seedStock(store)).toBe(stock)
    })
  })
}

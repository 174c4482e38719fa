import { afterEach, describe, expect, it, vi } from 'vitest'
import { MailService } from '../../src/mail'
import { testDialects } from '../dialects'
import { capturingLogger, mailStore, freePort, manualClock, SMTP_PASSWORD, smtpUrl, startSmtpSink, type SmtpSink } from './smtp-sink'

const FROM = 'Colophon <no-reply@books.example>'
const MINUTE = 60_000

let store: Awaited<ReturnType<typeof mailStore>> | undefined
let sink: SmtpSink | undefined
let mail: MailService | undefined
afterEach(async () => {
  await mail?.close()
  await sink?.close()
  await store?.cleanup()
  mail = sink = store = undefined
})

const outboxRow = (id: string) => store!.store.db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: mail over SMTP`, () => {
    it('delivers in the customer language, with To, From and the verify link', async () => {
      store = await mailStore(dialect)
      const port = await freePort()
      sink = await startSmtpSink(port)
      const { logger, lines } = capturingLogger()
      mail = new MailService(store.store.db, { smtpUrl: smtpUrl(port), from: FROM, outboxDir: '/nonexistent' }, logger)

      const link = 'https://books.example/account/verify?token=abc123'
      const ko = await mail.send({ to: 'reader@example.com', lang: 'ko', template: 'verify-email', params: { name: '김독자', link } })
      await mail.send({ to: 'other@example.com', lang: 'en', template: 'order-paid', params: { orderNumber: 'C-1001', total: 12300 } })

      expect(sink.received).toHaveLength(2)
      const [first, second] = sink.received
      expect(first!.subject).toBe('[Colophon] 이메일 주소를 확인해 주세요')
      expect(first!.text).toContain('김독자님')
      expect(first!.text).toContain(link)
      expect(first!.html).toContain(`href="${link}"`)
      expect(first!.from?.value).toEqual([{ name: 'Colophon', address: 'no-reply@books.example' }])
      expect(first!.to && !Array.isArray(first!.to) ? first!.to.text : '').toBe('reader@example.com')
      expect(second!.subject).toBe('[Colophon] Payment received for order C-1001')
      expect(second!.text).toContain('₩12,300')
      expect(await outboxRow(ko.id)).toMatchObject({ status: 'sent', attempts: 1, last_error: null })
      expect(lines.join('')).toContain('smtp://127.0.0.1:')
      expect(lines.join('')).not.toContain(SMTP_PASSWORD)
    })

    it('keeps mail queued while the server is down and delivers it once, when it is back and the retry is due', async () => {
      store = await mailStore(dialect)
      const port = await freePort()
      const clock = manualClock()
      const { logger, lines } = capturingLogger()
      mail = new MailService(store.store.db, { smtpUrl: smtpUrl(port), from: FROM, outboxDir: '/nonexistent' }, logger, { now: clock.now })

      const { id } = await mail.send({ to: 'reader@example.com', lang: 'en', template: 'verify-email', params: { name: 'Ann', link: 'https://books.example/v?t=1' } })
      const queued = await outboxRow(id)
      expect(queued).toMatchObject({ status: 'queued', attempts: 1, next_attempt_at: '2026-12-02T10:01:00.000Z' })
      expect(queued.last_error).toMatch(/ECONNREFUSED/)

      sink = await startSmtpSink(port)
      expect(await mail.deliverDue()).toEqual({ sent: 0, failed: 0 })
      expect(sink.received).toHaveLength(0)

      clock.advance(MINUTE)
      expect(await mail.deliverDue()).toEqual({ sent: 1, failed: 0 })
      expect(await mail.deliverDue()).toEqual({ sent: 0, failed: 0 })
      expect(sink.received.map((m) => m.subject)).toEqual(['[Colophon] Please confirm your email address'])
      expect(await outboxRow(id)).toMatchObject({ status: 'sent', attempts: 2 })
      expect(lines.some((l) => l.includes('"level":40') && l.includes(id))).toBe(true)
      expect(lines.join('')).not.toContain(SMTP_PASSWORD)
    })

    it('backs off further after each refusal (4xx) and delivers when the server accepts', async () => {
      store = await mailStore(dialect)
      const port = await freePort()
      sink = await startSmtpSink(port)
      sink.refuseNext(2)
      const clock = manualClock()
      mail = new MailService(store.store.db, { smtpUrl: smtpUrl(port), from: FROM, outboxDir: '/nonexistent' }, capturingLogger().logger, { now: clock.now })

      const { id } = await mail.send({ to: 'reader@example.com', lang: 'ko', template: 'order-refunded', params: { orderNumber: 'C-7', amount: 5000 } })
      expect(await outboxRow(id)).toMatchObject({ status: 'queued', attempts: 1 })
      expect((await outboxRow(id)).last_error).toMatch(/451/)
      clock.advance(MINUTE)
      expect(await mail.deliverDue()).toEqual({ sent: 0, failed: 1 })
      expect(await outboxRow(id)).toMatchObject({ status: 'queued', attempts: 2, next_attempt_at: '2026-12-02T10:06:00.000Z' })
      clock.advance(4 * MINUTE)
      expect(await mail.deliverDue()).toEqual({ sent: 0, failed: 0 })
      clock.advance(MINUTE)
      expect(await mail.deliverDue()).toEqual({ sent: 1, failed: 0 })
      expect(sink.received).toHaveLength(1)
      expect(sink.received[0]!.text).toContain('5,000원')
    })

    it('gives up after three days, marks the mail failed and logs an error without the password', async () => {
      store = await mailStore(dialect)
      const port = await freePort()
      const clock = manualClock()
      const { logger, lines } = capturingLogger()
      mail = new MailService(store.store.db, { smtpUrl: smtpUrl(port), from: FROM, outboxDir: '/nonexistent' }, logger, { now: clock.now })

      const { id } = await mail.send({ to: 'reader@example.com', lang: 'en', template: 'order-cancelled', params: { orderNumber: 'C-9', reason: 'out of print' } })
      for (let round = 0; round < 11; round++) {
        clock.advance(6 * 60 * MINUTE)
        await mail.deliverDue()
      }
      clock.advance(6 * 60 * MINUTE)
      expect(await mail.deliverDue()).toEqual({ sent: 0, failed: 1 })
      const row = await outboxRow(id)
      expect(row.status).toBe('failed')
      expect(row.attempts).toBeGreaterThan(5)
      clock.advance(6 * 60 * MINUTE)
      expect(await mail.deliverDue()).toEqual({ sent: 0, failed: 0 })
      expect(lines.some((l) => l.includes('"level":50') && l.includes(id))).toBe(true)
      expect(lines.join('')).not.toContain(SMTP_PASSWORD)
    })

    it('start() delivers due mail on its own timer', async () => {
      store = await mailStore(dialect)
      const port = await freePort()
      const clock = manualClock()
      mail = new MailService(store.store.db, { smtpUrl: smtpUrl(port), from: FROM, outboxDir: '/nonexistent' }, capturingLogger().logger, { now: clock.now, intervalMs: 20 })
      await mail.send({ to: 'reader@example.com', lang: 'en', template: 'order-paid', params: { orderNumber: 'C-3', total: 100 } })
      sink = await startSmtpSink(port)
      clock.advance(MINUTE)
      mail.start()
      await vi.waitFor(() => expect(sink!.received).toHaveLength(1), { timeout: 5_000, interval: 20 })
      await mail.close()
      expect(await store.store.db.selectFrom('mail_outbox').select(['status', 'attempts']).execute()).toEqual([{ status: 'sent', attempts: 2 }])
    })

    it('never logs or keeps the password when the server refuses it', async () => {
      store = await mailStore(dialect)
      const port = await freePort()
      sink = await startSmtpSink(port)
      const { logger, lines } = capturingLogger()
      const wrong = `smtp://colophon:${encodeURIComponent('wrong pass/äö')}@127.0.0.1:${port}`
      mail = new MailService(store.store.db, { smtpUrl: wrong, from: FROM, outboxDir: '/nonexistent' }, logger)

      const { id } = await mail.send({ to: 'reader@example.com', lang: 'en', template: 'order-paid', params: { orderNumber: 'C-2', total: 100 } })
      const row = await outboxRow(id)
      expect(row.status).toBe('queued')
      expect(row.last_error).toMatch(/535|Invalid/)
      const logged = lines.join('') + row.last_error
      for (const secret of ['wrong pass/äö', encodeURIComponent('wrong pass/äö'), Buffer.from('\u0000colophon\u0000wrong pass/äö').toString('base64')]) {
        expect(logged).not.toContain(secret)
      }
      expect(sink.received).toHaveLength(0)
    })
  })
}

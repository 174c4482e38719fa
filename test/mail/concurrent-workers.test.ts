import { afterEach, describe, expect, it } from 'vitest'
import { MailService } from '../../src/mail'
import { openStore, type Store } from '../../src/store'
import { testDialects } from '../dialects'
import { capturingLogger, freePort, mailStore, manualClock, smtpUrl, startSmtpSink, type SmtpSink } from './smtp-sink'

const MAILS = 12

let store: Awaited<ReturnType<typeof mailStore>> | undefined
let other: Store | undefined
let sink: SmtpSink | undefined
const services: MailService[] = []
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.close()))
  await sink?.close()
  await other?.close()
  await store?.cleanup()
  store = other = sink = undefined
})

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: two mail workers`, () => {
    it('send each queued mail once when they deliver at the same time', async () => {
      store = await mailStore(dialect)
      // Another process's view of the same database: its own connections.
      other = await openStore(store.url, { poolSize: 4 })
      const port = await freePort()
      const clock = manualClock()
      const config = { smtpUrl: smtpUrl(port), from: 'Colophon <no-reply@books.example>', outboxDir: '/nonexistent' }
      const first = new MailService(store.store.db, config, capturingLogger().logger, { now: clock.now })
      const second = new MailService(other.db, config, capturingLogger().logger, { now: clock.now })
      services.push(first, second)

      // The server is down while they are written, so all of them wait in the outbox.
      for (let n = 1; n <= MAILS; n++) {
        await first.send({ to: `reader${n}@example.com`, lang: n % 2 ? 'ko' : 'en', template: 'order-paid', params: { orderNumber: `C-${n}`, total: 1000 * n } })
      }
      sink = await startSmtpSink(port)
      clock.advance(60_000)

      const [a, b] = await Promise.all([first.deliverDue(), second.deliverDue()])
      expect(a.sent + b.sent).toBe(MAILS)
      expect(a.failed + b.failed).toBe(0)
      const recipients = sink.received.map((m) => (m.to && !Array.isArray(m.to) ? m.to.text : '')).sort()
      expect(recipients).toEqual(Array.from({ length: MAILS }, (_, i) => `reader${i + 1}@example.com`).sort())
      expect(new Set(sink.received.map((m) => m.messageId)).size).toBe(MAILS)
      const rows = await store.store.db.selectFrom('mail_outbox').select(['status', 'attempts']).execute()
      expect(rows.every((r) => r.status === 'sent' && Number(r.attempts) === 2)).toBe(true)
    })
  })
}

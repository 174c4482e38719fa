import { randomUUID } from 'node:crypto'
import type { Logger } from '../core/logger'
import type { Database, Kysely } from '../store'
import { GIVE_UP_AFTER_MS, retryDelay } from './backoff'
import { renderMail } from './render'
import * as repo from './repo'
import { createMailTransport, type MailTransport } from './transport'
import type { MailRequest, MailTransportConfig } from './types'

export interface MailServiceOptions {
  /** The clock, so tests can step past a retry delay. */
  now?: () => Date
  /** How often start()'s timer looks for due mail. */
  intervalMs?: number
}

// Longer than the transport's timeouts: a mail stays with the worker that took it unless that worker died.
const LEASE_MS = 5 * 60_000
const BATCH = 50

type Outcome = 'sent' | 'retry' | 'failed' | 'taken'

export class MailService {
  private readonly transport: MailTransport
  private readonly now: () => Date
  private readonly intervalMs: number
  private readonly secrets: string[]
  private timer: NodeJS.Timeout | undefined
  private running: Promise<unknown> | undefined

  constructor(
    private readonly db: Kysely<Database>,
    config: MailTransportConfig,
    private readonly logger: Logger,
    { now = () => new Date(), intervalMs = 5_000 }: MailServiceOptions = {},
  ) {
    this.transport = createMailTransport(config, logger)
    this.now = now
    this.intervalMs = intervalMs
    this.secrets = smtpSecrets(config.smtpUrl)
  }

  /** Renders the mail in the customer's language, keeps it in the outbox table, then tries to deliver it. Never throws for a delivery failure: the mail stays queued and is retried. */
  async send(request: MailRequest): Promise<{ id: string }> {
    const rendered = renderMail(request)
    const id = randomUUID()
    await repo.insertMail(this.db, { id, createdAt: this.now().toISOString(), to: request.to, template: request.template, lang: request.lang, ...rendered })
    try {
      await this.attempt(id)
    } catch (err) {
      // The mail is kept; the next deliverDue takes it up once its lease runs out.
      this.logger.warn({ mail: id, error: this.scrub(err) }, 'mail kept but not yet handed to the transport')
    }
    return { id }
  }

  /**
   * Keeps mails in the outbox inside the caller's transaction, without trying
   * them: they exist only if it commits, and the next deliverDue sends them.
   * A mail that cannot be rendered is logged and left out.
   */
  async queue(db: Kysely<Database>, requests: MailRequest[]): Promise<void> {
    for (const request of requests) {
      let rendered
      try {
        rendered = renderMail(request)
      } catch (err) {
        // A mail that cannot be written (a bad address) must not undo the change it tells of.
        this.logger.error({ template: request.template, error: this.scrub(err) }, 'mail not queued')
        continue
      }
      await repo.insertMail(db, { id: randomUUID(), createdAt: this.now().toISOString(), to: request.to, template: request.template, lang: request.lang, ...rendered })
    }
  }

  /** Delivers what is due (new, or failed and due for retry with backoff); returns counts. */
  async deliverDue(): Promise<{ sent: number; failed: number }> {
    const counts = { sent: 0, failed: 0 }
    for (const id of await repo.dueMailIds(this.db, this.now().toISOString(), BATCH)) {
      const outcome = await this.attempt(id)
      if (outcome === 'sent') counts.sent++
      else if (outcome !== 'taken') counts.failed++
    }
    return counts
  }

  /** Calls deliverDue every few seconds, one run at a time; the timer does not keep the process alive. */
  start(): void {
    if (this.timer) return
    this.timer = setInterval(() => {
      if (this.running) return
      this.running = this.deliverDue()
        .catch((err) => this.logger.warn({ error: this.scrub(err) }, 'mail delivery round failed'))
        .finally(() => (this.running = undefined))
    }, this.intervalMs)
    this.timer.unref()
  }

  async close(): Promise<void> {
    clearInterval(this.timer)
    this.timer = undefined
    await this.running
    this.transport.close()
  }

  private async attempt(id: string): Promise<Outcome> {
    const now = this.now()
    const mail = await repo.claimMail(this.db, id, now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString())
    if (!mail) return 'taken'
    try {
      const { messageId } = await this.transport.deliver({ id, to: mail.recipient, subject: mail.subject, text: mail.text_body, html: mail.html_body, date: new Date(mail.created_at) })
      await repo.markSent(this.db, id, this.now().toISOString(), messageId)
      return 'sent'
    } catch (err) {
      return this.failed(mail, this.scrub(err))
    }
  }

  private async failed(mail: repo.ClaimedMail, error: string): Promise<Outcome> {
    const now = this.now().getTime()
    if (now - Date.parse(mail.created_at) >= GIVE_UP_AFTER_MS) {
      await repo.markFailed(this.db, mail.id, error)
      this.logger.error({ mail: mail.id, attempts: mail.attempts, error }, 'mail given up after three days of failed delivery')
      return 'failed'
    }
    const next = new Date(now + retryDelay(mail.attempts))
    await repo.markRetry(this.db, mail.id, next.toISOString(), error)
    this.logger.warn({ mail: mail.id, attempts: mail.attempts, next: next.toISOString(), error }, 'mail not delivered, kept for a retry')
    return 'retry'
  }

  /** An error as text fit for a log line or the outbox table: the SMTP credentials blanked out wherever they appear. */
  private scrub(err: unknown): string {
    const e = err as { message?: unknown; responseCode?: unknown }
    let text = `${typeof e?.message === 'string' ? e.message : String(err)}${typeof e?.responseCode === 'number' ? ` (SMTP ${e.responseCode})` : ''}`
    for (const secret of this.secrets) text = text.split(secret).join('***')
    return text.slice(0, 1000)
  }
}

/** Every spelling of the SMTP password a message could carry: as written in the URL, decoded, and inside AUTH PLAIN's base64. */
function smtpSecrets(smtpUrl: string | undefined): string[] {
  if (!smtpUrl) return []
  const url = new URL(smtpUrl)
  if (!url.password) return []
  const user = decodeURIComponent(url.username)
  const pass = decodeURIComponent(url.password)
  return [...new Set([url.password, pass, Buffer.from(`\u0000${user}\u0000${pass}`).toString('base64'), Buffer.from(pass).toString('base64')])].filter((s) => s.length >= 3)
}

import { randomBytes, randomUUID } from 'node:crypto'
import { InputError, NotFoundError } from '../core/errors'
import type { Logger } from '../core/logger'
import { transactor, type Database, type Kysely, type Transactor, type UnitOfWork } from '../store'
import type { OrderNotice } from '../commerce'
import { RETRY_FOR_MS, retryDelay } from './backoff'
import { bookWriteEvents, orderStepEvents, type BookWrite, type RaisedEvent } from './events'
import * as repo from './repo'
import { sendSigned } from './send'
import { WEBHOOK_EVENTS, type EndpointDraft, type WebhookDelivery, type WebhookEndpoint, type WebhookMessage } from './types'

/** Who registers or turns off an endpoint (the catalog's EditContext has this shape). */
export interface WebhookEditor {
  actor: string
  actorName: string
  via: string
}

/** Hears each endpoint write inside its transaction (the audit log); a throw undoes the write. */
export type WebhookAudit = (unit: UnitOfWork, entries: Array<WebhookEditor & { action: 'create' | 'disable'; recordType: 'webhook'; recordId: string; changes: Array<{ field: string; before: unknown; after: unknown }> }>) => Promise<void>

export interface WebhookServiceOptions {
  audit?: WebhookAudit
  logger?: Logger
  /** The clock that schedules retries, so tests can step past a delay. */
  now?: () => Date
  /** How often start()'s timer looks for due deliveries. */
  intervalMs?: number
}

// Longer than a send's timeout: a delivery stays with the worker that took it unless that worker died.
const LEASE_MS = 2 * 60_000
const BATCH = 50
/** Deliveries the log shows per endpoint. */
const LOG_LIMIT = 200

/**
 * Webhooks: owners' endpoints and the durable queue of signed deliveries.
 * Deliveries are written in the unit of work of the change they tell of
 * (an order step, a catalog write), so a change and its messages commit
 * together; every worker then delivers what is due, each delivery once
 * at a time, retrying with backoff for a day.
 */
export class WebhookService {
  private readonly work: Transactor
  private readonly now: () => Date
  private readonly intervalMs: number
  private timer: NodeJS.Timeout | undefined
  private running: Promise<unknown> | undefined

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: WebhookServiceOptions = {},
  ) {
    this.work = transactor(db)
    this.now = options.now ?? (() => new Date())
    this.intervalMs = options.intervalMs ?? 5_000
  }

  /** Registers an endpoint; its signing secret is returned here only. */
  async register(draft: EndpointDraft, editor: WebhookEditor): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    const url = checkUrl(draft.url)
    const events = WEBHOOK_EVENTS.filter((e) => draft.events.includes(e))
    if (events.length === 0) throw new InputError('events', 'choose at least one event', { code: 'required' })
    const description = draft.description.trim().slice(0, 200)
    const secret = `whsec_${randomBytes(24).toString('base64')}`
    const endpoint: WebhookEndpoint = { id: randomBytes(6).toString('hex'), url, description, events, createdAt: this.now().toISOString(), disabledAt: null }
    await this.work(async (unit) => {
      await repo.insertEndpoint(unit.db, { ...endpoint, secret })
      const changes = [{ field: 'url', before: null, after: url }, { field: 'events', before: null, after: events }, { field: 'description', before: null, after: description }]
      await this.options.audit?.(unit, [{ ...editor, action: 'create', recordType: 'webhook', recordId: endpoint.id, changes }])
    })
    return { endpoint, secret }
  }

  /** Turns an endpoint off: nothing more is queued for it, and what is queued is still delivered. */
  async disable(id: string, editor: WebhookEditor): Promise<void> {
    await this.endpoint(id)
    const at = this.now().toISOString()
    await this.work(async (unit) => {
      if (!(await repo.disableEndpoint(unit.db, id, at))) return
      await this.options.audit?.(unit, [{ ...editor, action: 'disable', recordType: 'webhook', recordId: id, changes: [{ field: 'disabledAt', before: null, after: at }] }])
    })
  }

  endpoints(): Promise<WebhookEndpoint[]> {
    return repo.allEndpoints(this.db)
  }

  async endpoint(id: string): Promise<WebhookEndpoint> {
    const found = await repo.endpointById(this.db, id)
    if (!found) throw new NotFoundError('webhook', id)
    return found
  }

  /** The endpoint's delivery log, newest first. */
  deliveries(endpointId: string): Promise<WebhookDelivery[]> {
    return repo.deliveriesOf(this.db, endpointId, LOG_LIMIT)
  }

  /** Queues a delivery again now, under the same message id (receivers deduplicate by it), with another day of retries. */
  async resend(endpointId: string, deliveryId: string): Promise<void> {
    const delivery = await repo.deliveryById(this.db, deliveryId)
    if (!delivery || delivery.endpointId !== endpointId) throw new NotFoundError('webhook delivery', deliveryId)
    const now = this.now()
    if (!(await repo.requeue(this.db, deliveryId, now.toISOString(), new Date(now.getTime() + RETRY_FOR_MS).toISOString()))) {
      throw new InputError('delivery', 'is being sent right now', { code: 'sending' })
    }
  }

  /** An order step's events, queued in its unit of work. */
  orderStep(unit: UnitOfWork, notice: OrderNotice): Promise<void> {
    return this.queue(unit, orderStepEvents(notice))
  }

  /** A catalog write's events, queued in its unit of work. */
  bookWrites(unit: UnitOfWork, changes: BookWrite[]): Promise<void> {
    return this.queue(unit, bookWriteEvents(changes))
  }

  private async queue(unit: UnitOfWork, raised: RaisedEvent[]): Promise<void> {
    if (raised.length === 0) return
    const endpoints = await repo.activeEndpoints(unit.db)
    if (endpoints.length === 0) return
    const now = this.now()
    const at = now.toISOString()
    const giveUpAt = new Date(now.getTime() + RETRY_FOR_MS).toISOString()
    const deliveries = raised.flatMap(({ type, data }) => {
      const payload = JSON.stringify({ type, timestamp: at, data } satisfies WebhookMessage)
      return endpoints.filter((e) => e.events.includes(type)).map((e) => ({ id: `msg_${randomUUID().replaceAll('-', '')}`, endpointId: e.id, event: type, payload, at, giveUpAt }))
    })
    await repo.insertDeliveries(unit.db, deliveries)
  }

  /** Sends what is due (new, retries whose time came, and those a stopped worker held); returns counts. */
  async deliverDue(): Promise<{ delivered: number; failed: number }> {
    const counts = { delivered: 0, failed: 0 }
    for (const id of await repo.dueDeliveryIds(this.db, this.now().toISOString(), BATCH)) {
      const outcome = await this.attempt(id)
      if (outcome === 'delivered') counts.delivered++
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
        .catch((err: unknown) => this.options.logger?.warn({ err }, 'webhook delivery round failed'))
        .finally(() => (this.running = undefined))
    }, this.intervalMs)
    this.timer.unref()
  }

  async close(): Promise<void> {
    clearInterval(this.timer)
    this.timer = undefined
    await this.running
  }

  private async attempt(id: string): Promise<'delivered' | 'queued' | 'failed' | 'taken'> {
    const now = this.now()
    const claimed = await repo.claimDelivery(this.db, id, now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString())
    if (!claimed) return 'taken'
    const sent = await sendSigned(claimed.url, claimed.secret, claimed.id, claimed.payload)
    const after = this.now()
    const answer = { at: after.toISOString(), responseStatus: sent.status, responseExcerpt: sent.excerpt, error: sent.error }
    if (sent.ok) {
      await repo.recordAttempt(this.db, id, { ...answer, status: 'delivered' })
      return 'delivered'
    }
    const next = new Date(after.getTime() + retryDelay(claimed.attempts))
    if (next.toISOString() > claimed.giveUpAt) {
      await repo.recordAttempt(this.db, id, { ...answer, status: 'failed' })
      this.options.logger?.error({ delivery: id, attempts: claimed.attempts, error: sent.error }, 'webhook given up after a day of failed deliveries')
      return 'failed'
    }
    await repo.recordAttempt(this.db, id, { ...answer, status: 'queued', nextAttemptAt: next.toISOString() })
    this.options.logger?.warn({ delivery: id, attempts: claimed.attempts, next: next.toISOString(), error: sent.error }, 'webhook not delivered, kept for a retry')
    return 'queued'
  }
}

/** An absolute http(s) URL without credentials in it. */
function checkUrl(raw: string): string {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    throw new InputError('url', `"${raw}" is not a URL`, { code: 'not_url' })
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new InputError('url', 'must start with https:// or http://', { code: 'not_url' })
  if (url.username || url.password) throw new InputError('url', 'must not carry a user name or password', { code: 'not_url' })
  return url.href
}

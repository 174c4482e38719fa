import type { Kysely, Selectable } from 'kysely'
import type { Database, WebhookDeliveryTable } from '../store'
import type { DeliveryStatus, WebhookDelivery, WebhookEndpoint, WebhookEvent } from './types'

type Db = Kysely<Database>

export interface NewEndpointRow {
  id: string
  url: string
  description: string
  events: WebhookEvent[]
  secret: string
  createdAt: string
}

export interface NewDelivery {
  id: string
  endpointId: string
  event: WebhookEvent
  payload: string
  at: string
  giveUpAt: string
}

/** A delivery a worker has taken, with what it needs to send it. */
export interface ClaimedDelivery {
  id: string
  url: string
  secret: string
  payload: string
  attempts: number
  giveUpAt: string
}

const toEndpoint = (r: { id: string; url: string; description: string; events: string; created_at: string; disabled_at: string | null }): WebhookEndpoint => ({
  id: r.id,
  url: r.url,
  description: r.description,
  events: r.events.split(' ').filter(Boolean) as WebhookEvent[],
  createdAt: r.created_at,
  disabledAt: r.disabled_at,
})

const toDelivery = (r: Selectable<WebhookDeliveryTable>): WebhookDelivery => ({
  id: r.id,
  endpointId: r.endpoint_id,
  event: r.event_type as WebhookEvent,
  payload: r.payload,
  status: r.status as DeliveryStatus,
  attempts: Number(r.attempts),
  createdAt: r.created_at,
  nextAttemptAt: r.next_attempt_at,
  lastAttemptAt: r.last_attempt_at,
  responseStatus: r.response_status === null ? null : Number(r.response_status),
  responseExcerpt: r.response_excerpt,
  lastError: r.last_error,
  deliveredAt: r.delivered_at,
})

export async function insertEndpoint(db: Db, e: NewEndpointRow): Promise<void> {
  await db.insertInto('webhook_endpoint').values({ id: e.id, url: e.url, description: e.description, events: e.events.join(' '), secret: e.secret, created_at: e.createdAt, disabled_at: null }).execute()
}

const endpointColumns = ['id', 'url', 'description', 'events', 'created_at', 'disabled_at'] as const

export async function allEndpoints(db: Db): Promise<WebhookEndpoint[]> {
  return (await db.selectFrom('webhook_endpoint').select(endpointColumns).orderBy('created_at').orderBy('id').execute()).map(toEndpoint)
}

export async function endpointById(db: Db, id: string): Promise<WebhookEndpoint | undefined> {
  const row = await db.selectFrom('webhook_endpoint').select(endpointColumns).where('id', '=', id).executeTakeFirst()
  return row && toEndpoint(row)
}

export async function disableEndpoint(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db.updateTable('webhook_endpoint').set({ disabled_at: at }).where('id', '=', id).where('disabled_at', 'is', null).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** The endpoints still on, with the events each wants. */
export async function activeEndpoints(db: Db): Promise<Array<{ id: string; events: WebhookEvent[] }>> {
  const rows = await db.selectFrom('webhook_endpoint').select(['id', 'events']).where('disabled_at', 'is', null).execute()
  return rows.map((r) => ({ id: r.id, events: r.events.split(' ') as WebhookEvent[] }))
}

export async function insertDeliveries(db: Db, deliveries: NewDelivery[]): Promise<void> {
  if (deliveries.length === 0) return
  await db
    .insertInto('webhook_delivery')
    .values(deliveries.map((d) => ({ id: d.id, endpoint_id: d.endpointId, event_type: d.event, payload: d.payload, status: 'queued', created_at: d.at, next_attempt_at: d.at, give_up_at: d.giveUpAt })))
    .execute()
}

/** Deliveries waiting for their turn, and those whose worker's lease ran out (it stopped while sending), oldest first. */
export async function dueDeliveryIds(db: Db, now: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('webhook_delivery')
    .select('id')
    .where((eb) => eb.or([eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', now)]), eb.and([eb('status', '=', 'sending'), eb('lease_until', '<=', now)])]))
    .orderBy('next_attempt_at')
    .orderBy('created_at')
    .limit(limit)
    .execute()
  return rows.map((r) => r.id)
}

/**
 * Takes one delivery for this worker, or nothing when another took it first:
 * the UPDATE re-checks the state it read (as the mail outbox's claim does).
 */
export async function claimDelivery(db: Db, id: string, now: string, leaseUntil: string): Promise<ClaimedDelivery | undefined> {
  const result = await db
    .updateTable('webhook_delivery')
    .set((eb) => ({ status: 'sending', lease_until: leaseUntil, last_attempt_at: now, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where((eb) => eb.or([eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', now)]), eb.and([eb('status', '=', 'sending'), eb('lease_until', '<=', now)])]))
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) return undefined
  const row = await db
    .selectFrom('webhook_delivery')
    .innerJoin('webhook_endpoint', 'webhook_endpoint.id', 'webhook_delivery.endpoint_id')
    .select(['webhook_delivery.id', 'webhook_endpoint.url', 'webhook_endpoint.secret', 'webhook_delivery.payload', 'webhook_delivery.attempts', 'webhook_delivery.give_up_at'])
    .where('webhook_delivery.id', '=', id)
    .executeTakeFirstOrThrow()
  return { id: row.id, url: row.url, secret: row.secret, payload: row.payload, attempts: Number(row.attempts), giveUpAt: row.give_up_at }
}

export interface AttemptResult {
  status: 'delivered' | 'queued' | 'failed'
  at: string
  nextAttemptAt?: string
  responseStatus: number | null
  responseExcerpt: string | null
  error: string | null
}

export async function recordAttempt(db: Db, id: string, r: AttemptResult): Promise<void> {
  await db
    .updateTable('webhook_delivery')
    .set({
      status: r.status,
      lease_until: null,
      response_status: r.responseStatus,
      response_excerpt: r.responseExcerpt,
      last_error: r.error,
      ...(r.nextAttemptAt ? { next_attempt_at: r.nextAttemptAt } : {}),
      ...(r.status === 'delivered' ? { delivered_at: r.at } : {}),
    })
    .where('id', '=', id)
    .execute()
}

/** Puts a delivery back in the queue now, with a new day to succeed in; a delivery being sent is left alone. */
export async function requeue(db: Db, id: string, now: string, giveUpAt: string): Promise<boolean> {
  const result = await db
    .updateTable('webhook_delivery')
    .set({ status: 'queued', next_attempt_at: now, give_up_at: giveUpAt, lease_until: null })
    .where('id', '=', id)
    .where('status', '!=', 'sending')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function deliveriesOf(db: Db, endpointId: string, limit: number): Promise<WebhookDelivery[]> {
  const rows = await db.selectFrom('webhook_delivery').selectAll().where('endpoint_id', '=', endpointId).orderBy('created_at', 'desc').orderBy('id').limit(limit).execute()
  return rows.map(toDelivery)
}

export async function deliveryById(db: Db, id: string): Promise<WebhookDelivery | undefined> {
  const row = await db.selectFrom('webhook_delivery').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toDelivery(row)
}

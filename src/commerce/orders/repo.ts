import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely'
import type { Database, OrderTable } from '../../store'
import type { Order, OrderEvent, OrderLine, OrderStatus, PointEntry } from './types'

type Db = Kysely<Database> | Transaction<Database>
export type OrderRow = Selectable<OrderTable>
export type NewOrderRow = Insertable<OrderTable>

/** The next number of a day (YYYYMMDD): one statement, so two checkouts never get the same. */
export async function nextOrderSerial(db: Db, day: string): Promise<number> {
  const row = await db
    .insertInto('order_day')
    .values({ day, last: 1 })
    .onConflict((oc) => oc.column('day').doUpdateSet((eb) => ({ last: eb('order_day.last', '+', 1) })))
    .returning('last')
    .executeTakeFirstOrThrow()
  return Number(row.last)
}

export async function insertOrder(db: Db, row: NewOrderRow, lines: OrderLine[]): Promise<void> {
  await db.insertInto('orders').values(row).execute()
  await db
    .insertInto('order_item')
    .values(lines.map((l) => ({ order_id: row.id, isbn13: l.isbn13, title: l.title, quantity: l.quantity, unit_price: l.unitPrice, list_price: l.listPrice, discount: l.discount, points: l.points })))
    .execute()
}

const orders = (db: Db) => db.selectFrom('orders').selectAll()

export const orderByNumber = (db: Db, number: string) => orders(db).where('number', '=', number).executeTakeFirst()
export const orderById = (db: Db, id: string) => orders(db).where('id', '=', id).executeTakeFirst()
export const orderByKey = (db: Db, key: string) => orders(db).where('idempotency_key', '=', key).executeTakeFirst()
export const orderByPaymentId = (db: Db, paymentId: string) => orders(db).where('payment_id', '=', paymentId).executeTakeFirst()

export async function customerOrders(db: Db, customerId: string, limit: number): Promise<OrderRow[]> {
  return orders(db).where('customer_id', '=', customerId).orderBy('placed_at', 'desc').limit(limit).execute()
}

/** Orders still waiting for their money whose deadline has passed. */
export async function overdueOrders(db: Db, now: string, limit: number): Promise<OrderRow[]> {
  return orders(db).where('status', '=', 'awaiting_payment').where('pay_by', '<', now).orderBy('pay_by').limit(limit).execute()
}

export async function ordersAwaiting(db: Db, method: string): Promise<OrderRow[]> {
  return orders(db).where('status', '=', 'awaiting_payment').where('payment_method', '=', method).orderBy('placed_at').execute()
}

export async function ordersByStatus(db: Db, statuses: OrderStatus[], limit: number): Promise<OrderRow[]> {
  return orders(db).where('status', 'in', statuses).orderBy('placed_at', 'desc').limit(limit).execute()
}

export async function orderLines(db: Db, orderId: string): Promise<OrderLine[]> {
  const items = await db.selectFrom('order_item').selectAll().where('order_id', '=', orderId).orderBy('title').execute()
  return items.map((i) => ({
    isbn13: i.isbn13,
    title: i.title,
    quantity: i.quantity,
    unitPrice: Number(i.unit_price),
    listPrice: Number(i.list_price) || Number(i.unit_price),
    discount: Number(i.discount),
    points: Number(i.points),
  }))
}

/** The lines of many orders in one query, by order id. */
export async function linesOfOrders(db: Db, orderIds: string[]): Promise<Map<string, OrderLine[]>> {
  const byOrder = new Map<string, OrderLine[]>(orderIds.map((id) => [id, []]))
  if (orderIds.length === 0) return byOrder
  const items = await db.selectFrom('order_item').selectAll().where('order_id', 'in', orderIds).orderBy('order_id').orderBy('title').execute()
  for (const i of items) {
    byOrder.get(i.order_id)?.push({ isbn13: i.isbn13, title: i.title, quantity: i.quantity, unitPrice: Number(i.unit_price), listPrice: Number(i.list_price) || Number(i.unit_price), discount: Number(i.discount), points: Number(i.points) })
  }
  return byOrder
}

/** The timelines of many orders in one query, by order id. */
export async function eventsOfOrders(db: Db, orderIds: string[]): Promise<Map<string, OrderEvent[]>> {
  const byOrder = new Map<string, OrderEvent[]>(orderIds.map((id) => [id, []]))
  if (orderIds.length === 0) return byOrder
  const rows = await db.selectFrom('order_event').selectAll().where('order_id', 'in', orderIds).orderBy('order_id').orderBy('seq').execute()
  for (const r of rows) byOrder.get(r.order_id)?.push({ at: r.at, from: r.from_status as OrderStatus | null, to: r.to_status as OrderStatus, actor: r.actor, reason: r.reason })
  return byOrder
}

/** How many orders are in each status. */
export async function countByStatus(db: Db): Promise<Map<OrderStatus, number>> {
  const rows = await db.selectFrom('orders').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute()
  return new Map(rows.map((r) => [r.status as OrderStatus, Number(r.n)]))
}

/** Which orders a back-office list holds: some states, and words found in the number, a name, an email or (by its digits) a phone. */
export interface OrderFilter {
  statuses: readonly OrderStatus[]
  text?: string
}

function filtered(db: Db, { statuses, text }: OrderFilter) {
  let query = db.selectFrom('orders').where('status', 'in', [...statuses])
  const words = text?.trim().toLowerCase()
  if (!words) return query
  const digits = words.replace(/\D/g, '')
  // A phone number is searched by its digits; an order number's digits alone would find too many phones.
  const isPhone = digits.length >= 4 && /^[\d\s()+-]+$/.test(words) && !/^\d{8}-\d/.test(words)
  // Not escaped: a % or _ the words hold matches a little more, never less.
  const contains = `%${words}%`
  return query.where((eb) =>
    eb.or([
      eb('number', 'like', contains),
      ...(['buyer_name', 'buyer_email', 'recipient_name'] as const).map((col) => eb(eb.fn('lower', [eb.fn.coalesce(col, sql.lit(''))]), 'like', contains)),
      ...(isPhone ? (['buyer_phone', 'recipient_phone'] as const).map((col) => eb(eb.fn('replace', [eb.fn.coalesce(col, sql.lit('')), sql.lit('-'), sql.lit('')]), 'like', `%${digits}%`)) : []),
    ]),
  )
}

/** One page of the orders a filter holds, newest or oldest first. */
export async function findOrders(db: Db, filter: OrderFilter, { newestFirst, offset, limit }: { newestFirst: boolean; offset: number; limit: number }): Promise<OrderRow[]> {
  return filtered(db, filter)
    .selectAll()
    .orderBy('placed_at', newestFirst ? 'desc' : 'asc')
    .orderBy('number', newestFirst ? 'desc' : 'asc')
    .offset(offset)
    .limit(limit)
    .execute()
}

export async function countOrders(db: Db, filter: OrderFilter): Promise<number> {
  const r = await filtered(db, filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(r.n)
}

/** A day's orders (by their numbers, which start with the day) and what those not cancelled came to. */
export async function dayFigures(db: Db, day: string): Promise<{ orders: number; sales: number }> {
  const r = await db
    .selectFrom('orders')
    .select((eb) => [eb.fn.countAll<number>().as('orders'), eb.fn.sum<number>(eb.case().when('status', '!=', 'cancelled').then(eb.ref('total')).else(0).end()).as('sales')])
    .where('number', '>=', `${day}-`)
    .where('number', '<', `${day}.`)
    .executeTakeFirstOrThrow()
  return { orders: Number(r.orders), sales: Number(r.sales ?? 0) }
}

/** Orders still waiting for their money whose deadline falls before `until`. */
export async function countAwaitingBefore(db: Db, until: string): Promise<number> {
  const r = await db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'awaiting_payment').where('pay_by', '<', until).executeTakeFirstOrThrow()
  return Number(r.n)
}

export async function orderEvents(db: Db, orderId: string): Promise<OrderEvent[]> {
  const rows = await db.selectFrom('order_event').selectAll().where('order_id', '=', orderId).orderBy('seq').execute()
  return rows.map((r) => ({ at: r.at, from: r.from_status as OrderStatus | null, to: r.to_status as OrderStatus, actor: r.actor, reason: r.reason }))
}

/**
 * Moves an order from one status to the next, only if it is still where the
 * caller saw it: of two racing steps exactly one wins. Returns whether it moved.
 */
export async function moveOrder(db: Db, id: string, from: OrderStatus, to: OrderStatus, set: Partial<NewOrderRow>): Promise<boolean> {
  const r = await db.updateTable('orders').set({ ...set, status: to }).where('id', '=', id).where('status', '=', from).executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

export async function updateOrder(db: Db, id: string, set: Partial<NewOrderRow>): Promise<void> {
  await db.updateTable('orders').set(set).where('id', '=', id).execute()
}

/** Adds a step to an order's timeline; `seq` is known for an order's first step, else the next after the last. */
export async function appendEvent(db: Db, orderId: string, event: OrderEvent, seq?: number): Promise<void> {
  const last = seq === undefined ? await db.selectFrom('order_event').select((eb) => eb.fn.max('seq').as('seq')).where('order_id', '=', orderId).executeTakeFirst() : undefined
  await db
    .insertInto('order_event')
    .values({ order_id: orderId, seq: seq ?? Number(last?.seq ?? 0) + 1, at: event.at, from_status: event.from, to_status: event.to, actor: event.actor, reason: event.reason })
    .execute()
}

export async function pointBalance(db: Db, customerId: string): Promise<number> {
  const row = await db.selectFrom('point_account').select('balance').where('customer_id', '=', customerId).executeTakeFirst()
  return Number(row?.balance ?? 0)
}

/** Takes points only if the balance covers them (never below zero, whatever races it). */
export async function takePoints(db: Db, customerId: string, points: number): Promise<boolean> {
  const r = await db
    .updateTable('point_account')
    .set((eb) => ({ balance: eb('balance', '-', points) }))
    .where('customer_id', '=', customerId)
    .where('balance', '>=', points)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

/** Adds points (or takes them back, down to zero at most); returns the change made. */
export async function givePoints(db: Db, customerId: string, delta: number): Promise<number> {
  await db.insertInto('point_account').values({ customer_id: customerId, balance: 0 }).onConflict((oc) => oc.column('customer_id').doNothing()).execute()
  const change = delta >= 0 ? delta : -Math.min(-delta, await pointBalance(db, customerId))
  if (change !== 0) await db.updateTable('point_account').set((eb) => ({ balance: eb('balance', '+', change) })).where('customer_id', '=', customerId).execute()
  return change
}

export async function recordPoints(db: Db, entry: { id: string; customerId: string; orderId: string | null; at: string; delta: number; reason: PointEntry['reason'] }): Promise<void> {
  await db.insertInto('point_entry').values({ id: entry.id, customer_id: entry.customerId, order_id: entry.orderId, at: entry.at, delta: entry.delta, reason: entry.reason }).execute()
}

export async function pointHistory(db: Db, customerId: string, limit: number): Promise<PointEntry[]> {
  const rows = await db
    .selectFrom('point_entry')
    .leftJoin('orders', 'orders.id', 'point_entry.order_id')
    .select(['point_entry.at', 'point_entry.delta', 'point_entry.reason', 'orders.number'])
    .where('point_entry.customer_id', '=', customerId)
    .orderBy('point_entry.at', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ at: r.at, delta: Number(r.delta), reason: r.reason as PointEntry['reason'], orderNumber: r.number ?? null }))
}

/** An order row and its lines and events as the domain's Order. */
export function toOrder(row: OrderRow, lines: OrderLine[], events: OrderEvent[]): Order {
  const n = (v: number | null) => Number(v ?? 0)
  return {
    id: row.id,
    number: row.number,
    status: row.status as OrderStatus,
    customerId: row.customer_id,
    lang: row.lang === 'en' ? 'en' : 'ko',
    placedAt: row.placed_at,
    currency: row.currency,
    booksTotal: n(row.books_total),
    shippingFee: n(row.shipping_fee),
    pointsSpent: n(row.points_spent),
    pointsEarned: n(row.points_earned),
    total: n(row.total),
    buyer: { name: row.buyer_name ?? '', phone: row.buyer_phone ?? '', email: row.buyer_email ?? '' },
    delivery: {
      recipientName: row.recipient_name ?? '',
      recipientPhone: row.recipient_phone ?? '',
      postalCode: row.postal_code ?? '',
      address: row.address ?? '',
      addressDetail: row.address_detail ?? '',
      note: row.delivery_note ?? '',
    },
    paymentMethod: row.payment_method === 'card' ? 'card' : 'bank_transfer',
    paymentId: row.payment_id,
    depositorName: row.depositor_name,
    payBy: row.pay_by,
    paidAt: row.paid_at,
    arrivesOn: row.arrives_on,
    carrier: row.carrier,
    trackingNumber: row.tracking_number,
    deliveredAt: row.delivered_at,
    lines,
    events,
  }
}

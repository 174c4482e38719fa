import { ORDER_STATUSES, seoulDay, type Order, type OrderService, type OrderStatus } from '../../../commerce'
import { z } from 'zod'

/** The queues staff work through, in the order an order passes them. */
export const QUEUES = ['awaiting_payment', 'paid', 'preparing', 'shipped', 'return_requested'] as const satisfies readonly OrderStatus[]
export type Queue = (typeof QUEUES)[number]

export const PER_PAGE = 50
/**
 * How many orders a queue screen reads at most. The order service answers
 * lists by status without counts, offsets or search, so the screen counts,
 * searches and pages what it read; past this many, counts say "at least".
 */
export const READ_AT_MOST = 500

export const queueQuery = z.object({
  queue: z.enum(QUEUES).catch('awaiting_payment'),
  q: z.string().trim().max(100).catch(''),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  sort: z.enum(['new', 'old']).catch('new'),
})
export type QueueQuery = z.infer<typeof queueQuery>

export interface QueueView extends QueueQuery {
  counts: Record<Queue, number>
  /** Counts are lower bounds: more open orders exist than were read. */
  isCapped: boolean
  /** Orders awaiting payment whose deadline falls on today's Seoul date. */
  expiringToday: number
  orders: Order[]
  pages: number
  /** How many orders the search or queue holds. */
  found: number
}

/** A queue (or, with a search, every order that fits it), counted, sorted and cut to one page. */
export async function queueView(orders: OrderService, query: QueueQuery, now = new Date()): Promise<QueueView> {
  const open = await orders.withStatus([...QUEUES], READ_AT_MOST)
  const counts = Object.fromEntries(QUEUES.map((s) => [s, 0])) as Record<Queue, number>
  for (const o of open) counts[o.status as Queue]++
  const today = seoulDay(now)
  const expiringToday = open.filter((o) => o.status === 'awaiting_payment' && o.payBy && seoulDay(new Date(o.payBy)) === today).length
  const listed = query.q ? await search(orders, query.q) : open.filter((o) => o.status === query.queue)
  const sorted = listed.sort((a, b) => (query.sort === 'new' ? b.placedAt.localeCompare(a.placedAt) : a.placedAt.localeCompare(b.placedAt)))
  const pages = Math.max(1, Math.ceil(sorted.length / PER_PAGE))
  const page = Math.min(query.page, pages)
  return {
    ...query, page, counts, expiringToday, pages, found: sorted.length,
    isCapped: open.length >= READ_AT_MOST,
    orders: sorted.slice((page - 1) * PER_PAGE, page * PER_PAGE),
  }
}

/** Orders in any state whose number, buyer or recipient name, phone or email holds the words. */
async function search(orders: OrderService, q: string): Promise<Order[]> {
  const needle = q.toLowerCase()
  const digits = q.replace(/\D/g, '')
  // A phone number is searched by its digits; an order number's digits alone would find too many phones.
  const isPhone = digits.length >= 4 && /^[\d\s()+-]+$/.test(q) && !/^\d{8}-\d/.test(q)
  const fits = (o: Order) =>
    o.number.includes(q) ||
    [o.buyer.name, o.buyer.email, o.delivery.recipientName].some((s) => s.toLowerCase().includes(needle)) ||
    (isPhone && [o.buyer.phone, o.delivery.recipientPhone].some((p) => p.replace(/\D/g, '').includes(digits)))
  return (await orders.withStatus(ORDER_STATUSES, READ_AT_MOST)).filter(fits)
}

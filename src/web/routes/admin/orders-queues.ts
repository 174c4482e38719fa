import { ORDER_STATUSES, type Order, type OrderService, type OrderStatus } from '../../../commerce'
import { z } from 'zod'

/** The queues staff work through, in the order an order passes them. */
export const QUEUES = ['awaiting_payment', 'paid', 'preparing', 'shipped', 'return_requested'] as const satisfies readonly OrderStatus[]
export type Queue = (typeof QUEUES)[number]

export const PER_PAGE = 50

export const queueQuery = z.object({
  queue: z.enum(QUEUES).catch('awaiting_payment'),
  q: z.string().trim().max(100).catch(''),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  sort: z.enum(['new', 'old']).catch('new'),
})
export type QueueQuery = z.infer<typeof queueQuery>

export interface QueueView extends QueueQuery {
  counts: Record<Queue, number>
  /** Counts are lower bounds. The store counts exactly, so this is false; the page keeps the wording for a store that cannot. */
  isCapped: boolean
  /** Orders awaiting payment whose deadline falls on today's Seoul date. */
  expiringToday: number
  orders: Order[]
  pages: number
  /** How many orders the search or queue holds. */
  found: number
}

/** A queue (or, with a search, every order in any state that fits it), counted and cut to one page by the store. */
export async function queueView(orders: OrderService, query: QueueQuery): Promise<QueueView> {
  const [byStatus, today] = await Promise.all([orders.counts(), orders.today()])
  const counts = Object.fromEntries(QUEUES.map((s) => [s, byStatus.get(s) ?? 0])) as Record<Queue, number>
  const filter = query.q ? { statuses: ORDER_STATUSES, text: query.q } : { statuses: [query.queue] }
  const first = await orders.find(filter, { page: query.page, perPage: PER_PAGE, newestFirst: query.sort === 'new' })
  const pages = Math.max(1, Math.ceil(first.total / PER_PAGE))
  // A page past the end shows the last one.
  const { orders: listed } = query.page > pages ? await orders.find(filter, { page: pages, perPage: PER_PAGE, newestFirst: query.sort === 'new' }) : first
  return { ...query, page: Math.min(query.page, pages), counts, expiringToday: today.expiringToday, pages, found: first.total, isCapped: false, orders: listed }
}

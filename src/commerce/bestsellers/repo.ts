import type { Kysely } from 'kysely'
import type { Database } from '../../store'
import type { BestsellerPlace, ListRow, Period, Sale } from './types'

/**
 * Orders whose books count as sold: paid and on their way or delivered, or
 * delivered and asked back but not yet returned. Unpaid, cancelled, returned
 * and refunded orders do not count (a rebuild reads them afresh each time).
 */
export const SOLD_STATUSES = ['paid', 'preparing', 'shipped', 'delivered', 'return_requested']

/** The books of sold orders paid at or after `since`, a page of orders at a time, in the order they were paid. */
export async function* salesSince(db: Kysely<Database>, since: string, pageSize = 2000): AsyncGenerator<Sale[]> {
  let after = { paidAt: since, id: '' }
  for (;;) {
    const orders = await db
      .selectFrom('orders')
      .select(['id', 'paid_at'])
      .where('status', 'in', SOLD_STATUSES)
      .where((eb) => eb.or([eb('paid_at', '>', after.paidAt), eb.and([eb('paid_at', '=', after.paidAt), eb('id', '>', after.id)])]))
      .orderBy('paid_at')
      .orderBy('id')
      .limit(pageSize)
      .execute()
    if (orders.length === 0) return
    const paidAt = new Map(orders.map((o) => [o.id, Date.parse(o.paid_at!)]))
    const lines = await db.selectFrom('order_item').select(['order_id', 'isbn13', 'quantity']).where('order_id', 'in', [...paidAt.keys()]).execute()
    yield lines.map((l) => ({ isbn13: l.isbn13, paidAt: paidAt.get(l.order_id)!, copies: Number(l.quantity) }))
    const last = orders.at(-1)!
    after = { paidAt: last.paid_at!, id: last.id }
  }
}

export async function allRows(db: Kysely<Database>): Promise<{ rows: ListRow[]; index: Map<string, number> }> {
  const [rows, index] = await Promise.all([db.selectFrom('bestseller').selectAll().execute(), db.selectFrom('sales_index').selectAll().execute()])
  return {
    rows: rows.map((r) => ({ period: r.period as Period, categoryId: r.category_id, rank: Number(r.rank), isbn13: r.isbn13, copies: Number(r.copies), previousRank: r.previous_rank === null ? null : Number(r.previous_rank) })),
    index: new Map(index.map((r) => [r.isbn13, Number(r.points)])),
  }
}

/** Rows a statement inserts: 6 parameters each, under SQLite's 32,766 and PostgreSQL's 65,535. */
const BATCH = 1000

/** Swaps every list and index for these, in one transaction: readers see the old lists or the new, never a mix. */
export async function replaceAll(db: Kysely<Database>, rows: ListRow[], index: Map<string, number>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('bestseller').execute()
    await trx.deleteFrom('sales_index').execute()
    for (let i = 0; i < rows.length; i += BATCH) {
      const values = rows.slice(i, i + BATCH).map((r) => ({ period: r.period, category_id: r.categoryId, rank: r.rank, isbn13: r.isbn13, copies: r.copies, previous_rank: r.previousRank }))
      await trx.insertInto('bestseller').values(values).execute()
    }
    const points = [...index].map(([isbn13, p]) => ({ isbn13, points: p }))
    for (let i = 0; i < points.length; i += BATCH) await trx.insertInto('sales_index').values(points.slice(i, i + BATCH)).execute()
  })
}

export async function listPlaces(db: Kysely<Database>, period: Period, categoryId: string, limit: number): Promise<BestsellerPlace[]> {
  const rows = await db
    .selectFrom('bestseller')
    .select(['rank', 'isbn13', 'copies', 'previous_rank'])
    .where('period', '=', period)
    .where('category_id', '=', categoryId)
    .orderBy('rank')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ rank: Number(r.rank), isbn13: r.isbn13, copies: Number(r.copies), previousRank: r.previous_rank === null ? null : Number(r.previous_rank) }))
}

export async function placesOf(db: Kysely<Database>, isbn13: string, period: Period): Promise<{ places: Array<{ categoryId: string; rank: number }>; points: number }> {
  const [places, index] = await Promise.all([
    db.selectFrom('bestseller').select(['category_id', 'rank']).where('isbn13', '=', isbn13).where('period', '=', period).execute(),
    db.selectFrom('sales_index').select('points').where('isbn13', '=', isbn13).executeTakeFirst(),
  ])
  return { places: places.map((p) => ({ categoryId: p.category_id, rank: Number(p.rank) })), points: Number(index?.points ?? 0) }
}

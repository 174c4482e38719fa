import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../store'
import type { WishedBookState } from './types'

type Db = Kysely<Database> | Transaction<Database>

/** Adds the book to the reader's wishlist; nothing when it is there already. */
export async function addWish(db: Db, customerId: string, isbn13: string, at: string): Promise<void> {
  await db
    .insertInto('wish')
    .values({ customer_id: customerId, isbn13, created_at: at })
    .onConflict((oc) => oc.columns(['customer_id', 'isbn13']).doNothing())
    .execute()
}

export async function removeWish(db: Db, customerId: string, isbn13: string): Promise<void> {
  await db.deleteFrom('wish').where('customer_id', '=', customerId).where('isbn13', '=', isbn13).execute()
}

/** The reader's wished books, newest first. */
export async function wishesOf(db: Db, customerId: string, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('wish').select('isbn13').where('customer_id', '=', customerId).orderBy('created_at', 'desc').orderBy('isbn13').limit(limit).execute()
  return rows.map((r) => r.isbn13)
}

/** Of these books, those someone wishes for. */
export async function wishedAmong(db: Db, isbns: string[]): Promise<Set<string>> {
  if (!isbns.length) return new Set()
  const rows = await db.selectFrom('wish').select('isbn13').distinct().where('isbn13', 'in', isbns).execute()
  return new Set(rows.map((r) => r.isbn13))
}

/** The books as they stand (after a write, inside its transaction), with their titles. */
export async function bookStates(db: Db, isbns: string[]): Promise<Map<string, WishedBookState & { title: string; currency: string }>> {
  const rows = await db
    .selectFrom('book')
    .select(['isbn13', 'title', 'format', 'stock', 'stock_counted', 'lead_days', 'on_sale', 'sale_price', 'list_price', 'currency'])
    .where('isbn13', 'in', isbns)
    .execute()
  return new Map(
    rows.map((r) => [
      r.isbn13,
      {
        title: r.title,
        currency: r.currency,
        format: r.format as WishedBookState['format'],
        // An uncounted book keeps 0 in `stock`: it is sold to order, not out of stock.
        stock: Number(r.stock_counted) ? Number(r.stock) : null,
        leadDays: r.lead_days,
        onSale: Boolean(Number(r.on_sale)),
        salePrice: r.sale_price === null ? null : Number(r.sale_price),
        listPrice: r.list_price === null ? null : Number(r.list_price),
      },
    ]),
  )
}

/** The readers who wish for a book, with where and in which language to write to them. */
export async function wishers(db: Db, isbn13: string): Promise<Array<{ email: string; name: string; lang: string }>> {
  return db.selectFrom('wish').innerJoin('customer', 'customer.id', 'wish.customer_id').select(['customer.email', 'customer.name', 'customer.lang']).where('wish.isbn13', '=', isbn13).execute()
}

import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../store'
import type { Order, OrderLine } from './types'

type Db = Kysely<Database> | Transaction<Database>

export async function cartItems(db: Db, sessionId: string): Promise<Array<{ isbn13: string; quantity: number }>> {
  return db.selectFrom('cart_item').select(['isbn13', 'quantity']).where('session_id', '=', sessionId).orderBy('added_at').orderBy('isbn13').execute()
}

/** Sets a line's quantity, adding the line when new (it keeps its place when not). */
export async function putCartItem(db: Db, sessionId: string, isbn13: string, quantity: number, now: string): Promise<void> {
  await db
    .insertInto('cart_item')
    .values({ session_id: sessionId, isbn13, quantity, added_at: now })
    .onConflict((oc) => oc.columns(['session_id', 'isbn13']).doUpdateSet({ quantity }))
    .execute()
}

export async function deleteCartItem(db: Db, sessionId: string, isbn13: string): Promise<void> {
  await db.deleteFrom('cart_item').where('session_id', '=', sessionId).where('isbn13', '=', isbn13).execute()
}

export async function clearCart(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('cart_item').where('session_id', '=', sessionId).execute()
}

export async function insertOrder(db: Db, sessionId: string, order: Order): Promise<void> {
  await db.insertInto('orders').values({ id: order.id, session_id: sessionId, placed_at: order.placedAt, currency: order.currency, total: order.total }).execute()
  await db
    .insertInto('order_item')
    .values(order.lines.map((l) => ({ order_id: order.id, isbn13: l.isbn13, title: l.title, quantity: l.quantity, unit_price: l.unitPrice })))
    .execute()
}

/** An order, only for the session that placed it. */
export async function findOrder(db: Db, sessionId: string, id: string): Promise<Order | undefined> {
  const row = await db.selectFrom('orders').selectAll().where('id', '=', id).where('session_id', '=', sessionId).executeTakeFirst()
  if (!row) return undefined
  const items = await db.selectFrom('order_item').selectAll().where('order_id', '=', id).orderBy('title').execute()
  const lines: OrderLine[] = items.map((i) => ({ isbn13: i.isbn13, title: i.title, quantity: i.quantity, unitPrice: Number(i.unit_price) }))
  return { id: row.id, placedAt: row.placed_at, currency: row.currency, total: Number(row.total), lines }
}

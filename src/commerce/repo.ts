import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../store'

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

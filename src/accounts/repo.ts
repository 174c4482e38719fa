import type { Kysely, Selectable } from 'kysely'
import type { CustomerAddressTable, CustomerTable, Database } from '../store'
import type { AccountLang, Customer, TokenPurpose } from './types'

type Db = Kysely<Database>
export type CustomerRow = Selectable<CustomerTable>

export function toCustomer(row: CustomerRow): Customer {
  return { id: row.id, email: row.email, name: row.name, phone: row.phone, lang: row.lang as AccountLang, verifiedAt: row.verified_at, createdAt: row.created_at }
}

export async function customerByEmail(db: Db, email: string): Promise<CustomerRow | undefined> {
  return db.selectFrom('customer').selectAll().where('email', '=', email).executeTakeFirst()
}

export async function customerById(db: Db, id: string): Promise<CustomerRow | undefined> {
  return db.selectFrom('customer').selectAll().where('id', '=', id).executeTakeFirst()
}

/** False when the email is taken (by a concurrent sign-up too: the unique index decides). */
export async function insertCustomer(db: Db, row: CustomerRow): Promise<boolean> {
  const inserted = await db.insertInto('customer').values(row).onConflict((oc) => oc.column('email').doNothing()).executeTakeFirst()
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0
}

export async function updateCustomer(db: Db, id: string, values: Partial<Pick<CustomerRow, 'verified_at' | 'password_hash' | 'updated_at'>>): Promise<void> {
  await db.updateTable('customer').set(values).where('id', '=', id).execute()
}

export async function insertToken(db: Db, id: string, purpose: TokenPurpose, customerId: string, expiresAt: string): Promise<void> {
  await db.insertInto('account_token').values({ id, purpose, customer_id: customerId, expires_at: expiresAt, used_at: null }).execute()
}

/**
 * Marks a token used, once: of two requests racing with the same token only
 * one updates the row. Returns the token as it was before, or undefined.
 */
export async function useToken(db: Db, id: string, purpose: TokenPurpose, now: string) {
  const token = await db.selectFrom('account_token').selectAll().where('id', '=', id).where('purpose', '=', purpose).executeTakeFirst()
  if (!token || token.used_at || token.expires_at <= now) return token
  const used = await db.updateTable('account_token').set({ used_at: now }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst()
  return Number(used.numUpdatedRows) === 1 ? token : { ...token, used_at: now }
}

export async function insertSession(db: Db, id: string, customerId: string, now: string, expiresAt: string): Promise<void> {
  await db.insertInto('account_session').values({ id, customer_id: customerId, created_at: now, last_seen_at: now, expires_at: expiresAt, revoked_at: null }).execute()
}

export async function liveSession(db: Db, id: string, now: string) {
  return db
    .selectFrom('account_session')
    .innerJoin('customer', 'customer.id', 'account_session.customer_id')
    .selectAll('customer')
    .select(['account_session.last_seen_at'])
    .where('account_session.id', '=', id)
    .where('account_session.revoked_at', 'is', null)
    .where('account_session.expires_at', '>', now)
    .executeTakeFirst()
}

export async function touchSession(db: Db, id: string, now: string, expiresAt: string): Promise<void> {
  await db.updateTable('account_session').set({ last_seen_at: now, expires_at: expiresAt }).where('id', '=', id).execute()
}

export async function revokeSession(db: Db, id: string, now: string): Promise<void> {
  await db.updateTable('account_session').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).execute()
}

export async function revokeSessionsOf(db: Db, customerId: string, now: string): Promise<void> {
  await db.updateTable('account_session').set({ revoked_at: now }).where('customer_id', '=', customerId).where('revoked_at', 'is', null).execute()
}

export type AddressRow = Selectable<CustomerAddressTable>
type AddressValues = Pick<AddressRow, 'recipient_name' | 'recipient_phone' | 'postal_code' | 'address' | 'address_detail'>

/** The default first, then the newest. */
export async function addressesOf(db: Db, customerId: string): Promise<AddressRow[]> {
  return db.selectFrom('customer_address').selectAll().where('customer_id', '=', customerId).orderBy('is_default', 'desc').orderBy('created_at', 'desc').orderBy('id', 'desc').execute()
}

export async function addressOf(db: Db, customerId: string, id: string): Promise<AddressRow | undefined> {
  return db.selectFrom('customer_address').selectAll().where('customer_id', '=', customerId).where('id', '=', id).executeTakeFirst()
}

/**
 * Runs `work` in a transaction that first writes the customer's own row, so
 * two changes to one address book wait for each other: PostgreSQL holds the
 * row lock until commit, and SQLite takes its write lock before any read
 * (a read first would make the later write fail with SQLITE_BUSY).
 */
export async function withAddressBook<T>(db: Db, customerId: string, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await trx.updateTable('customer').set((eb) => ({ updated_at: eb.ref('updated_at') })).where('id', '=', customerId).execute()
    return work(trx)
  })
}

/** How many addresses the customer keeps, and when the newest was added. */
export async function addressBookSize(db: Db, customerId: string): Promise<{ count: number; newestAt: string | null }> {
  const row = await db
    .selectFrom('customer_address')
    .select((eb) => [eb.fn.countAll<string | number>().as('n'), eb.fn.max('created_at').as('newest')])
    .where('customer_id', '=', customerId)
    .executeTakeFirstOrThrow()
  return { count: Number(row.n), newestAt: row.newest ?? null }
}

export async function insertAddress(db: Db, row: AddressRow): Promise<void> {
  await db.insertInto('customer_address').values(row).execute()
}

/** False when the customer has no such address. */
export async function updateAddress(db: Db, customerId: string, id: string, values: AddressValues): Promise<boolean> {
  const updated = await db.updateTable('customer_address').set(values).where('customer_id', '=', customerId).where('id', '=', id).executeTakeFirst()
  return Number(updated.numUpdatedRows) > 0
}

export async function deleteAddress(db: Db, customerId: string, id: string): Promise<void> {
  await db.deleteFrom('customer_address').where('customer_id', '=', customerId).where('id', '=', id).execute()
}

/** Makes `id` the one default of the customer's addresses. */
export async function setDefaultAddress(db: Db, customerId: string, id: string): Promise<void> {
  await db
    .updateTable('customer_address')
    .set((eb) => ({ is_default: eb.case().when('id', '=', id).then(eb.lit(1)).else(eb.lit(0)).end() }))
    .where('customer_id', '=', customerId)
    .execute()
}

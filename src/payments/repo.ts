import type { Insertable, Kysely } from 'kysely'
import type { BankDepositTable, Database } from '../store'

export type NewDeposit = Insertable<BankDepositTable>

// Well below SQLite's and PostgreSQL's limits on bound parameters per statement.
const KEYS_PER_QUERY = 500

/** Which of these statement keys were imported before. */
export async function knownDepositKeys(db: Kysely<Database>, keys: string[]): Promise<Set<string>> {
  const known = new Set<string>()
  for (let i = 0; i < keys.length; i += KEYS_PER_QUERY) {
    const rows = await db.selectFrom('bank_deposit').select('key').where('key', 'in', keys.slice(i, i + KEYS_PER_QUERY)).execute()
    for (const r of rows) known.add(r.key)
  }
  return known
}

/** Records a deposit; false when its key is there already (another import took it first). */
export async function recordDeposit(db: Kysely<Database>, deposit: NewDeposit): Promise<boolean> {
  const rows = await db.insertInto('bank_deposit').values(deposit).onConflict((oc) => oc.column('key').doNothing()).returning('key').execute()
  return rows.length > 0
}

export async function setDepositOutcome(db: Kysely<Database>, key: string, outcome: string, orderId: string | null): Promise<void> {
  await db.updateTable('bank_deposit').set({ outcome, order_id: orderId }).where('key', '=', key).execute()
}

export const depositByKey = (db: Kysely<Database>, key: string) => db.selectFrom('bank_deposit').selectAll().where('key', '=', key).executeTakeFirst()

/** Deposits whose outcome is one of `outcomes`, oldest first. */
export async function depositsWithOutcome(db: Kysely<Database>, outcomes: string[], limit: number) {
  return db.selectFrom('bank_deposit').selectAll().where('outcome', 'in', outcomes).orderBy('deposited_on').orderBy('imported_at').orderBy('key').limit(limit).execute()
}

/** Confirms a deposit for an order only if its outcome is still `from`: of two people deciding it at once, one wins. */
export async function claimDeposit(db: Kysely<Database>, key: string, from: string, orderId: string): Promise<boolean> {
  const r = await db.updateTable('bank_deposit').set({ outcome: 'confirmed', order_id: orderId }).where('key', '=', key).where('outcome', '=', from).executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

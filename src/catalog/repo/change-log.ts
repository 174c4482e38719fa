import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../store'

type Db = Kysely<Database> | Transaction<Database>

/** Above this many books in one write, one "anything changed" row replaces a row per book. */
const CHANGE_ROWS_MAX = 1000
/** The change log keeps this many rows; a reader that fell further behind drops everything. */
const CHANGE_LOG_KEEP = 20_000

/** Records what a write changed, so every process serving pages can drop exactly what went stale. */
export async function recordChanges(trx: Db, isbns: string[] | 'all', now = new Date().toISOString()): Promise<void> {
  if (isbns === 'all' || isbns.length > CHANGE_ROWS_MAX) {
    await trx.insertInto('catalog_change').values({ isbn13: null, changed_at: now }).execute()
  } else {
    for (let i = 0; i < isbns.length; i += 500) {
      await trx.insertInto('catalog_change').values(isbns.slice(i, i + 500).map((isbn13) => ({ isbn13, changed_at: now }))).execute()
    }
  }
  const top = await latestChangeSeq(trx)
  if (top % 1000 === 0) await trx.deleteFrom('catalog_change').where('seq', '<=', top - CHANGE_LOG_KEEP).execute()
}

export async function changesSince(db: Db, seq: number): Promise<{ seq: number; isbns: string[] | 'all' }> {
  const rows = await db.selectFrom('catalog_change').select(['seq', 'isbn13']).where('seq', '>', seq).orderBy('seq').limit(CHANGE_ROWS_MAX + 1).execute()
  if (rows.length === 0) return { seq, isbns: [] }
  const last = rows.at(-1)!.seq
  // A gap after `seq` means pruned rows this reader never saw.
  const hasGap = rows[0]!.seq > seq + 1
  if (hasGap || rows.length > CHANGE_ROWS_MAX || rows.some((r) => r.isbn13 === null)) {
    const top = await db.selectFrom('catalog_change').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow()
    return { seq: Number(top.seq ?? last), isbns: 'all' }
  }
  return { seq: last, isbns: rows.map((r) => r.isbn13!) }
}

export async function latestChangeSeq(db: Db): Promise<number> {
  const r = await db.selectFrom('catalog_change').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow()
  return Number(r.seq ?? 0)
}

import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../store'

type Db = Kysely<Database> | Transaction<Database>

/** Rows per statement: 3 parameters each, well under either engine's limit. */
const CHUNK = 1000

/**
 * Adds to books' scores and moves their tiers, on their scores and their
 * search rows, in one transaction. The sum is done by the database (an
 * upsert), so two processes adding at once both count; the tier is then
 * read back from the sum as it stands.
 */
export async function addScores(db: Kysely<Database>, deltas: Map<number, number>, tierOf: (score: number) => number): Promise<void> {
  const rows = [...deltas].map(([id, score]) => ({ id, score, tier: tierOf(score) }))
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK)
      await trx
        .insertInto('search_popularity')
        .values(chunk)
        .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ score: eb('search_popularity.score', '+', eb.ref('excluded.score')) })))
        .execute()
      const sums = await trx.selectFrom('search_popularity').select(['id', 'score']).where('id', 'in', chunk.map((r) => r.id)).execute()
      // Grouped by tier: a statement per tier, not per book.
      const byTier = new Map<number, number[]>()
      for (const s of sums) {
        const tier = tierOf(Number(s.score))
        byTier.set(tier, [...(byTier.get(tier) ?? []), Number(s.id)])
      }
      for (const [tier, ids] of byTier) {
        await trx.updateTable('search_popularity').set({ tier }).where('id', 'in', ids).execute()
        await trx.updateTable('search_book').set({ popularity: tier }).where('id', 'in', ids).execute()
      }
    }
  })
}

/** Gives rewritten search rows their books' tiers back, inside the caller's transaction. */
export async function restoreTiers(trx: Db, ids: number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK * 5) {
    const chunk = ids.slice(i, i + CHUNK * 5)
    await trx
      .updateTable('search_book')
      .set({ popularity: sql<number>`(SELECT p.tier FROM search_popularity p WHERE p.id = search_book.id)` })
      .where('id', 'in', (eb) => eb.selectFrom('search_popularity').select('id').where('id', 'in', chunk))
      .execute()
  }
}

import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../store'

type Db = Kysely<Database> | Transaction<Database>

export interface SynonymRow {
  term: string
  expansion: string
  updatedAt: string
}

export async function allSynonyms(db: Db): Promise<SynonymRow[]> {
  const rows = await db.selectFrom('search_synonym').selectAll().orderBy('term').execute()
  return rows.map((r) => ({ term: r.term, expansion: r.expansion, updatedAt: r.updated_at }))
}

/** The expansions of those of `terms` that have one (a lookup on the key: one statement per uncached search). */
export async function expansionsOf(db: Db, terms: string[]): Promise<Map<string, string>> {
  if (terms.length === 0) return new Map()
  const rows = await db.selectFrom('search_synonym').select(['term', 'expansion']).where('term', 'in', terms).execute()
  return new Map(rows.map((r) => [r.term, r.expansion]))
}

export async function findSynonym(db: Db, term: string): Promise<SynonymRow | undefined> {
  const row = await db.selectFrom('search_synonym').selectAll().where('term', '=', term).executeTakeFirst()
  return row && { term: row.term, expansion: row.expansion, updatedAt: row.updated_at }
}

export async function writeSynonym(db: Db, row: SynonymRow): Promise<void> {
  await db
    .insertInto('search_synonym')
    .values({ term: row.term, expansion: row.expansion, updated_at: row.updatedAt })
    .onConflict((oc) => oc.column('term').doUpdateSet({ expansion: row.expansion, updated_at: row.updatedAt }))
    .execute()
}

export async function deleteSynonym(db: Db, term: string): Promise<void> {
  await db.deleteFrom('search_synonym').where('term', '=', term).execute()
}

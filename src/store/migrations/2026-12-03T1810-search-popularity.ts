import type { Kysely } from 'kysely'
import { speaksPostgres } from './engine'

// Frozen in time: imports no application code.
//
// A popularity signal for ranking: each book's views, carts and purchases,
// weighted and decayed, kept by the search domain as events are written
// (search_popularity.score), and its order of magnitude (tier) copied onto the
// book's search row (search_book.popularity), where ranking reads it with
// no join. A book's search row is rewritten on every catalog write; its
// score is not, and the row takes the tier back from it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('search_popularity')
    // The ISBN-13 as an integer, as in every search table (SQLite's integer is 64-bit and the row's own key).
    .addColumn('id', speaksPostgres(db) ? 'bigint' : 'integer', (c) => c.primaryKey())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('tier', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.alterTable('search_book').addColumn('popularity', 'integer', (c) => c.notNull().defaultTo(0)).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('search_book').dropColumn('popularity').execute()
  await db.schema.dropTable('search_popularity').execute()
}

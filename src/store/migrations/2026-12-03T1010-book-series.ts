import type { Kysely } from 'kysely'

// Frozen in time: imports no application code.
// A series' page lists its volumes: one index range on the series name.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('book_series').on('book').columns(['series', 'isbn13']).where('series', 'is not', null).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('book_series').execute()
}

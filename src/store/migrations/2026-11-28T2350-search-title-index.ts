import type { Kysely } from 'kysely'

// Frozen in time: imports no application code.
// Suggestions look up titles that start with what was typed: a range on the normalised title.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('search_book_title_key').on('search_book').columns(['title_key', 'id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('search_book_title_key').execute()
}

import { sql, type Kysely } from 'kysely'

// Frozen in time: imports no application code.
// Ranking by title length now measures the title proper (its normalised key), without the subtitle.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`UPDATE search_book SET title_length = length(title_key)`.execute(db)
}

export async function down(): Promise<void> {
  // The old lengths counted the subtitle, which search_book doesn't hold; a reindex restores them.
}

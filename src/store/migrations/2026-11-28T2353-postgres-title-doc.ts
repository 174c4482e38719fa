import { sql, type Kysely } from 'kysely'
import { speaksPostgres } from './engine'

// Frozen in time: imports no application code.
// PostgreSQL: the title-side weights (A: titles and ISBNs, B: people and initials) in a vector of their
// own with its own GIN index, so title matches neither check weights nor read a book's whole text.
// SQLite's FTS5 filters columns itself: nothing to do there.
export async function up(db: Kysely<any>): Promise<void> {
  if (!speaksPostgres(db)) return
  await sql`ALTER TABLE search_doc ADD COLUMN title_doc tsvector GENERATED ALWAYS AS (ts_filter(doc, '{a,b}')) STORED`.execute(db)
  await sql`CREATE INDEX search_doc_title_doc ON search_doc USING gin (title_doc)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!speaksPostgres(db)) return
  await sql`ALTER TABLE search_doc DROP COLUMN title_doc`.execute(db)
}

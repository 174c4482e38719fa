import { sql, type Kysely } from 'kysely'

// Frozen in time: imports no application code.
// Columns and weights: title (title, subtitle, translations, series) 10, people 6, codes (ISBNs) 20,
// meta (publisher, categories) 2, body (description, contents) 1, initials (초성 of title and people) 3.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE VIRTUAL TABLE search_doc USING fts5(title, people, codes, meta, body, initials, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(db)
  await sql`INSERT INTO search_doc (search_doc, rank) VALUES ('rank', 'bm25(10.0, 6.0, 20.0, 2.0, 1.0, 3.0)')`.execute(db)
  await db.schema
    .createTable('search_word')
    .addColumn('word', 'text', (c) => c.primaryKey())
    .addColumn('books', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('search_word').execute()
  await sql`DROP TABLE search_doc`.execute(db)
}

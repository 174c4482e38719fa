import { sql, type Kysely } from 'kysely'
import { speaksPostgres } from './engine'

// Frozen in time: imports no application code.
// search_doc columns and bm25 weights: title (title, subtitle, translations, series) 10, people 6,
// codes (ISBNs) 20, meta (publisher, categories) 2, body (description, contents) 1, initials (초성) 3.
// Every search table is keyed by the ISBN-13 as an integer: integer keys join far faster than text ones.
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = speaksPostgres(db)
  if (isPostgres) {
    // The same tokens in a tsvector ('simple' keeps them as they are) with a GIN index; the four weights group the six fields.
    await sql`CREATE TABLE search_doc (id bigint PRIMARY KEY, doc tsvector NOT NULL)`.execute(db)
    await sql`CREATE INDEX search_doc_doc ON search_doc USING gin (doc)`.execute(db)
  } else {
    await sql`CREATE VIRTUAL TABLE search_doc USING fts5(title, people, codes, meta, body, initials, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(db)
    await sql`INSERT INTO search_doc (search_doc, rank) VALUES ('rank', 'bm25(10.0, 6.0, 20.0, 2.0, 1.0, 3.0)')`.execute(db)
  }
  // ISBN-13s as numbers pass 2^31: 64-bit keys (SQLite's integer already is).
  const key = isPostgres ? 'bigint' : 'integer'
  await db.schema
    .createTable('search_book')
    .addColumn('id', key, (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_key', 'text', (c) => c.notNull())
    .addColumn('alt_title_key', 'text')
    .addColumn('title_length', 'integer', (c) => c.notNull())
    .addColumn('publisher', 'text')
    .addColumn('format', 'varchar(16)', (c) => c.notNull())
    .addColumn('language', 'varchar(3)')
    .addColumn('issued_on', 'varchar(10)')
    .addColumn('price', 'bigint')
    .addColumn('is_available', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('search_book_issued_on').on('search_book').columns(['issued_on', 'id']).execute()
  await db.schema
    .createTable('search_book_category')
    .addColumn('id', key, (c) => c.notNull())
    .addColumn('category_id', 'varchar(64)', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_book_category_pk', ['id', 'category_id'])
    .execute()
  await db.schema.createIndex('search_book_category_category').on('search_book_category').columns(['category_id', 'id']).execute()
  await db.schema
    .createTable('search_word')
    .addColumn('word', 'text', (c) => c.primaryKey())
    .addColumn('books', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('search_word').execute()
  await db.schema.dropTable('search_book_category').execute()
  await db.schema.dropTable('search_book').execute()
  await sql`DROP TABLE search_doc`.execute(db)
}

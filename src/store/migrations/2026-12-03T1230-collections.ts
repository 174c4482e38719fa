import type { Kysely } from 'kysely'

// Frozen in time: imports no application code.
//
// Staff picks: collections staff curate for the home page, each with a title
// and blurb in Korean and English and its books in order (by ISBN, so a book
// not yet in the catalog may be named and shows once it arrives).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('collection')
    .addColumn('id', 'varchar(16)', (c) => c.primaryKey())
    .addColumn('title_ko', 'varchar(200)', (c) => c.notNull())
    .addColumn('title_en', 'varchar(200)', (c) => c.notNull())
    .addColumn('blurb_ko', 'text', (c) => c.notNull())
    .addColumn('blurb_en', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('collection_book')
    .addColumn('collection_id', 'varchar(16)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('isbn13', 'varchar(13)', (c) => c.notNull())
    .addPrimaryKeyConstraint('collection_book_pk', ['collection_id', 'position'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('collection_book').execute()
  await db.schema.dropTable('collection').execute()
}

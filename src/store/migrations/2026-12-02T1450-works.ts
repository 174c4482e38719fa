import { sql, type Kysely } from 'kysely'

// Frozen in time: imports no application code.
//
// Likely duplicates are found by `dup_key`, a normalised "title|first author"
// the catalog's write path computes (NFKC and Unicode case folding, which
// SQLite cannot do in SQL): it is not backfilled here. Books written before
// this migration have none until the duplicates screen keys them, a bounded
// batch per visit (a partial index finds them). `work_id` links editions of
// one work (a paperback and its e-book); a merged-away ISBN keeps its row
// (its history, the order lines naming it) and redirects to the book it went
// into; a pair staff said are not duplicates stays dismissed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('book').addColumn('dup_key', 'varchar(400)').execute()
  await db.schema.alterTable('book').addColumn('work_id', 'varchar(13)').execute()
  await db.schema.createIndex('book_dup_key').on('book').columns(['dup_key', 'isbn13']).execute()
  await sql`CREATE INDEX book_unkeyed ON book (isbn13) WHERE dup_key IS NULL`.execute(db)
  await sql`CREATE INDEX book_work ON book (work_id, isbn13) WHERE work_id IS NOT NULL`.execute(db)

  await db.schema
    .createTable('book_redirect')
    .addColumn('from_isbn13', 'varchar(13)', (c) => c.primaryKey())
    .addColumn('to_isbn13', 'varchar(13)', (c) => c.notNull())
    .addColumn('merged_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('merged_by', 'varchar(64)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('book_redirect_to').on('book_redirect').column('to_isbn13').execute()

  // One row per pair, the smaller ISBN first.
  await db.schema
    .createTable('duplicate_dismissed')
    .addColumn('isbn13_a', 'varchar(13)', (c) => c.notNull())
    .addColumn('isbn13_b', 'varchar(13)', (c) => c.notNull())
    .addColumn('dismissed_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('dismissed_by', 'varchar(64)', (c) => c.notNull())
    .addPrimaryKeyConstraint('duplicate_dismissed_pk', ['isbn13_a', 'isbn13_b'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('duplicate_dismissed').execute()
  await db.schema.dropTable('book_redirect').execute()
  for (const index of ['book_work', 'book_unkeyed', 'book_dup_key']) await db.schema.dropIndex(index).execute()
  await db.schema.alterTable('book').dropColumn('work_id').execute()
  await db.schema.alterTable('book').dropColumn('dup_key').execute()
}

import type { Kysely } from 'kysely'

// Frozen in time: imports no application code.
//
// Readers' reviews: one per book per reader (the unique key), hidden by staff
// rather than deleted (the moderation keeps its reason). Helpful votes and
// abuse reports are one row per reader and kind, so a second vote is refused
// by the key; the counts on the review are kept in the same transaction, so a
// page sorts by them without counting.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('review')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('isbn13', 'varchar(13)', (c) => c.notNull())
    .addColumn('customer_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('helpful_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('report_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hidden_at', 'varchar(32)')
    .addColumn('hidden_reason', 'varchar(500)')
    .addUniqueConstraint('review_one_per_reader', ['isbn13', 'customer_id'])
    .execute()
  await db.schema.createIndex('review_book_helpful').on('review').columns(['isbn13', 'helpful_count', 'created_at']).execute()
  await db.schema.createIndex('review_book_newest').on('review').columns(['isbn13', 'created_at']).execute()
  await db.schema.createIndex('review_customer').on('review').columns(['customer_id']).execute()
  await db.schema
    .createTable('review_vote')
    .addColumn('review_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('customer_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('reason', 'varchar(500)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('review_vote_pk', ['review_id', 'customer_id', 'kind'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('review_vote').execute()
  await db.schema.dropTable('review').execute()
}

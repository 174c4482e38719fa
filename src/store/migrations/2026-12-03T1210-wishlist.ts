import type { Kysely } from 'kysely'

// Frozen in time: imports no application code.
// A reader's wishlist (찜): one row per reader and book; the index on the book
// finds who to tell when it comes back in stock or its price drops.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('wish')
    .addColumn('customer_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('isbn13', 'varchar(13)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('wish_pk', ['customer_id', 'isbn13'])
    .execute()
  await db.schema.createIndex('wish_book').on('wish').columns(['isbn13']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('wish').execute()
}

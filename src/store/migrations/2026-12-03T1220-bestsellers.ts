import type { Kysely } from 'kysely'

// Frozen in time: imports no application code.
//
// Bestseller lists are recomputed from paid orders by a rebuild (never on the
// request path) and kept here, the top places of each period and shelf
// (`category_id` '' is the whole store), with the place the book held in the
// period before, for the movement shown beside it. `sales_index` is each
// sold book's 판매지수 at the last rebuild. The rebuild reads orders by the
// time they were paid, so that column gets an index.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('bestseller')
    .addColumn('period', 'varchar(8)', (c) => c.notNull())
    .addColumn('category_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('isbn13', 'varchar(13)', (c) => c.notNull())
    .addColumn('copies', 'integer', (c) => c.notNull())
    .addColumn('previous_rank', 'integer')
    .addPrimaryKeyConstraint('bestseller_pk', ['period', 'category_id', 'rank'])
    .execute()
  await db.schema.createIndex('bestseller_book').on('bestseller').columns(['isbn13', 'period']).execute()
  await db.schema
    .createTable('sales_index')
    .addColumn('isbn13', 'varchar(13)', (c) => c.primaryKey())
    .addColumn('points', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('orders_paid_at').on('orders').column('paid_at').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('orders_paid_at').execute()
  await db.schema.dropTable('sales_index').execute()
  await db.schema.dropTable('bestseller').execute()
}

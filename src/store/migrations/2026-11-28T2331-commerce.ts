import type { Kysely } from 'kysely'

// Frozen in time: imports no application code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cart_item')
    .addColumn('session_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('isbn13', 'varchar(13)', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('added_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('cart_item_pk', ['session_id', 'isbn13'])
    .execute()

  await db.schema
    .createTable('orders')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('session_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('placed_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('currency', 'varchar(3)', (c) => c.notNull())
    .addColumn('total', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('orders_session').on('orders').columns(['session_id', 'placed_at']).execute()

  await db.schema
    .createTable('order_item')
    .addColumn('order_id', 'varchar(36)', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('isbn13', 'varchar(13)', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('unit_price', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('order_item_pk', ['order_id', 'isbn13'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('order_item').execute()
  await db.schema.dropTable('orders').execute()
  await db.schema.dropTable('cart_item').execute()
}

import { sql, type Kysely } from 'kysely'

// Frozen in time: imports no application code.
//
// A book's stock is a count only when someone gave one: an e-book has none,
// and a feed that says "available" without <Stock> has not counted its copies.
// `stock_counted` 0 marks such a book (its `stock` stays 0, so the NOT NULL
// column and its index keep working on both engines without rebuilding the
// table); `lead_days` is how many days an order waits before it ships when
// the copies are not on hand (ONIX <OrderTime>). Every book already stored
// was given a count. The partial index lets "stock at or under N" walk
// counted books only: uncounted ones are not low on stock.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('book').addColumn('stock_counted', 'integer', (c) => c.notNull().defaultTo(1)).execute()
  await db.schema.alterTable('book').addColumn('lead_days', 'integer').execute()
  await sql`CREATE INDEX book_staff_counted_stock ON book (stock, isbn13) WHERE stock_counted = 1`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('book_staff_counted_stock').execute()
  await db.schema.alterTable('book').dropColumn('lead_days').execute()
  await db.schema.alterTable('book').dropColumn('stock_counted').execute()
}

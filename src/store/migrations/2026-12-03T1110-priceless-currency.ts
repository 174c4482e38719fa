import type { Kysely } from 'kysely'

// Frozen in time: imports no application code.
// A currency belongs to a price: books without one had "KRW" by the column's default. The column
// stays NOT NULL (SQLite cannot drop that without rebuilding the table), so '' stands for none.
export async function up(db: Kysely<any>): Promise<void> {
  await db.updateTable('book').set({ currency: '' }).where('list_price', 'is', null).where('sale_price', 'is', null).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.updateTable('book').set({ currency: 'KRW' }).where('currency', '=', '').execute()
}

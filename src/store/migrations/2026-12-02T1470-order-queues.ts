import type { Kysely } from 'kysely'

// Frozen in time: imports no application code.
// The back office's order queues page through one state newest (or oldest) first: one index range each.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('orders_status_placed').on('orders').columns(['status', 'placed_at', 'number']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('orders_status_placed').execute()
}

import type { Kysely } from 'kysely'

// Frozen in time: imports no application code.
//
// Webhooks: the endpoints owners register (each with the events it wants and
// the secret its deliveries are signed with, by the Standard Webhooks scheme)
// and the delivery queue, which is also the delivery log: one row a message
// and endpoint, written in the transaction of the change it tells of, with
// its attempts, the last answer and when to try again.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('webhook_endpoint')
    .addColumn('id', 'varchar(16)', (c) => c.primaryKey())
    .addColumn('url', 'varchar(2000)', (c) => c.notNull())
    .addColumn('description', 'varchar(200)', (c) => c.notNull())
    // Space-separated event types.
    .addColumn('events', 'varchar(500)', (c) => c.notNull())
    // whsec_ and base64: kept as it is, since every delivery is signed with it; shown to the owner once.
    .addColumn('secret', 'varchar(100)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('disabled_at', 'varchar(32)')
    .execute()
  await db.schema
    .createTable('webhook_delivery')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('endpoint_id', 'varchar(16)', (c) => c.notNull())
    .addColumn('event_type', 'varchar(40)', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('next_attempt_at', 'varchar(32)', (c) => c.notNull())
    // A day after it was queued or re-sent: a failure after this is final.
    .addColumn('give_up_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('lease_until', 'varchar(32)')
    .addColumn('last_attempt_at', 'varchar(32)')
    .addColumn('response_status', 'integer')
    .addColumn('response_excerpt', 'varchar(500)')
    .addColumn('last_error', 'varchar(500)')
    .addColumn('delivered_at', 'varchar(32)')
    .execute()
  await db.schema.createIndex('webhook_delivery_due').on('webhook_delivery').columns(['status', 'next_attempt_at']).execute()
  await db.schema.createIndex('webhook_delivery_endpoint').on('webhook_delivery').columns(['endpoint_id', 'created_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('webhook_delivery').execute()
  await db.schema.dropTable('webhook_endpoint').execute()
}

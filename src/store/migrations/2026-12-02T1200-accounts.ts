import type { Kysely } from 'kysely'

// Frozen in time: imports no application code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('customer')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('phone', 'varchar(32)')
    .addColumn('lang', 'varchar(2)', (c) => c.notNull())
    .addColumn('verified_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('account_session')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('customer_id', 'varchar(36)', (c) => c.notNull().references('customer.id').onDelete('cascade'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_seen_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('revoked_at', 'varchar(32)')
    .execute()
  await db.schema.createIndex('account_session_customer').on('account_session').column('customer_id').execute()

  await db.schema
    .createTable('account_token')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('purpose', 'varchar(8)', (c) => c.notNull())
    .addColumn('customer_id', 'varchar(36)', (c) => c.notNull().references('customer.id').onDelete('cascade'))
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('used_at', 'varchar(32)')
    .execute()
  await db.schema.createIndex('account_token_customer').on('account_token').column('customer_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('account_token').execute()
  await db.schema.dropTable('account_session').execute()
  await db.schema.dropTable('customer').execute()
}

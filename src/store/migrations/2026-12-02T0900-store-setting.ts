import type { Kysely } from 'kysely'

// Frozen in time: imports no application code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('store_setting')
    .addColumn('name', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('store_setting').execute()
}

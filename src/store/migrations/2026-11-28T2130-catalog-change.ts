import type { Kysely } from 'kysely'
import { speaksPostgres } from './engine'

// Frozen in time: imports no application code.
export async function up(db: Kysely<any>): Promise<void> {
  // One row per changed book per write; a null ISBN means "anything may have changed".
  await db.schema
    .createTable('catalog_change')
    // Numbers only grow and are never reused: AUTOINCREMENT on SQLite, an identity column on PostgreSQL.
    .addColumn('seq', 'integer', (c) => (speaksPostgres(db) ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
    .addColumn('isbn13', 'varchar(13)')
    .addColumn('changed_at', 'varchar(32)', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('catalog_change').execute()
}

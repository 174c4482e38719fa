import { sql, type Kysely } from 'kysely'
import { speaksPostgres } from './engine'

// Frozen in time: imports no application code.
//
// The audit log is append-only for everyone, owners and the app included: the
// database itself refuses to change or remove a row, so no code path (or
// person with a SQL prompt and the app's role) can quietly rewrite history.
// Row triggers rather than statement triggers on PostgreSQL, so that a DELETE
// that matches no row (copying into an empty store) is not refused.
const REFUSAL = 'audit_entry is append-only: rows are never updated or deleted'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_entry')
    .addColumn('id', 'integer', (c) => (speaksPostgres(db) ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('actor', 'varchar(64)', (c) => c.notNull())
    .addColumn('actor_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('action', 'varchar(16)', (c) => c.notNull())
    .addColumn('record_type', 'varchar(16)', (c) => c.notNull())
    .addColumn('record_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('via', 'varchar(64)', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('audit_entry_record').on('audit_entry').columns(['record_type', 'record_id', 'id']).execute()

  if (speaksPostgres(db)) {
    await sql`
      CREATE FUNCTION audit_entry_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '${sql.raw(REFUSAL)} (% refused)', TG_OP;
      END $$`.execute(db)
    await sql`CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse()`.execute(db)
    await sql`CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse()`.execute(db)
    return
  }
  // SQLite has no TRUNCATE; a DELETE without WHERE skips its truncate shortcut when the table has triggers.
  await sql`CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry BEGIN SELECT RAISE(ABORT, '${sql.raw(REFUSAL)}'); END`.execute(db)
  await sql`CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry BEGIN SELECT RAISE(ABORT, '${sql.raw(REFUSAL)}'); END`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  // Dropping the table drops its triggers with it; PostgreSQL's function stays until dropped.
  await db.schema.dropTable('audit_entry').execute()
  if (speaksPostgres(db)) await sql`DROP FUNCTION audit_entry_refuse()`.execute(db)
}

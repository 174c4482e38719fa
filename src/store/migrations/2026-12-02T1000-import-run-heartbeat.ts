import type { Kysely } from 'kysely'

// Frozen in time: imports no application code.
// Who runs an import and when it last showed signs of life, so the import log can
// tell a run still going from one whose process was killed or crashed.
const COLUMNS = [
  ['pid', 'integer'],
  ['host', 'varchar(255)'],
  ['heartbeat_at', 'varchar(32)'],
] as const

export async function up(db: Kysely<any>): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE adds only one at a time.
  for (const [name, type] of COLUMNS) await db.schema.alterTable('import_run').addColumn(name, type).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of COLUMNS) await db.schema.alterTable('import_run').dropColumn(name).execute()
}

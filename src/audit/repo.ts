import type { Kysely, Selectable } from 'kysely'
import type { AuditEntryTable, Database } from '../store'
import type { AuditEntry, NewAuditEntry } from './types'

type Db = Kysely<Database>

/** Rows per INSERT: nine values each keeps a statement well under both engines' parameter limits. */
const ROWS_PER_INSERT = 500

function toEntry(row: Selectable<AuditEntryTable>): AuditEntry {
  return {
    id: Number(row.id),
    at: row.at,
    actor: row.actor,
    actorName: row.actor_name,
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    via: row.via,
    changes: JSON.parse(row.changes),
  }
}

/** Appends entries, in the caller's transaction; the log has no update or delete, here or in the database. */
export async function insertEntries(db: Db, at: string, entries: NewAuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += ROWS_PER_INSERT) {
    const rows = entries.slice(i, i + ROWS_PER_INSERT).map((e) => ({
      at,
      actor: e.actor,
      actor_name: e.actorName,
      action: e.action,
      record_type: e.recordType,
      record_id: e.recordId,
      via: e.via,
      changes: JSON.stringify(e.changes),
    }))
    await db.insertInto('audit_entry').values(rows).execute()
  }
}

/** A record's entries, newest first. */
export async function entriesFor(db: Db, recordType: string, recordId: string, limit: number): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_entry')
    .selectAll()
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map(toEntry)
}

export async function entryById(db: Db, id: number): Promise<AuditEntry | undefined> {
  const row = await db.selectFrom('audit_entry').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toEntry(row)
}

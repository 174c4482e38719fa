import { InputError, NotFoundError } from '../core/errors'
import type { Database, Kysely, UnitOfWork } from '../store'
import * as repo from './repo'
import type { AuditAuthor, AuditChange, AuditEntry, BookWrite, NewAuditEntry } from './types'

/** How many of a record's entries a history shows. */
const HISTORY_LIMIT = 500

/**
 * The append-only log of staff writes. Entries are written only inside the
 * unit of work of the change they describe, so a change and its entry commit
 * together or not at all; nothing here (or anywhere) updates or deletes one.
 */
export class AuditService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Appends entries in the caller's unit of work. */
  async record(unit: UnitOfWork, entries: NewAuditEntry[]): Promise<void> {
    if (entries.length) await repo.insertEntries(unit.db, this.now().toISOString(), entries)
  }

  /** A catalog write, one entry per book it created or changed. */
  async recordBookWrites(unit: UnitOfWork, writes: BookWrite[], author: AuditAuthor): Promise<void> {
    const entries = writes
      .filter((w) => w.change === 'created' || w.fields.length > 0)
      .map((w): NewAuditEntry => ({
        actor: author.actor,
        actorName: author.actorName,
        action: w.change === 'created' ? 'create' : (author.action ?? 'edit'),
        recordType: 'book',
        recordId: w.isbn13,
        via: author.via,
        changes: w.fields,
      }))
    await this.record(unit, entries)
  }

  /** A record's entries, newest first. */
  async history(recordType: string, recordId: string): Promise<AuditEntry[]> {
    return repo.entriesFor(this.db, recordType, recordId, HISTORY_LIMIT)
  }

  /**
   * The change to `field` that entry `id` recorded on this record: what a
   * "put back" sets the field to again (its `before`). Refused when the entry
   * is of another record or did not change that field.
   */
  async fieldChange(id: number, recordType: string, recordId: string, field: string): Promise<AuditChange> {
    const entry = await repo.entryById(this.db, id)
    if (!entry || entry.recordType !== recordType || entry.recordId !== recordId) throw new NotFoundError('audit entry', String(id))
    const change = entry.changes.find((c) => c.field === field)
    if (!change) throw new InputError('field', `audit entry ${id} did not change "${field}"`, { code: 'not_changed', params: { field } })
    return change
  }
}

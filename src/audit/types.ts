/** One field of a record, before and after the write. */
export interface AuditChange {
  field: string
  before: unknown
  after: unknown
}

/** One recorded staff write: who, when, which record, through what, and each field it changed. */
export interface AuditEntry {
  id: number
  /** ISO-8601 UTC. */
  at: string
  /** 'staff:<id>', 'cli' or 'unknown'. */
  actor: string
  /** The actor's name when the entry was written. */
  actorName: string
  /** 'edit' | 'create' | 'bulk' | 'import' | 'revert' | 'order' | 'staff' | 'category' … */
  action: string
  /** 'book' | 'category' | 'order' | 'staff' … */
  recordType: string
  recordId: string
  /** 'form' | 'bulk' | 'import:<run id>' | 'cli' */
  via: string
  changes: AuditChange[]
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'>

/** Who wrote and through what (the catalog's EditContext has this shape). */
export interface AuditAuthor {
  actor: string
  actorName: string
  via: string
  action?: string
}

/** What a catalog write did to one book (the catalog's BookChange has this shape). */
export interface BookWrite {
  isbn13: string
  change: 'created' | 'updated'
  fields: AuditChange[]
}

/** The import run a `via` names, if it names one. */
export function importRunOf(via: string): number | undefined {
  const m = /^import:(\d+)$/.exec(via)
  return m ? Number(m[1]) : undefined
}

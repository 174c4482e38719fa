import type { UnitOfWork } from '../store'
import type { Isbn13 } from './isbn'
import type { BookInput } from './schema'

/** Who makes an edit and through what; it travels with the edit to whatever records the catalog's changes. */
export interface EditContext {
  /** 'staff:<id>', 'cli', or 'unknown' for a write that did not say. */
  actor: string
  /** The actor's name at the time, kept because a name can change later. */
  actorName: string
  /** 'form', 'bulk', 'import:<run id>', 'cli', or the duplicates screen's 'merge', 'link' and 'dismiss'. */
  via: string
  /** What a change to an existing book counts as: a plain edit unless said otherwise. */
  action?: 'edit' | 'bulk' | 'import' | 'revert' | 'merge' | 'link' | 'dismiss'
}

/** The work a book is an edition of, the books merged into it, the book it was merged into, books it is not a duplicate of. */
export type DuplicateField = 'work' | 'mergedFrom' | 'mergedInto' | 'notDuplicateOf'

/** One field of a book, before and after a write (as stored, JSON-ready). */
export interface FieldChange {
  /** A field an edit writes, the uploaded cover, or what the duplicates screen records (see duplicates.ts). */
  field: keyof BookInput | 'cover' | DuplicateField
  before: unknown
  after: unknown
}

/**
 * What one write did to one book. A created book lists no fields: its first
 * state follows from the book as it is now and every later change's `before`.
 */
export interface BookChange {
  isbn13: Isbn13
  change: 'created' | 'updated'
  fields: FieldChange[]
}

/** Hears the changes of every edit inside its write transaction; a throw rolls the edit back. */
export type BookChangeListener = (unit: UnitOfWork, changes: BookChange[], context: EditContext) => Promise<void>

/** Said of writes made without a context, so that no edit escapes whoever listens. */
export const UNKNOWN_EDITOR: EditContext = { actor: 'unknown', actorName: 'unknown', via: 'unknown' }

// Texts and numbers compare as they are; only lists and objects are serialised (an import diffs thousands of books).
function isSameValue(field: string, a: unknown, b: unknown): boolean {
  if ((a ?? null) === (b ?? null)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  // Category ids are a set: a new order of the same ids is no change (as isSameBook says).
  if (field === 'categoryIds') return JSON.stringify([...new Set(a as string[])].sort()) === JSON.stringify([...new Set(b as string[])].sort())
  return JSON.stringify(a) === JSON.stringify(b)
}

/** The fields `after` changes from `before`, each with both values. */
export function changedFields(before: BookInput, after: BookInput): FieldChange[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)] as Array<keyof BookInput>)
  const changes: FieldChange[] = []
  for (const field of fields) {
    if (isSameValue(field, before[field], after[field])) continue
    changes.push({ field, before: before[field] ?? null, after: after[field] ?? null })
  }
  return changes
}

/** Each written book against what was stored before the write. */
export function bookChanges(stored: Map<string, BookInput>, written: BookInput[]): BookChange[] {
  return written.map((book) => {
    const before = stored.get(book.isbn13)
    return before ? { isbn13: book.isbn13, change: 'updated', fields: changedFields(before, book) } : { isbn13: book.isbn13, change: 'created', fields: [] }
  })
}

import { InputError, NotFoundError } from '../core/errors'
import type { Database, Kysely, UnitOfWork } from '../store'
import { transactor } from '../store'
import * as repo from './repo/synonyms'
import type { SynonymRow } from './repo/synonyms'
import { normalise } from './tokenise'

export type Synonym = SynonymRow

/** Who made a change and through what (the audit log's author). */
export interface SynonymAuthor {
  actor: string
  actorName: string
  via: string
}

/** One audited synonym write, in the audit log's shape (record type 'synonym'). */
export interface SynonymChange extends SynonymAuthor {
  action: 'create' | 'edit' | 'delete'
  recordType: 'synonym'
  recordId: string
  changes: Array<{ field: string; before: unknown; after: unknown }>
}

export interface SynonymDeps {
  db: Kysely<Database>
  /** Writes the audit entry inside the change's transaction; a throw rolls the change back. */
  onChange?: (unit: UnitOfWork, changes: SynonymChange[]) => Promise<void>
  /** Told after a committed change: cached answers must go. */
  changed: () => Promise<void>
}

const MAX_TERM = 100
const MAX_EXPANSION = 200

/** What a term is stored and looked up as: the query's own normal form, single-spaced. */
export const synonymKey = (text: string) => normalise(text).replace(/\s+/g, ' ').trim()

/**
 * The synonym table staff keep: a term readers type ("자스") and the words
 * searched for as well ("자바스크립트"). Applied when a query is read, so a
 * change needs no reindex; each write is one transaction with its audit entry.
 */
export class Synonyms {
  private readonly work

  constructor(private readonly deps: SynonymDeps) {
    this.work = transactor(deps.db)
  }

  all(): Promise<Synonym[]> {
    return repo.allSynonyms(this.deps.db)
  }

  async get(term: string): Promise<Synonym> {
    const found = await repo.findSynonym(this.deps.db, synonymKey(term))
    if (!found) throw new NotFoundError('synonym', term)
    return found
  }

  /** Adds a synonym or replaces the expansion of the term's. */
  async set(term: string, expansion: string, author: SynonymAuthor): Promise<Synonym> {
    const row = { term: checked('term', term, MAX_TERM), expansion: checked('expansion', expansion, MAX_EXPANSION), updatedAt: new Date().toISOString() }
    if (row.term === row.expansion) throw new InputError('expansion', 'is the term itself', { code: 'invalid' })
    await this.write(async (unit) => {
      const before = await repo.findSynonym(unit.db, row.term)
      if (before?.expansion === row.expansion) return
      await repo.writeSynonym(unit.db, row)
      await this.deps.onChange?.(unit, [{ ...author, action: before ? 'edit' : 'create', recordType: 'synonym', recordId: row.term, changes: [{ field: 'expansion', before: before?.expansion ?? null, after: row.expansion }] }])
    })
    return row
  }

  async remove(term: string, author: SynonymAuthor): Promise<void> {
    await this.write(async (unit) => {
      const before = await repo.findSynonym(unit.db, synonymKey(term))
      if (!before) throw new NotFoundError('synonym', term)
      await repo.deleteSynonym(unit.db, before.term)
      await this.deps.onChange?.(unit, [{ ...author, action: 'delete', recordType: 'synonym', recordId: before.term, changes: [{ field: 'expansion', before: before.expansion, after: null }] }])
    })
  }

  private async write(change: (unit: UnitOfWork) => Promise<void>): Promise<void> {
    await this.work(change)
    await this.deps.changed()
  }
}

function checked(field: 'term' | 'expansion', raw: string, max: number): string {
  const key = synonymKey(raw)
  if (!key) throw new InputError(field, 'is required', { code: 'required' })
  if ([...key].length > max) throw new InputError(field, `is longer than ${max} characters`, { code: 'too_long', params: { max } })
  return key
}

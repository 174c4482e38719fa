import { randomBytes } from 'node:crypto'
import { InputError, NotFoundError } from '../core/errors'
import { transactor, type Database, type Kysely, type UnitOfWork } from '../store'
import type { EditContext } from './book-changes'
import type { RecordChange, RecordChangeListener } from './category-admin'
import { parseIsbn } from './isbn'
import * as repo from './repo'
import * as changeLog from './repo/change-log'
import * as collectionRepo from './repo/collections'
import type { BookSummary, Collection, CollectionDraft } from './types'

/** Books a collection holds at most. */
const COLLECTION_BOOKS = 40

export interface CollectionDeps {
  db: Kysely<Database>
  onRecordChanges?: RecordChangeListener
  /** Told after a committed change, with the books shown before or after: the home page shows them. */
  changed: (isbns: string[]) => void
}

/**
 * Staff picks. Each write is one transaction with its audit entry; the ISBNs
 * are read in any form and must name books in the catalog.
 */
export class Collections {
  constructor(private readonly deps: CollectionDeps) {}

  all(): Promise<Collection[]> {
    return collectionRepo.allCollections(this.deps.db)
  }

  async get(id: string): Promise<Collection> {
    const found = (await this.all()).find((c) => c.id === id)
    if (!found) throw new NotFoundError('collection', id)
    return found
  }

  /** Every collection with its books that are in the catalog, in their order, for the home page; empty ones are left out. */
  async shelves(): Promise<Array<{ collection: Collection; books: BookSummary[] }>> {
    const all = await this.all()
    const summaries = new Map((await repo.findSummaries(this.deps.db, [...new Set(all.flatMap((c) => c.isbns))])).map((b) => [b.isbn13 as string, b]))
    return all.map((collection) => ({ collection, books: collection.isbns.flatMap((i) => summaries.get(i) ?? []) })).filter((s) => s.books.length > 0)
  }

  async create(draft: CollectionDraft, context: EditContext): Promise<Collection> {
    return this.write(async (unit) => {
      const collection: Collection = { ...draft, isbns: await this.checkIsbns(unit, draft.isbns), id: randomBytes(5).toString('hex'), position: await collectionRepo.nextPosition(unit.db), updatedAt: new Date().toISOString() }
      await collectionRepo.writeCollection(unit.db, collection)
      await this.record(unit, context, { recordType: 'collection', recordId: collection.id, action: 'create', fields: fieldsOf(undefined, collection) }, collection.isbns)
      return collection
    })
  }

  async update(id: string, draft: CollectionDraft, context: EditContext): Promise<void> {
    await this.write(async (unit) => {
      const before = (await collectionRepo.allCollections(unit.db)).find((c) => c.id === id)
      if (!before) throw new NotFoundError('collection', id)
      const after: Collection = { ...before, ...draft, isbns: await this.checkIsbns(unit, draft.isbns), updatedAt: new Date().toISOString() }
      const fields = fieldsOf(before, after)
      if (!fields.length) return
      await collectionRepo.writeCollection(unit.db, after)
      await this.record(unit, context, { recordType: 'collection', recordId: id, action: 'edit', fields }, [...before.isbns, ...after.isbns])
    })
  }

  async remove(id: string, context: EditContext): Promise<void> {
    await this.write(async (unit) => {
      const before = (await collectionRepo.allCollections(unit.db)).find((c) => c.id === id)
      if (!before) throw new NotFoundError('collection', id)
      await collectionRepo.deleteCollection(unit.db, id)
      await this.record(unit, context, { recordType: 'collection', recordId: id, action: 'delete', fields: fieldsOf(before, undefined) }, before.isbns)
    })
  }

  /** The ISBNs as ISBN-13, once each, in order; a malformed or unknown one is refused, naming it. */
  private async checkIsbns(unit: UnitOfWork, given: string[]): Promise<string[]> {
    const isbns = [...new Set(given.map((raw) => {
      try {
        return parseIsbn(raw) as string
      } catch {
        throw new InputError('isbns', `"${raw}" is not an ISBN`, { code: 'not_isbn', params: { isbn: raw } })
      }
    }))]
    if (isbns.length > COLLECTION_BOOKS) throw new InputError('isbns', `at most ${COLLECTION_BOOKS} books`, { code: 'too_many', params: { max: COLLECTION_BOOKS } })
    const known = new Set((await repo.findSummaries(unit.db, isbns)).map((b) => b.isbn13 as string))
    const unknown = isbns.find((i) => !known.has(i))
    if (unknown) throw new InputError('isbns', `no book ${unknown} in the catalog`, { code: 'unknown_book', params: { isbn: unknown } })
    return isbns
  }

  private write<T>(work: (unit: UnitOfWork) => Promise<T>): Promise<T> {
    return transactor(this.deps.db)(work)
  }

  /**
   * The audit entry, and the change log naming the books the collection
   * showed or shows: every process drops the pages showing them, the home
   * page among them (a listing page), once this commits.
   */
  private async record(unit: UnitOfWork, context: EditContext, change: RecordChange, isbns: string[]): Promise<void> {
    await this.deps.onRecordChanges?.(unit, [change], context)
    const shown = [...new Set(isbns)]
    await changeLog.recordChanges(unit.db, shown.length ? shown : 'all')
    unit.afterCommit(() => this.deps.changed(shown))
  }
}

const FIELDS = ['title', 'blurb', 'isbns'] as const

function fieldsOf(before: CollectionDraft | undefined, after: CollectionDraft | undefined): RecordChange['fields'] {
  return FIELDS.flatMap((f) => {
    const [b, a] = [before?.[f] ?? null, after?.[f] ?? null]
    return JSON.stringify(b) === JSON.stringify(a) ? [] : [{ field: f, before: b, after: a }]
  })
}

import { InputError, NotFoundError } from '../core/errors'
import { transactor, type Database, type Kysely, type Transaction, type UnitOfWork } from '../store'
import { bookChanges, type BookChangeListener, type EditContext } from './book-changes'
import { CategoryTree } from './categories'
import { checkMerge, checkNames, checkParent, checkSlug, emptinessError, nextSortOrder, slugFor, type CategoryDraft } from './category-edit'
import { bookToInput } from './merge'
import * as repo from './repo'
import * as categoryRepo from './repo/categories'
import * as changeLog from './repo/change-log'
import type { BookInput } from './schema'
import { parseScheme, parseSubjectCode } from './subject-codes'
import type { Category, SubjectMapping } from './types'

/** One audited write to a record other than a book: its fields before and after. */
export interface RecordChange {
  recordType: 'category' | 'subject_mapping' | 'collection'
  recordId: string
  action: 'create' | 'edit' | 'move' | 'merge' | 'delete'
  fields: Array<{ field: string; before: unknown; after: unknown }>
}

/** Hears every category and subject-table write inside its transaction (the audit log); a throw rolls the write back. */
export type RecordChangeListener = (unit: UnitOfWork, changes: RecordChange[], context: EditContext) => Promise<void>

export interface CategoryAdminDeps {
  db: Kysely<Database>
  /** Rewrites the search rows of books (their shelves and category words): the catalog's indexers. */
  reindex: (trx: Transaction<Database>, books: BookInput[]) => Promise<void>
  onBookChanges?: BookChangeListener
  onRecordChanges?: RecordChangeListener
  /** Told after a committed change of the tree: drops the cached tree and every cached page. */
  treeChanged: () => void
}

/** What the back office shows of the tree: the categories, and what each holds. */
export interface CategoryOverview {
  tree: CategoryTree
  /** Books filed directly under each category. */
  books: Map<string, number>
  mappings: SubjectMapping[]
}

/** Books per transaction step when a tree change rewrites their rows. */
const BATCH = 500

/**
 * Staff edits of the category tree and of the subject-code table. Each is
 * one transaction that also writes its audit entries, reads the tree inside
 * it (another process may have changed it), and rewrites the search rows of
 * every book whose shelves or category words change: a book sits on its
 * category's shelf and every ancestor's, and is found by their names.
 */
export class CategoryAdmin {
  constructor(private readonly deps: CategoryAdminDeps) {}

  async overview(): Promise<CategoryOverview> {
    const { db } = this.deps
    const [categories, books, mappings] = await Promise.all([repo.allCategories(db), categoryRepo.bookCounts(db), categoryRepo.subjectMappings(db)])
    return { tree: new CategoryTree(categories), books, mappings }
  }

  async add(draft: CategoryDraft, context: EditContext): Promise<Category> {
    return this.treeWrite(async (unit, tree) => {
      const name = checkNames(draft.name)
      const id = draft.id ? checkSlug(draft.id, tree) : slugFor(name.en, tree)
      checkParent(tree, undefined, draft.parentId)
      const category: Category = { id, parentId: draft.parentId, name, sortOrder: nextSortOrder(tree, draft.parentId) }
      await categoryRepo.insertCategory(unit.db, category)
      await this.record(unit, context, [{ recordType: 'category', recordId: id, action: 'create', fields: [field('name', null, name), field('parentId', null, draft.parentId)] }])
      return category
    })
  }

  async rename(id: string, names: Category['name'], context: EditContext): Promise<void> {
    await this.treeWrite(async (unit, tree) => {
      const before = existing(tree, id).name
      const name = checkNames(names)
      if (name.ko === before.ko && name.en === before.en) return
      await categoryRepo.setNames(unit.db, id, name)
      await this.reindexFiledIn(unit.db, tree.subtreeIds(id))
      await this.record(unit, context, [{ recordType: 'category', recordId: id, action: 'edit', fields: [field('name', before, name)] }])
    })
  }

  /** Puts the category (with everything below it) under `parentId`, or at the top with null; refuses a cycle. */
  async move(id: string, parentId: string | null, context: EditContext): Promise<void> {
    await this.treeWrite(async (unit, tree) => {
      const before = existing(tree, id).parentId
      checkParent(tree, id, parentId)
      if (before === parentId) return
      await categoryRepo.setParent(unit.db, id, parentId, nextSortOrder(tree, parentId))
      await this.reindexFiledIn(unit.db, tree.subtreeIds(id))
      await this.record(unit, context, [{ recordType: 'category', recordId: id, action: 'move', fields: [field('parentId', before, parentId)] }])
    })
  }

  /**
   * Merges `from` into `into`: its books are filed under `into` instead, its
   * children move under `into`, its subject rows point at `into`, and `from`
   * is removed. Each book's category change is recorded as an edit of that
   * book (its history then says why its categories changed, and the change
   * can be put back from there, as a bulk edit's can); both categories get
   * an entry with the counts, so the tree's history reads whole too.
   */
  async merge(from: string, into: string, context: EditContext): Promise<{ books: number; children: number; mappings: number }> {
    return this.treeWrite(async (unit, tree) => {
      existing(tree, from)
      checkMerge(tree, from, into)
      const moved = await categoryRepo.isbnsFiledIn(unit.db, [from])
      const below = await categoryRepo.isbnsFiledIn(unit.db, tree.subtreeIds(from))
      for (let i = 0; i < moved.length; i += BATCH) await this.refile(unit, moved.slice(i, i + BATCH), from, into, context)
      const children = await categoryRepo.moveChildren(unit.db, from, into)
      const mappings = await categoryRepo.repointSubjectMappings(unit.db, from, into)
      await categoryRepo.deleteCategory(unit.db, from)
      await this.reindex(unit.db, below)
      const counts = { books: moved.length, children, mappings }
      await this.record(unit, context, [
        { recordType: 'category', recordId: from, action: 'merge', fields: [field('mergedInto', null, into), ...countFields(counts, 0)] },
        { recordType: 'category', recordId: into, action: 'merge', fields: [field('mergedFrom', null, from), ...countFields(counts, 'added')] },
      ])
      return counts
    })
  }

  /** Deletes a category that holds no books, no children and no subject rows; otherwise says which it still has. */
  async remove(id: string, context: EditContext): Promise<void> {
    await this.treeWrite(async (unit, tree) => {
      const category = existing(tree, id)
      const counts = { books: await categoryRepo.countBooksIn(unit.db, id), children: category.children.length, mappings: (await categoryRepo.subjectMappings(unit.db, { categoryId: id })).length }
      const refusal = emptinessError(id, counts)
      if (refusal) throw refusal
      await categoryRepo.deleteCategory(unit.db, id)
      await this.record(unit, context, [{ recordType: 'category', recordId: id, action: 'delete', fields: [field('name', category.name, null), field('parentId', category.parentId, null)] }])
    })
  }

  /** The subject-code table, narrowed by scheme and by a code prefix or a category id's part. */
  async mappings(filter: { scheme?: string; text?: string } = {}): Promise<SubjectMapping[]> {
    return categoryRepo.subjectMappings(this.deps.db, { scheme: filter.scheme ? parseScheme(filter.scheme) : undefined, text: filter.text?.trim() || undefined })
  }

  async addMapping(given: SubjectMapping, context: EditContext): Promise<SubjectMapping> {
    return this.mappingWrite(async (unit, tree) => {
      const scheme = parseScheme(given.scheme)
      const mapping = { scheme, code: parseSubjectCode(scheme, given.code), categoryId: knownCategory(tree, given.categoryId) }
      if (await categoryRepo.subjectMapping(unit.db, scheme, mapping.code)) throw new InputError('code', `${scheme} ${mapping.code} is mapped already`, { code: 'subject_code_taken', params: { scheme: scheme.toUpperCase(), code: mapping.code } })
      await categoryRepo.insertSubjectMapping(unit.db, mapping)
      await this.record(unit, context, [{ recordType: 'subject_mapping', recordId: `${scheme}:${mapping.code}`, action: 'create', fields: [field('categoryId', null, mapping.categoryId)] }])
      return mapping
    })
  }

  /** Files a mapped code under another category; an unknown row is not found. */
  async editMapping(given: SubjectMapping, context: EditContext): Promise<void> {
    await this.mappingWrite(async (unit, tree) => {
      const before = await storedMapping(unit.db, given)
      const categoryId = knownCategory(tree, given.categoryId)
      if (before.categoryId === categoryId) return
      await categoryRepo.setSubjectMappingCategory(unit.db, before.scheme, before.code, categoryId)
      await this.record(unit, context, [{ recordType: 'subject_mapping', recordId: `${before.scheme}:${before.code}`, action: 'edit', fields: [field('categoryId', before.categoryId, categoryId)] }])
    })
  }

  async removeMapping(given: Pick<SubjectMapping, 'scheme' | 'code'>, context: EditContext): Promise<void> {
    await this.mappingWrite(async (unit) => {
      const before = await storedMapping(unit.db, given)
      await categoryRepo.deleteSubjectMapping(unit.db, before.scheme, before.code)
      await this.record(unit, context, [{ recordType: 'subject_mapping', recordId: `${before.scheme}:${before.code}`, action: 'delete', fields: [field('categoryId', before.categoryId, null)] }])
    })
  }

  /** A tree write: the tree as stored now, one transaction, every page and cached tree dropped once it commits. */
  private async treeWrite<T>(work: (unit: UnitOfWork, tree: CategoryTree) => Promise<T>): Promise<T> {
    return transactor(this.deps.db)(async (unit) => {
      const result = await work(unit, new CategoryTree(await repo.allCategories(unit.db)))
      await changeLog.recordChanges(unit.db, 'all')
      unit.afterCommit(this.deps.treeChanged)
      return result
    })
  }

  /** The subject table is read by imports only: no page shows it, so nothing cached goes stale. */
  private async mappingWrite<T>(work: (unit: UnitOfWork, tree: CategoryTree) => Promise<T>): Promise<T> {
    return transactor(this.deps.db)(async (unit) => work(unit, new CategoryTree(await repo.allCategories(unit.db))))
  }

  /** Files these books under `into` instead of `from`, recording each book's change. */
  private async refile(unit: UnitOfWork, isbns: string[], from: string, into: string, context: EditContext): Promise<void> {
    const stored = (await repo.findBooks(unit.db, isbns)).map(bookToInput)
    const written = stored.map((b) => ({ ...b, categoryIds: [...new Set(b.categoryIds.map((c) => (c === from ? into : c)))].sort() }))
    await repo.upsertBooks(unit.db, written)
    await this.deps.onBookChanges?.(unit, bookChanges(new Map(stored.map((b) => [b.isbn13, b])), written), { ...context, action: 'bulk' })
  }

  private async reindexFiledIn(trx: Transaction<Database>, categoryIds: string[]): Promise<void> {
    await this.reindex(trx, await categoryRepo.isbnsFiledIn(trx, categoryIds))
  }

  private async reindex(trx: Transaction<Database>, isbns: string[]): Promise<void> {
    for (let i = 0; i < isbns.length; i += BATCH) await this.deps.reindex(trx, (await repo.findBooks(trx, isbns.slice(i, i + BATCH))).map(bookToInput))
  }

  private async record(unit: UnitOfWork, context: EditContext, changes: RecordChange[]): Promise<void> {
    await this.deps.onRecordChanges?.(unit, changes, context)
  }
}

const field = (name: string, before: unknown, after: unknown) => ({ field: name, before, after })

/** A merge's counts as fields: what `from` lost (to 0), or what `into` gained. */
const countFields = (counts: Record<string, number>, after: 0 | 'added') =>
  Object.entries(counts).map(([what, n]) => (after === 0 ? field(what, n, 0) : field(`${what}Added`, null, n)))

function existing(tree: CategoryTree, id: string) {
  const category = tree.get(id)
  if (!category) throw new NotFoundError('category', id)
  return category
}

function knownCategory(tree: CategoryTree, id: string): string {
  if (!tree.get(id)) throw new InputError('categoryId', `no category ${id}`, { code: 'unknown_category', params: { ids: id } })
  return id
}

async function storedMapping(db: Transaction<Database>, given: Pick<SubjectMapping, 'scheme' | 'code'>): Promise<SubjectMapping> {
  const scheme = given.scheme.trim().toLowerCase()
  const code = given.code.toUpperCase().replace(/\s+/g, '')
  const found = await categoryRepo.subjectMapping(db, scheme, code)
  if (!found) throw new NotFoundError('subject mapping', `${scheme}:${code}`)
  return found
}

import { InputError, NotFoundError } from '../core/errors'
import { transactor, type Database, type Kysely, type UnitOfWork } from '../store'
import { changedFields, type BookChange, type BookChangeListener, type EditContext, type FieldChange } from './book-changes'
import { duplicateKey } from './duplicate-key'
import type { BookEdit, RejectedEdit } from './edit'
import type { Isbn13 } from './isbn'
import { bookToInput } from './merge'
import { findBooks } from './repo'
import * as repo from './repo/duplicates'
import type { BookInput } from './schema'

export type { DuplicateMember } from './repo/duplicates'

/**
 * Books sharing one key (duplicate-key.ts). 'duplicates' when two of them
 * still open share a format (two records of one paperback), 'editions' when
 * every open pair differs in format (a paperback and its e-book).
 */
export interface DuplicateGroup {
  key: string
  kind: 'duplicates' | 'editions'
  members: repo.DuplicateMember[]
}

export interface DuplicatePage {
  groups: DuplicateGroup[]
  /** The cursor of the next page; absent on the last. */
  next?: string
  /** Books older than the key column not yet keyed: their groups appear as they are. */
  unkeyed: number
}

export interface MergeResult {
  kept: Isbn13
  merged: Isbn13[]
  /** The kept book's fields that changed (filled in, categories joined, stock added). */
  filled: string[]
}

/** What the duplicates screen needs of the catalog service, which owns the write path. */
export interface DuplicateDeps {
  db: Kysely<Database>
  planEdits(edits: BookEdit[]): Promise<{ books: BookInput[]; rejected: RejectedEdit[] }>
  /** Writes books (search index, change log) with `alongside` in the same transaction; listeners hear after commit. */
  write(books: BookInput[], alongside: (unit: UnitOfWork) => Promise<void>): Promise<void>
  /** Records in the unit that these books changed; listeners hear once it commits. */
  changed(unit: UnitOfWork, isbns: string[]): Promise<void>
  /** Takes books out of whatever lists the catalog (the search index), in the unit. */
  unlist(unit: UnitOfWork, isbns: Isbn13[]): Promise<void>
  record?: BookChangeListener
}

/** Groups looked at per query while filling a page; groups all of whose pairs are settled are skipped. */
const KEYS_PER_READ = 100
const READS_PER_PAGE = 20
/** Books keyed per batch, and the time a page view spends keying older books before it answers (the rest go on in the background). */
const KEYING_BATCH = 1000
const KEYING_BUDGET_MS = 1000

/** Fields the kept book takes from a merged one when it has none. */
const FILLED = ['subtitle', 'originalTitle', 'publisher', 'imprint', 'issuedOn', 'language', 'series', 'seriesNumber', 'pageCount', 'weightG', 'dimensions', 'descriptionHeadline', 'descriptionHtml', 'reviewHtml', 'authorBioHtml', 'excerptsHtml', 'coverUrl'] as const

/** `kept` with what it lacks taken from `merged`: their categories joined, their stock added. */
export function absorb(kept: BookInput, merged: BookInput): BookInput {
  const next: Record<string, unknown> = { ...kept }
  for (const field of FILLED) if (kept[field] == null && merged[field] != null) next[field] = merged[field]
  // A price comes whole, with its currency: a sale price alone, or in another currency, would mean nothing.
  const price = kept.listPrice == null && merged.listPrice != null ? { currency: merged.currency, listPrice: merged.listPrice, salePrice: merged.salePrice } : {}
  return {
    ...(next as unknown as BookInput),
    ...price,
    translations: { ...merged.translations, ...kept.translations },
    contributors: kept.contributors.length ? kept.contributors : merged.contributors,
    toc: kept.toc.length ? kept.toc : merged.toc,
    categoryIds: [...new Set([...kept.categoryIds, ...merged.categoryIds])],
    // A count plus an uncounted book is still the copies counted; two uncounted books stay uncounted.
    stock: kept.stock === null && merged.stock === null ? null : (kept.stock ?? 0) + (merged.stock ?? 0),
  }
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`)

/** Whether two books still wait for a decision: not dismissed, not editions of one work already. */
const isOpen = (a: repo.DuplicateMember, b: repo.DuplicateMember, dismissed: Set<string>) => !dismissed.has(pairKey(a.isbn13, b.isbn13)) && !(a.workId && a.workId === b.workId)

function groupOf(key: string, members: repo.DuplicateMember[], dismissed: Set<string>): DuplicateGroup | undefined {
  let hasOpen = false
  let hasSameFormat = false
  members.forEach((a, i) =>
    members.slice(i + 1).forEach((b) => {
      if (!isOpen(a, b, dismissed)) return
      hasOpen = true
      if (a.format === b.format) hasSameFormat = true
    }),
  )
  return hasOpen ? { key, kind: hasSameFormat ? 'duplicates' : 'editions', members } : undefined
}

/** ISBNs given once each, at least two. */
function distinct(isbns: Isbn13[]): Isbn13[] {
  const unique = [...new Set(isbns)]
  if (unique.length < 2) throw new InputError('isbn', 'expected at least two different books', { code: 'too_few_books' })
  return unique
}

/**
 * Likely duplicates (the same normalised title and first author under two
 * ISBNs) and what staff decide about them: merge one record into another,
 * link them as editions of one work, or say they are not duplicates. Every
 * decision is one transaction with its audit entries; merging keeps both
 * books' rows and histories.
 */
export class Duplicates {
  private readonly now = () => new Date().toISOString()
  /** Older books being keyed in the background, while they are. */
  private keying: Promise<void> | undefined

  constructor(private readonly deps: DuplicateDeps) {}

  /** A page of groups still waiting for a decision, in key order after `after`. */
  async groups(after = '', pageSize = 20): Promise<DuplicatePage> {
    const unkeyed = await this.keyOlderBooks()
    const groups: DuplicateGroup[] = []
    let cursor = after
    for (let read = 0; read < READS_PER_PAGE && groups.length < pageSize; read++) {
      const keys = await repo.sharedKeysAfter(this.deps.db, cursor, KEYS_PER_READ)
      if (keys.length === 0) return { groups, unkeyed }
      const books = await repo.booksWithKeys(this.deps.db, keys)
      const isbns = books.map((b) => b.isbn13)
      const [merged, dismissed] = await Promise.all([repo.redirectsFrom(this.deps.db, isbns), repo.dismissedPairs(this.deps.db, isbns)])
      for (const key of keys) {
        const group = groupOf(key, books.filter((b) => b.key === key && !merged.has(b.isbn13)).map(({ key: _key, ...member }) => member), dismissed)
        cursor = key
        if (group) groups.push(group)
        if (groups.length === pageSize) break
      }
      // The last of the keys there are: nothing after this page.
      if (keys.length < KEYS_PER_READ && cursor === keys.at(-1)) return { groups, unkeyed }
    }
    return { groups, next: cursor, unkeyed }
  }

  /**
   * Keys books written before the key column existed (new writes key
   * themselves): for up to a second within the request, then, if some are
   * left, on in the background in this process until none are. Returns how
   * many are left now.
   */
  private async keyOlderBooks(): Promise<number> {
    if (this.keying) return repo.countUnkeyed(this.deps.db)
    if (await this.keyBatches(Date.now() + KEYING_BUDGET_MS)) return 0
    // A failure in the background only stops it: the next visit starts again, and fails in its request if it must.
    this.keying = this.keyBatches(Infinity).then(
      () => undefined,
      () => undefined,
    )
    void this.keying.finally(() => (this.keying = undefined))
    return repo.countUnkeyed(this.deps.db)
  }

  /** Keys older books a batch per transaction until `until`; true when none are left. */
  private async keyBatches(until: number): Promise<boolean> {
    while (Date.now() < until) {
      const books = await repo.unkeyedBooks(this.deps.db, KEYING_BATCH)
      if (books.length === 0) return true
      await this.deps.db.transaction().execute((trx) => repo.setKeys(trx, books.map((b) => ({ isbn13: b.isbn13, key: duplicateKey(b.title, b.contributors) ?? '' }))))
      if (books.length < KEYING_BATCH) return true
    }
    return false
  }

  /**
   * Merges books into `keep`: it takes what it lacks from them (cover,
   * description, contents, price…), the union of their categories and the
   * sum of their stock; they leave sale and the search index, their pages
   * redirect to it, and their rows stay for their history and the orders
   * that name them. Editions linked to a merged book become the kept one's.
   */
  async merge(keep: Isbn13, given: Isbn13[], context: EditContext): Promise<MergeResult> {
    const merged = [...new Set(given)].filter((isbn) => isbn !== keep)
    if (merged.length === 0) throw new InputError('merge', 'expected a book to merge other than the one kept', { code: 'too_few_books' })
    const all = [keep, ...merged]
    await this.mustBeListed(all)
    const books = new Map((await findBooks(this.deps.db, all)).map((b) => [b.isbn13 as string, bookToInput(b)]))
    const kept = merged.reduce((book, isbn) => absorb(book, books.get(isbn)!), books.get(keep)!)
    const edits: BookEdit[] = [{ isbn13: keep, fields: kept, mustExist: true }, ...merged.map((isbn13) => ({ isbn13, fields: { onSale: false, stock: 0 }, mustExist: true }))]
    const plan = await this.deps.planEdits(edits)
    if (plan.rejected.length) throw new InputError('merge', `the merged record of ${keep} is not valid: ${Object.keys(plan.rejected[0]!.errors).join(', ')}`, { code: 'invalid' })
    const written = new Map(plan.books.map((b) => [b.isbn13 as string, b]))
    const changes = new Map<string, FieldChange[]>(all.map((isbn) => [isbn, changedFields(books.get(isbn)!, written.get(isbn) ?? books.get(isbn)!)]))
    const filled = changes.get(keep)!.map((c) => c.field)
    changes.get(keep)!.push({ field: 'mergedFrom', before: null, after: merged })
    for (const isbn of merged) changes.get(isbn)!.push({ field: 'mergedInto', before: null, after: keep })
    await this.deps.write(plan.books, async (unit) => {
      await repo.addRedirects(unit.db, merged, keep, this.now(), context.actor)
      const works = await repo.worksOf(unit.db, all)
      if (merged.some((isbn) => works.get(isbn))) await this.joinWorks(unit, [keep, ...merged.filter((isbn) => works.get(isbn))], changes)
      await this.deps.unlist(unit, merged)
      await this.deps.changed(unit, [...changes.keys()])
      await this.tell(unit, changes, { ...context, action: 'merge' })
    })
    return { kept: keep, merged, filled }
  }

  /** Links books as editions of one work (with the editions each is linked to already); returns the work's books. */
  async link(given: Isbn13[], context: EditContext): Promise<{ workId: string; isbns: string[] }> {
    const isbns = distinct(given)
    await this.mustBeListed(isbns)
    return transactor(this.deps.db)(async (unit) => {
      const changes = new Map<string, FieldChange[]>()
      const result = await this.joinWorks(unit, isbns, changes)
      await this.deps.changed(unit, [...changes.keys()])
      await this.tell(unit, changes, { ...context, action: 'link' })
      return result
    })
  }

  /** Records that no two of these books are duplicates: their group leaves the list for good. */
  async dismiss(given: Isbn13[], context: EditContext): Promise<void> {
    const isbns = distinct(given)
    await this.mustBeListed(isbns)
    const pairs = isbns.flatMap((a, i) => isbns.slice(i + 1).map((b): [string, string] => (a < b ? [a, b] : [b, a])))
    await transactor(this.deps.db)(async (unit) => {
      await repo.addDismissals(unit.db, pairs, this.now(), context.actor)
      const changes = new Map(isbns.map((isbn): [string, FieldChange[]] => [isbn, [{ field: 'notDuplicateOf', before: null, after: isbns.filter((o) => o !== isbn) }]]))
      await this.tell(unit, changes, { ...context, action: 'dismiss' })
    })
  }

  /** The other editions of a book's work, for its page. */
  async editionsOf(isbn13: Isbn13, workId?: string | null): Promise<string[]> {
    // A book read with its work already says whether it has one: most books have none, and then there is nothing to ask.
    if (workId === null) return []
    return repo.otherEditions(this.deps.db, isbn13)
  }

  /** The book a merged-away ISBN went into, if it was merged. */
  async mergedInto(isbn13: Isbn13): Promise<Isbn13 | undefined> {
    return (await repo.redirectsFrom(this.deps.db, [isbn13])).get(isbn13) as Isbn13 | undefined
  }

  /** Every one of the books exists and was not merged away; else NotFoundError or InputError. */
  private async mustBeListed(isbns: Isbn13[]): Promise<void> {
    const works = await repo.worksOf(this.deps.db, isbns)
    const missing = isbns.find((isbn) => !works.has(isbn))
    if (missing) throw new NotFoundError('book', missing)
    const gone = [...(await repo.redirectsFrom(this.deps.db, isbns)).keys()]
    if (gone.length) throw new InputError('isbn', `${gone.join(', ')} was merged into another book already`, { code: 'already_merged', params: { isbns: gone.join(', ') } })
  }

  /**
   * Puts the books, and every edition already linked to any of them, in one
   * work: the first work among them in the order given, else a new one named
   * by the first book. Each book whose work changes gets a 'work' change.
   */
  private async joinWorks(unit: UnitOfWork, isbns: string[], changes: Map<string, FieldChange[]>): Promise<{ workId: string; isbns: string[] }> {
    const works = await repo.worksOf(unit.db, isbns)
    const workId = isbns.map((isbn) => works.get(isbn)).find(Boolean) ?? isbns[0]!
    const linked = await repo.booksOfWorks(unit.db, [...new Set([...works.values()].filter((w): w is string => !!w))])
    const members = new Map<string, string | null>([...isbns.map((isbn): [string, string | null] => [isbn, works.get(isbn) ?? null]), ...linked.map((b): [string, string] => [b.isbn13, b.workId])])
    const moving = [...members].filter(([, before]) => before !== workId)
    await repo.setWork(unit.db, moving.map(([isbn]) => isbn), workId)
    for (const [isbn, before] of moving) changes.set(isbn, [...(changes.get(isbn) ?? []), { field: 'work', before, after: workId }])
    return { workId, isbns: [...members.keys()] }
  }

  /** Hands each book's changes to whoever records the catalog's changes (the audit log). */
  private async tell(unit: UnitOfWork, changes: Map<string, FieldChange[]>, context: EditContext): Promise<void> {
    const list: BookChange[] = [...changes].filter(([, fields]) => fields.length).map(([isbn13, fields]) => ({ isbn13: isbn13 as Isbn13, change: 'updated', fields }))
    await this.deps.record?.(unit, list, context)
  }
}

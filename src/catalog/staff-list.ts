import { InputError } from '../core/errors'
import type { Database, Kysely } from '../store'
import type { EditContext } from './book-changes'
import type { CategoryTree } from './categories'
import type { AppliedEdit, BookEdit, RejectedEdit } from './edit'
import { compactIsbn, parseIsbn, type Isbn13 } from './isbn'
import { priceLawError } from './price-law'
import * as repo from './repo'
import * as list from './repo/staff-list'
import type { Book } from './types'
import type { BulkAction, BulkResult, BulkSelection, StaffListFilter, StaffListPage, StaffListQuery } from './staff-list-types'

/** Past this many matches the count says "10000+". */
export const COUNT_CAP = 10_000
/** The most books one bulk action touches: a wider filter is refused, not cut short. */
export const BULK_LIMIT = 10_000
const BULK_BATCH = 500

type Key = { isbn13: string; key: string | number }

/** What the list needs of the catalog: its category tree (a filter widens to a subtree). */
export interface StaffListDeps {
  db: Kysely<Database>
  categories(): Promise<CategoryTree>
}

/**
 * Reads the search box: an ISBN in any form finds that book; 3 to 12 digits
 * find ISBNs starting so; anything else is the start of a title or of a
 * contributor's name. Prefixes, not words: each is one range on an index, so
 * it costs the same at a million books on both engines, and staff look a book
 * up by what they hold (its ISBN, title or author), not by a word inside it.
 */
export function readText(raw: string): StaffListFilter['text'] {
  const text = raw.trim()
  if (!text) return undefined
  const compact = compactIsbn(text)
  if (/^\d{9}[\dX]$|^\d{13}$/.test(compact)) {
    try {
      return { kind: 'isbn', value: parseIsbn(compact) }
    } catch {
      // A mistyped ISBN still finds the books it starts like.
    }
  }
  if (/^\d{3,13}$/.test(compact)) return { kind: 'isbnPrefix', value: compact }
  return { kind: 'prefix', value: text }
}

async function toFilter(deps: StaffListDeps, query: StaffListQuery): Promise<StaffListFilter> {
  const categoryIds = query.category ? (await deps.categories()).subtreeIds(query.category) : undefined
  return {
    text: readText(query.text ?? ''),
    missing: query.missing,
    offSale: query.offSale,
    stockAtMost: query.stockAtMost,
    priceLaw: query.priceLaw,
    importRun: query.importRun,
    categoryIds,
  }
}

/** A cursor that starts the page after `at`, numbered page + 1 (the bench makes deep ones). */
export const encodeCursor = (page: number, at: Key) => Buffer.from(JSON.stringify([page, at.key, at.isbn13])).toString('base64url')

function decodeCursor(cursor: string): { page: number; at: Key } {
  try {
    const [page, key, isbn13] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown, unknown]
    if (Number.isInteger(page) && (typeof key === 'string' || typeof key === 'number') && typeof isbn13 === 'string') return { page: page as number, at: { key, isbn13 } }
  } catch {
    // Reported below, as every unreadable cursor is.
  }
  throw new InputError('cursor', 'is not a cursor this list gave out; start again from the first page', { code: 'invalid' })
}

/**
 * One page of the back office's books list. The count (capped) decides how:
 * a few matches are fetched from the filter's own index and sorted; many are
 * walked along the sort's index, where the page fills in a few steps. Either
 * way a page after a cursor is a seek, not an offset: page 5,000 costs what
 * page 1 does.
 */
export async function staffList(deps: StaffListDeps, query: StaffListQuery): Promise<StaffListPage> {
  const { sort = 'title', isDescending = false, pageSize = 50 } = query
  const from = query.cursor ? decodeCursor(query.cursor) : null
  const plan = await list.planList(deps.db, await toFilter(deps, query), COUNT_CAP + 1)
  const keys = await list.pageKeys(deps.db, plan, { sort, isDescending }, from?.at ?? null, pageSize + 1)
  const page = (from?.page ?? 0) + 1
  const shown = keys.slice(0, pageSize)
  return {
    rows: await list.staffRows(deps.db, shown.map((k) => k.isbn13)),
    total: plan.total > COUNT_CAP ? '10000+' : plan.total,
    page,
    pageSize,
    next: keys.length > pageSize ? encodeCursor(page, shown.at(-1)!) : null,
  }
}

/** Every book the filter matches, in ISBN order, a page at a time (exports): no cap, bounded memory. */
export async function* staffListIsbns(deps: StaffListDeps, query: StaffListQuery, pageSize = 500): AsyncGenerator<string[]> {
  const plan = await list.planList(deps.db, await toFilter(deps, query), COUNT_CAP + 1)
  for (let after: Key | null = null; ; ) {
    const keys = await list.pageKeys(deps.db, plan, { sort: 'isbn', isDescending: false }, after, pageSize)
    if (keys.length) yield keys.map((k) => k.isbn13)
    if (keys.length < pageSize) return
    after = keys.at(-1)!
  }
}

/** The whole books the filter matches, in ISBN order (the CSV export streams them). */
export async function* staffListBooks(deps: StaffListDeps, query: StaffListQuery): AsyncGenerator<Book> {
  for await (const isbns of staffListIsbns(deps, query)) {
    const byIsbn = new Map((await repo.findBooks(deps.db, isbns)).map((b) => [b.isbn13 as string, b]))
    for (const isbn of isbns) {
      const book = byIsbn.get(isbn)
      if (book) yield book
    }
  }
}

/** What a bulk action needs of the catalog: its edit path (validated, audited, pages dropped) and its rules. */
export interface BulkDeps extends StaffListDeps {
  editBooks(edits: BookEdit[], context: EditContext): Promise<{ applied: AppliedEdit[]; rejected: RejectedEdit[] }>
  isPriceLawOn: boolean
}

async function selectedIsbns(deps: StaffListDeps, selection: BulkSelection): Promise<{ isbns: Isbn13[]; refused: BulkResult['refused'] }> {
  if ('filter' in selection) {
    const keys = await list.matchingIsbns(deps.db, await toFilter(deps, selection.filter), BULK_LIMIT + 1)
    if (keys.length > BULK_LIMIT) throw new InputError('selection', `matches more than ${BULK_LIMIT} books; narrow the filter`, { code: 'too_many', params: { max: BULK_LIMIT } })
    return { isbns: keys as Isbn13[], refused: [] }
  }
  const isbns = new Set<Isbn13>()
  const refused: BulkResult['refused'] = []
  for (const raw of selection.isbns) {
    try {
      isbns.add(parseIsbn(raw))
    } catch {
      refused.push({ isbn13: raw, field: 'isbn13', error: { code: 'invalid_isbn', params: { value: raw } } })
    }
  }
  if (isbns.size > BULK_LIMIT) throw new InputError('selection', `has more than ${BULK_LIMIT} books`, { code: 'too_many', params: { max: BULK_LIMIT } })
  return { isbns: [...isbns], refused }
}

/**
 * Applies one action to the selected books through the catalog's edit path,
 * a batch of 500 per transaction: each book is validated whole, the audit log
 * hears each change as a bulk one, cached pages of the changed books are
 * dropped. A sale price the price law forbids is refused for that book (it
 * keeps its price), and the rest are applied.
 */
export async function bulkEdit(deps: BulkDeps, action: BulkAction, selection: BulkSelection, context: EditContext): Promise<BulkResult> {
  if (action.kind === 'category' && !(await deps.categories()).get(action.categoryId)) {
    throw new InputError('categoryId', `no category "${action.categoryId}"`, { code: 'unknown_category', params: { ids: action.categoryId } })
  }
  const { isbns, refused } = await selectedIsbns(deps, selection)
  const applied: Isbn13[] = []
  for (let i = 0; i < isbns.length; i += BULK_BATCH) {
    const books = await repo.findBooks(deps.db, isbns.slice(i, i + BULK_BATCH))
    const found = new Set(books.map((b) => b.isbn13 as string))
    for (const isbn13 of isbns.slice(i, i + BULK_BATCH)) if (!found.has(isbn13)) refused.push({ isbn13, field: 'isbn13', error: { code: 'not_in_catalog', params: {} } })
    const edits: BookEdit[] = []
    for (const book of books) {
      const fields = actionFields(action, book.categoryIds)
      const lawError = action.kind === 'salePrice' && deps.isPriceLawOn ? priceLawError({ ...book, salePrice: action.salePrice }) : undefined
      if (lawError) refused.push({ isbn13: book.isbn13, field: 'salePrice', error: lawError })
      else edits.push({ isbn13: book.isbn13, fields, mustExist: true })
    }
    const result = await deps.editBooks(edits, { ...context, via: 'bulk', action: 'bulk' })
    for (const r of result.rejected) {
      const [field, error] = Object.entries(r.errors)[0]!
      refused.push({ isbn13: r.isbn13, field, error })
    }
    applied.push(...result.applied.map((a) => a.isbn13))
  }
  return { applied, refused }
}

function actionFields(action: BulkAction, categoryIds: string[]): BookEdit['fields'] {
  if (action.kind === 'onSale') return { onSale: action.onSale }
  if (action.kind === 'salePrice') return { salePrice: action.salePrice }
  return { categoryIds: action.mode === 'replace' ? [action.categoryId] : [...new Set([...categoryIds, action.categoryId])] }
}

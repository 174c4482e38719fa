import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely'
import type { Database } from '../../store'
import type { StaffBookRow, StaffListFilter, StaffSort } from '../staff-list-types'
import { branchesOf, conditions, matchesOf, matchingIsbnsOf, type Branch } from './staff-list-filter'

type Db = Kysely<Database> | Transaction<Database>

/** A sort's key as stored in its index (migration 2026-12-02T1430): never null, so cursors compare plainly. */
const SORT_KEYS: Record<StaffSort, ReturnType<typeof sql.raw>> = {
  title: sql.raw('title'),
  isbn: sql.raw('isbn13'),
  price: sql.raw('coalesce(sale_price, list_price, -1)'),
  stock: sql.raw('stock'),
  issued: sql.raw("coalesce(issued_on, '')"),
  updated: sql.raw('updated_at'),
}

/** Which sort keys are text (the rest are numbers): an expression hiding one from its index differs by type. */
const SORT_SAMPLE: Record<StaffSort, string | number> = { title: '', isbn: '', price: 0, stock: 0, issued: '', updated: '' }

type Key = { isbn13: string; key: string | number }
type Order = { sort: StaffSort; isDescending: boolean }
const toKey = (r: { isbn13: string; key: string | number }): Key => ({ isbn13: r.isbn13, key: typeof r.key === 'string' ? r.key : Number(r.key) })

/**
 * Up to this many matches of a branch are found from its driver and sorted;
 * more are walked along the sort's index, checking each book. Either costs a
 * row read per book looked at: sorting reads every match, walking about
 * pageSize / share-of-books-matching, so they meet near here (a twentieth of
 * a million-book catalog's worst case either way is some 5,000 reads).
 */
const FEW = 5_000

/** How the list will be read: its branches, each counted up to the cap, and the books they match together. */
export interface ListPlan {
  branches: Branch[]
  counts: number[]
  /** Matches of the whole filter, counted no further than the cap. */
  total: number
}

/** Counts each branch and, when two both match, their union (a book can be in both): bounded work however many match. */
export async function planList(db: Db, filter: StaffListFilter, upTo: number): Promise<ListPlan> {
  const branches = branchesOf(filter)
  const counts: number[] = []
  for (const b of branches) counts.push(await countUpTo(db, b, upTo))
  const matching = counts.filter((n) => n > 0)
  let total = matching.length ? Math.max(...matching) : 0
  if (matching.length > 1 && total < upTo) {
    const union = branches
      .filter((_, i) => counts[i]! > 0)
      .map((b, i) => db.selectFrom(matchingIsbnsOf(db, b).as(`b${i}`)).select(`b${i}.isbn13` as 'isbn13'))
      .reduce((all, q) => all.union(q))
    total = Number((await db.selectFrom(union.as('m')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
  }
  return { branches, counts, total: Math.min(total, upTo) }
}

async function countUpTo(db: Db, b: Branch, upTo: number): Promise<number> {
  const matching = matchingIsbnsOf(db, b).limit(upTo)
  const r = await db.selectFrom(matching.as('m')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(r.n)
}

/**
 * A page of the plan's matches in sort order after `after`: each branch found
 * from its driver and sorted when it matches few, walked along the sort's
 * index when many, then merged. Page 5,000 costs what page 1 does.
 */
export async function pageKeys(db: Db, plan: ListPlan, order: Order, after: Key | null, limit: number): Promise<Key[]> {
  const pages: Key[][] = []
  for (const [i, b] of plan.branches.entries()) {
    const n = plan.counts[i]!
    if (n > 0) pages.push(await (n <= FEW ? sortFew : walkSorted)(db, b, order, after, limit))
  }
  if (pages.length === 1) return pages[0]!
  const merged = [...new Map(pages.flat().map((k) => [k.isbn13, k])).values()].sort(compareKeys(order))
  return merged.slice(0, limit)
}

/** The order the engines give: numbers as numbers, text by its UTF-8 bytes (SQLite's BINARY, PostgreSQL's C collation), the ISBN breaking ties. */
function compareKeys({ sort, isDescending }: Order): (a: Key, b: Key) => number {
  const isText = typeof SORT_SAMPLE[sort] === 'string'
  const byKey = (a: Key, b: Key) => (isText ? Buffer.compare(Buffer.from(String(a.key)), Buffer.from(String(b.key))) : Number(a.key) - Number(b.key))
  return (a, b) => (isDescending ? -1 : 1) * (byKey(a, b) || (a.isbn13 < b.isbn13 ? -1 : a.isbn13 > b.isbn13 ? 1 : 0))
}

/** The ISBNs of matching books, found from each branch's driver, in no order: bulk actions. */
export async function matchingIsbns(db: Db, filter: StaffListFilter, limit: number): Promise<string[]> {
  const isbns = new Set<string>()
  for (const b of branchesOf(filter)) {
    for (const r of await matchingIsbnsOf(db, b).limit(limit).execute()) isbns.add(r.isbn13)
  }
  return [...isbns].slice(0, limit)
}

/**
 * A page of the few books a branch matches: found from its driver and sorted
 * after. The sort key and the cursor are written as expressions no index
 * holds, so neither engine is tempted to walk a sort index instead.
 */
export async function sortFew(db: Db, b: Branch, order: Order, after: Key | null, limit: number): Promise<Key[]> {
  const key = sql`(${SORT_KEYS[order.sort]}) ${sql.raw(typeof SORT_SAMPLE[order.sort] === 'string' ? "|| ''" : '+ 0')}`
  const direction = sql.raw(order.isDescending ? 'desc' : 'asc')
  let query = matchesOf(db, b).select(['book.isbn13', sql<string | number>`${SORT_KEYS[order.sort]}`.as('key')])
  if (after) query = query.where(sql<SqlBool>`(${key}, book.isbn13 || '') ${sql.raw(order.isDescending ? '<' : '>')} (${after.key}, ${after.isbn13})`)
  const rows = await query.orderBy(sql`${key} ${direction}`).orderBy(sql`book.isbn13 || '' ${direction}`).limit(limit).execute()
  return rows.map(toKey)
}

/** A page of a branch's ISBNs walked in sort order along the sort's index, after the cursor's key when given. */
export async function walkSorted(db: Db, b: Branch, order: Order, after: Key | null, limit: number): Promise<Key[]> {
  const key = SORT_KEYS[order.sort]
  const direction = sql.raw(order.isDescending ? 'desc' : 'asc')
  let query = db
    .selectFrom('book')
    .select(['isbn13', sql<string | number>`${key}`.as('key')])
    .where((eb) => eb.and(conditions(eb, b, null, order.sort)))
  if (after) {
    query =
      order.sort === 'isbn'
        ? query.where('isbn13', order.isDescending ? '<' : '>', after.isbn13)
        : query.where(sql<SqlBool>`(${key}, isbn13) ${sql.raw(order.isDescending ? '<' : '>')} (${after.key}, ${after.isbn13})`)
  }
  if (order.sort !== 'isbn') query = query.orderBy(sql`${key} ${direction}`)
  const rows = await query.orderBy(sql`isbn13 ${direction}`).limit(limit).execute()
  return rows.map(toKey)
}

/** What a row of the list shows, for these ISBNs, in the order given. */
export async function staffRows(db: Db, isbns: string[]): Promise<StaffBookRow[]> {
  if (isbns.length === 0) return []
  const rows = await db
    .selectFrom('book')
    .select([
      'isbn13', 'title', 'contributors', 'publisher', 'issued_on', 'currency', 'list_price', 'sale_price', 'stock', 'stock_counted', 'on_sale', 'updated_at',
      'cover_url', 'category_ids',
      sql<number>`CASE WHEN description_html IS NULL THEN 1 ELSE 0 END`.as('no_description'),
      sql<number>`CASE WHEN toc IS NULL THEN 1 ELSE 0 END`.as('no_toc'),
    ])
    .where('isbn13', 'in', isbns)
    .execute()
  const byIsbn = new Map(rows.map((r) => [r.isbn13, r]))
  return isbns.flatMap((isbn) => {
    const r = byIsbn.get(isbn)
    if (!r) return []
    const missing: StaffBookRow['missing'] = []
    if (!r.cover_url) missing.push('cover')
    if (Number(r.no_description)) missing.push('description')
    if (Number(r.no_toc)) missing.push('toc')
    if (r.category_ids === '[]') missing.push('category')
    return [
      {
        isbn13: r.isbn13,
        title: r.title,
        contributors: (JSON.parse(r.contributors) as Array<{ name: string }>).map((c) => c.name),
        publisher: r.publisher,
        issuedOn: r.issued_on,
        currency: r.currency,
        listPrice: r.list_price == null ? null : Number(r.list_price),
        salePrice: r.sale_price == null ? null : Number(r.sale_price),
        stock: r.stock_counted ? r.stock : null,
        onSale: r.on_sale === 1,
        updatedAt: r.updated_at,
        categoryIds: JSON.parse(r.category_ids),
        missing,
      },
    ]
  })
}

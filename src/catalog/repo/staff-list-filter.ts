import { sql, type Expression, type ExpressionBuilder, type Kysely, type SelectQueryBuilder, type SqlBool, type Transaction } from 'kysely'
import type { Database } from '../../store'
import type { StaffListFilter, StaffSort } from '../staff-list-types'

type Db = Kysely<Database> | Transaction<Database>
type Eb = ExpressionBuilder<Database, 'book'>

/** One range the search box stands for. */
type Term = { kind: 'isbn' | 'isbnPrefix' | 'title' | 'contributor'; value: string }

/** One way a book can match: the filter with its text read as a single range on one index. */
export type Branch = Omit<StaffListFilter, 'text'> & { text?: Term }

/**
 * "The start of a title or of a contributor's name" has no one index: it is
 * two branches, each one range on its own index, counted and paged apart and
 * merged. Written as one OR, SQLite collects every match of both before it
 * counts, and a walk along the title index can't start at the prefix.
 */
export function branchesOf(filter: StaffListFilter): Branch[] {
  const { text, ...rest } = filter
  if (!text) return [rest]
  if (text.kind !== 'prefix') return [{ ...rest, text: { kind: text.kind, value: text.value } }]
  return [
    { ...rest, text: { kind: 'title', value: text.value } },
    { ...rest, text: { kind: 'contributor', value: text.value } },
  ]
}

/** The end of a prefix range: every text that starts with the prefix sorts below it. */
const afterPrefix = (prefix: string) => prefix + '\uffff'

/** Where finding a branch's matches starts: a range on one of book's indexes, or a table of the books something names. */
type Driver = 'book' | 'import_run_book' | 'contributor' | 'book_category'

/**
 * The first that applies, rarest first by what the catalog holds (no engine
 * keeps useful statistics on these for SQLite): an ISBN or title range, an
 * import run, a flag's partial index, a contributor's name, stock, a category.
 * The rest are checked on each book the driver finds, the lookups as probes of
 * their (book, …) keys, so no list of a whole category is ever collected.
 */
function driverOf(b: Branch): Driver {
  if (b.text && b.text.kind !== 'contributor') return 'book'
  if (b.importRun != null) return 'import_run_book'
  if (b.missing?.length || b.offSale || b.priceLaw) return 'book'
  if (b.text?.kind === 'contributor') return 'contributor'
  if (b.stockAtMost == null && b.categoryIds) return 'book_category'
  return 'book'
}

const categoryIdsOf = (b: Branch) => (b.categoryIds?.length ? b.categoryIds : [''])

/** The ISBNs the driver names, once each, as `match_isbn13`. */
function lookup(db: Db, driver: Exclude<Driver, 'book'>, b: Branch) {
  if (driver === 'import_run_book') return db.selectFrom('import_run_book').select('isbn13 as match_isbn13').where('run_id', '=', b.importRun!)
  if (driver === 'contributor') {
    const prefix = b.text!.value
    return db.selectFrom('contributor').select('book_isbn13 as match_isbn13').distinct().where('name', '>=', prefix).where('name', '<', afterPrefix(prefix))
  }
  return db.selectFrom('book_category').select('book_isbn13 as match_isbn13').distinct().where('category_id', 'in', categoryIdsOf(b))
}

/** How many filters the branch holds: with one, a lookup table answers a count alone. */
const filtersIn = (b: Branch) =>
  [b.text, b.missing?.length, b.offSale, b.stockAtMost != null, b.priceLaw, b.importRun != null, b.categoryIds].filter(Boolean).length

/** The branch's matching ISBNs, as `isbn13`, read from the driver alone when it is the only filter: counting. */
export function matchingIsbnsOf(db: Db, b: Branch): SelectQueryBuilder<Database, 'book', { isbn13: string }> {
  const driver = driverOf(b)
  if (driver === 'book' || filtersIn(b) > 1) return matchesOf(db, b).select('book.isbn13')
  // Typed as the book query it stands for: callers only limit it or read `isbn13`.
  return db.selectFrom(lookup(db, driver, b).as('d')).select('d.match_isbn13 as isbn13') as unknown as SelectQueryBuilder<Database, 'book', { isbn13: string }>
}

/** The branch's books, found from its driver: for bulk selections and sorting a few. */
export function matchesOf(db: Db, b: Branch): SelectQueryBuilder<Database, 'book', object> {
  const driver = driverOf(b)
  const from =
    driver === 'book'
      ? db.selectFrom('book')
      : // Only book's columns are named past the join (the driver's is `match_isbn13`).
        (db.selectFrom(lookup(db, driver, b).as('d')).innerJoin('book', 'book.isbn13', 'd.match_isbn13') as unknown as SelectQueryBuilder<Database, 'book', object>)
  return from.where((eb) => eb.and(conditions(eb, b, driver)))
}

/**
 * The branch as conditions on each book. `driver` is the one written so its
 * index can be used (or left out, when the join already holds it); every other
 * is written so no index serves it, so neither engine leaves the driver or,
 * on a walk (driver null, `walkedBy` its sort), the sort's index. Measured: SQLite, which keeps no
 * statistics here, walks the sort index for ORDER BY ... LIMIT even beside a
 * partial index, and PostgreSQL weighs both by its statistics.
 */
export function conditions(eb: Eb, b: Branch, driver: Driver | null, walkedBy?: StaffSort): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = []
  const missing = new Set(b.missing ?? [])
  // The same terms as the partial indexes' (migration 2026-12-02T1430), so either engine may start from one.
  if (missing.has('cover')) where.push(eb('cover_url', 'is', null))
  if (missing.has('description')) where.push(eb('description_html', 'is', null))
  if (missing.has('toc')) where.push(eb('toc', 'is', null))
  if (missing.has('category')) where.push(eb('category_ids', '=', '[]'))
  if (b.offSale) where.push(eb('on_sale', '=', 0))
  if (b.priceLaw) where.push(sql<SqlBool>`currency = 'KRW' AND sale_price * 10 < list_price * 9`)
  // A title or ISBN range walked in its own order is a range of the walk's index: the walk starts at the prefix.
  const isWalkedRange = (walkedBy === 'title' && b.text?.kind === 'title') || (walkedBy === 'isbn' && b.text?.kind !== 'title')
  if (b.text && driver !== 'contributor') where.push(...textConditions(eb, b.text, driver === 'book' || isWalkedRange))
  if (b.stockAtMost != null) {
    const isDriving = driver === 'book' && !b.text && !b.missing?.length && !b.offSale && !b.priceLaw
    // Uncounted books (stock_counted 0, stock 0) are not low on stock; the term matches the partial index book_staff_counted_stock.
    where.push(isDriving ? eb('stock', '<=', b.stockAtMost) : sql<SqlBool>`stock + 0 <= ${b.stockAtMost}`, eb('stock_counted', '=', 1))
  }
  if (b.importRun != null && driver !== 'import_run_book') {
    where.push(eb.exists(eb.selectFrom('import_run_book').select('import_run_book.run_id').whereRef('import_run_book.isbn13', '=', 'book.isbn13').where('run_id', '=', b.importRun)))
  }
  if (b.categoryIds && driver !== 'book_category') {
    // Written plainly: hiding category_id from its index would save SQLite a seek per listed category,
    // but PostgreSQL then hashes a scan of the whole table (measured: 370 ms for stock ≤ 0 in a subtree).
    const filed = eb.selectFrom('book_category').select('book_category.category_id').whereRef('book_category.book_isbn13', '=', 'book.isbn13')
    where.push(eb.exists(filed.where('category_id', 'in', categoryIdsOf(b))))
  }
  return where
}

function textConditions(eb: Eb, { kind, value }: Term, isIndexed: boolean): Expression<SqlBool>[] {
  if (kind === 'contributor') {
    // A probe of the book's own contributors (its key starts with the ISBN), never a list of every such name.
    const byBook = eb.selectFrom('contributor').select('contributor.seq').whereRef('contributor.book_isbn13', '=', 'book.isbn13')
    return [eb.exists(byBook.where(sql<SqlBool>`name || '' >= ${value} AND name || '' < ${afterPrefix(value)}`))]
  }
  const column = sql.ref(`book.${kind === 'title' ? 'title' : 'isbn13'}`)
  const ref = isIndexed ? column : sql`${column} || ''`
  if (kind === 'isbn') return [sql<SqlBool>`${ref} = ${value}`]
  return [sql<SqlBool>`${ref} >= ${value}`, sql<SqlBool>`${ref} < ${afterPrefix(value)}`]
}

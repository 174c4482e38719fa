import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool, type Transaction } from 'kysely'
import type { Database } from '../../store'
import type { StaffBookRow, StaffListFilter, StaffSort } from '../staff-list-types'

type Db = Kysely<Database> | Transaction<Database>
type Eb = ExpressionBuilder<Database, 'book'>

/** A sort's key as stored in its index (migration 2026-12-02T1430): never null, so cursors compare plainly. */
export const SORT_KEYS: Record<StaffSort, ReturnType<typeof sql.raw>> = {
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

/** The end of a prefix range: every text that starts with the prefix sorts below it. */
const afterPrefix = (prefix: string) => prefix + '\uffff'

/**
 * The filter as conditions. `isDriving` writes the lookups in other tables
 * (category, import run, contributor) as lists the database can start from,
 * to find or count the few matching books; otherwise as checks on each row,
 * so a sorted walk stays on its sort index. Measured: SQLite, which keeps no
 * statistics here, walks the sort index for ORDER BY ... LIMIT even beside a
 * partial index, and PostgreSQL weighs both by its statistics.
 */
export function filterConditions(eb: Eb, filter: StaffListFilter, isDriving: boolean): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = []
  const missing = new Set(filter.missing ?? [])
  // The same terms as the partial indexes' (migration 2026-12-02T1430), so either engine may start from one.
  if (missing.has('cover')) where.push(eb('cover_url', 'is', null))
  if (missing.has('description')) where.push(eb('description_html', 'is', null))
  if (missing.has('toc')) where.push(eb('toc', 'is', null))
  if (missing.has('category')) where.push(eb('category_ids', '=', '[]'))
  if (filter.offSale) where.push(eb('on_sale', '=', 0))
  if (filter.priceLaw) where.push(sql<SqlBool>`currency = 'KRW' AND sale_price * 10 < list_price * 9`)
  if (filter.importRun != null) {
    const run = eb.selectFrom('import_run_book').select('import_run_book.isbn13').where('run_id', '=', filter.importRun)
    where.push(isDriving ? eb('isbn13', 'in', run) : eb.exists(run.whereRef('import_run_book.isbn13', '=', 'book.isbn13')))
  }
  if (filter.categoryIds) {
    const ids = filter.categoryIds.length ? filter.categoryIds : ['']
    const filed = eb.selectFrom('book_category').select('book_category.book_isbn13').where('category_id', 'in', ids)
    where.push(isDriving ? eb('isbn13', 'in', filed) : eb.exists(filed.whereRef('book_category.book_isbn13', '=', 'book.isbn13')))
  }
  if (filter.text) where.push(textCondition(eb, filter.text, isDriving))
  // Stock is indexed for its sort; as a filter it drives only when nothing rarer does.
  const hasRarer = where.length > 0
  if (filter.stockAtMost != null) where.push(isDriving && !hasRarer ? eb('stock', '<=', filter.stockAtMost) : sql<SqlBool>`stock + 0 <= ${filter.stockAtMost}`)
  return where
}

function textCondition(eb: Eb, text: NonNullable<StaffListFilter['text']>, isDriving: boolean): Expression<SqlBool> {
  const { kind, value } = text
  const isbn = isDriving ? sql.ref('isbn13') : sql`isbn13 || ''`
  if (kind === 'isbn') return sql<SqlBool>`${isbn} = ${value}`
  if (kind === 'isbnPrefix') return sql<SqlBool>`${isbn} >= ${value} AND ${isbn} < ${afterPrefix(value)}`
  const title = isDriving ? sql.ref('title') : sql`title || ''`
  const byContributor = eb.selectFrom('contributor').select('contributor.book_isbn13').where('name', '>=', value).where('name', '<', afterPrefix(value))
  const contributed = isDriving ? eb('isbn13', 'in', byContributor) : eb.exists(byContributor.whereRef('contributor.book_isbn13', '=', 'book.isbn13'))
  return eb.or([sql<SqlBool>`${title} >= ${value} AND ${title} < ${afterPrefix(value)}`, contributed])
}

/** How many books match, counting no further than `upTo`: bounded work however many match. */
export async function countUpTo(db: Db, filter: StaffListFilter, upTo: number): Promise<number> {
  const matching = db
    .selectFrom('book')
    .select(sql<number>`1`.as('one'))
    .where((eb) => eb.and(filterConditions(eb, filter, true)))
    .limit(upTo)
  const r = await db
    .selectFrom(matching.as('m'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/** The ISBNs of matching books, found from the filter's own index, in no order: bulk actions. */
export async function matchingIsbns(db: Db, filter: StaffListFilter, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('book')
    .select('isbn13')
    .where((eb) => eb.and(filterConditions(eb, filter, true)))
    .limit(limit)
    .execute()
  return rows.map((r) => r.isbn13)
}

/**
 * A page of the few matching books: found from the filter's own index and
 * sorted after. The sort key and the cursor are written as expressions no
 * index holds, so neither engine is tempted to walk a sort index instead.
 */
export async function sortFew(db: Db, filter: StaffListFilter, order: Order, after: Key | null, limit: number): Promise<Key[]> {
  const key = sql`(${SORT_KEYS[order.sort]}) ${sql.raw(typeof SORT_SAMPLE[order.sort] === 'string' ? "|| ''" : '+ 0')}`
  const direction = sql.raw(order.isDescending ? 'desc' : 'asc')
  let query = db
    .selectFrom('book')
    .select(['isbn13', sql<string | number>`${SORT_KEYS[order.sort]}`.as('key')])
    .where((eb) => eb.and(filterConditions(eb, filter, true)))
  if (after) query = query.where(sql<SqlBool>`(${key}, isbn13 || '') ${sql.raw(order.isDescending ? '<' : '>')} (${after.key}, ${after.isbn13})`)
  const rows = await query.orderBy(sql`${key} ${direction}`).orderBy(sql`isbn13 || '' ${direction}`).limit(limit).execute()
  return rows.map(toKey)
}

/** A page of matching ISBNs walked in sort order along the sort's index, after the cursor's key when given. */
export async function walkSorted(
  db: Db,
  filter: StaffListFilter,
  order: Order,
  after: Key | null,
  limit: number,
): Promise<Key[]> {
  const key = SORT_KEYS[order.sort]
  const direction = sql.raw(order.isDescending ? 'desc' : 'asc')
  let query = db
    .selectFrom('book')
    .select(['isbn13', sql<string | number>`${key}`.as('key')])
    .where((eb) => eb.and(filterConditions(eb, filter, false)))
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
      'isbn13', 'title', 'contributors', 'publisher', 'issued_on', 'currency', 'list_price', 'sale_price', 'stock', 'on_sale', 'updated_at',
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
        stock: r.stock,
        onSale: r.on_sale === 1,
        updatedAt: r.updated_at,
        categoryIds: JSON.parse(r.category_ids),
        missing,
      },
    ]
  })
}

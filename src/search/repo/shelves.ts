import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database, SearchBookTable } from '../../store'

export type Db = Kysely<Database> | Transaction<Database>
export type CountedBook = Pick<SearchBookTable, 'publisher' | 'format' | 'language' | 'issued_on' | 'price'>
export interface FacetTotal {
  category_id: string
  dim: string
  value: string
  n: number
}

/** What these books' search rows count toward, read before the rows are replaced or deleted. */
export async function countedBooks(trx: Db, ids: number[]): Promise<{ books: Array<CountedBook & { id: number }>; links: Array<{ id: number; category_id: string }> }> {
  const [books, links] = await Promise.all([
    trx.selectFrom('search_book').select(['id', 'publisher', 'format', 'language', 'issued_on', 'price']).where('id', 'in', ids).execute(),
    trx.selectFrom('search_book_category').select(['id', 'category_id']).where('id', 'in', ids).execute(),
  ])
  return { books, links }
}

/** Adds to the running totals, creating the rows that are missing, in the order given. */
export async function addToFacetTotals(trx: Db, rows: FacetTotal[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    await trx
      .insertInto('search_facet_count')
      .values(rows.slice(i, i + 2000))
      .onConflict((oc) => oc.columns(['category_id', 'dim', 'value']).doUpdateSet((eb) => ({ n: eb('search_facet_count.n', '+', eb.ref('excluded.n')) })))
      .execute()
  }
}

/** A shelf's non-zero running totals ('' for the whole catalog). */
export async function facetTotals(db: Db, categoryId: string): Promise<Array<{ dim: string; value: string; n: number }>> {
  return db.selectFrom('search_facet_count').select(['dim', 'value', 'n']).where('category_id', '=', categoryId).where('n', '>', 0).execute()
}

/** True when books are indexed but no running totals exist (a database from before they did). */
export async function areShelfCountsMissing(db: Db): Promise<boolean> {
  const [book, count] = await Promise.all([
    db.selectFrom('search_book').select('id').limit(1).executeTakeFirst(),
    db.selectFrom('search_facet_count').select('n').limit(1).executeTakeFirst(),
  ])
  return book !== undefined && count === undefined
}

/** Recounts every running total from the search rows: one statement per dimension. */
export async function recountFacetTotals(trx: Db): Promise<void> {
  await trx.deleteFrom('search_facet_count').execute()
  const values = {
    publisher: sql`s.publisher`,
    format: sql`s.format`,
    language: sql`s.language`,
    year: sql`substr(s.issued_on, 1, 4)`,
    price: sql`CAST(CAST(round(s.price) AS INTEGER) AS TEXT)`,
  }
  for (const [dim, value] of Object.entries(values)) {
    await sql`INSERT INTO search_facet_count (category_id, dim, value, n)
      SELECT '', ${dim}, ${value}, count(*) FROM search_book s WHERE ${value} IS NOT NULL GROUP BY ${value}
      UNION ALL
      SELECT c.category_id, ${dim}, ${value}, count(*) FROM search_book_category c JOIN search_book s ON s.id = c.id WHERE ${value} IS NOT NULL GROUP BY c.category_id, ${value}`.execute(trx)
  }
  await sql`INSERT INTO search_facet_count (category_id, dim, value, n)
    SELECT '', 'category', category_id, count(*) FROM search_book_category GROUP BY category_id
    UNION ALL
    SELECT a.category_id, 'category', b.category_id, count(*) FROM search_book_category a JOIN search_book_category b ON b.id = a.id GROUP BY a.category_id, b.category_id`.execute(trx)
}

/** A page of a shelf's books, newest first, straight from the shelf's date index. */
export async function newestOnShelf(db: Db, categoryId: string, limit: number, offset: number): Promise<string[]> {
  const rows = await db
    .selectFrom('search_book_category')
    .select('id')
    .where('category_id', '=', categoryId)
    .orderBy('issued_on', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute()
  return rows.map((r) => String(r.id))
}

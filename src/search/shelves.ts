import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database, SearchBookTable } from '../store'
import { bandOf, emptyCounts, type FacetCounts, type FacetDimension } from './facet-counts'

type Db = Kysely<Database> | Transaction<Database>
type CountedBook = Pick<SearchBookTable, 'publisher' | 'format' | 'language' | 'issued_on' | 'price'>

/**
 * Each shelf's facet counts as running totals (search_facet_count), so a
 * category page reads a few hundred rows instead of counting a quarter of
 * the catalog. Every write to the search rows moves the totals in the same
 * transaction; `colophon reindex` recounts them from scratch.
 */
export class FacetDeltas {
  private readonly byKey = new Map<string, number>()

  /** A book counts once on the whole catalog ('') and on every shelf it sits on or under. */
  add(book: CountedBook, categoryIds: string[], sign: 1 | -1): void {
    const values: Array<[string, string | null]> = [
      ['publisher', book.publisher],
      ['format', book.format],
      ['language', book.language],
      ['year', book.issued_on ? book.issued_on.slice(0, 4) : null],
      // Whole units, as the recount below writes them: the banding needs no more.
      ['price', book.price == null ? null : String(Math.round(book.price))],
      ...categoryIds.map((c): [string, string] => ['category', c]),
    ]
    for (const scope of ['', ...categoryIds])
      for (const [dim, value] of values) {
        if (value == null) continue
        const key = JSON.stringify([scope, dim, value])
        this.byKey.set(key, (this.byKey.get(key) ?? 0) + sign)
      }
  }

  /** Takes off what these books counted, read before their rows are replaced or deleted. */
  async subtractStored(trx: Db, ids: number[]): Promise<void> {
    const [books, links] = await Promise.all([
      trx.selectFrom('search_book').select(['id', 'publisher', 'format', 'language', 'issued_on', 'price']).where('id', 'in', ids).execute(),
      trx.selectFrom('search_book_category').select(['id', 'category_id']).where('id', 'in', ids).execute(),
    ])
    const shelves = new Map<number, string[]>()
    for (const l of links) shelves.set(Number(l.id), [...(shelves.get(Number(l.id)) ?? []), l.category_id])
    for (const b of books) this.add(b, shelves.get(Number(b.id)) ?? [], -1)
  }

  /** Writes the summed changes in key order, so concurrent writers take row locks alike. */
  async apply(trx: Db): Promise<void> {
    const rows = [...this.byKey]
      .filter(([, n]) => n !== 0)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, n]) => {
        const [category_id, dim, value] = JSON.parse(key) as [string, string, string]
        return { category_id, dim, value, n }
      })
    for (let i = 0; i < rows.length; i += 2000) {
      await trx
        .insertInto('search_facet_count')
        .values(rows.slice(i, i + 2000))
        .onConflict((oc) => oc.columns(['category_id', 'dim', 'value']).doUpdateSet((eb) => ({ n: eb('search_facet_count.n', '+', eb.ref('excluded.n')) })))
        .execute()
    }
  }
}

/** A shelf's facet counts ('' for the whole catalog), from the running totals. */
export async function shelfCounts(db: Db, categoryId: string): Promise<FacetCounts> {
  const rows = await db.selectFrom('search_facet_count').select(['dim', 'value', 'n']).where('category_id', '=', categoryId).where('n', '>', 0).execute()
  const counts = emptyCounts()
  for (const r of rows) {
    const n = Number(r.n)
    if (r.dim === 'price') {
      const band = String(bandOf(Number(r.value)))
      counts.band.set(band, (counts.band.get(band) ?? 0) + n)
    } else counts[r.dim as Exclude<FacetDimension, 'band'>].set(r.value, n)
  }
  return counts
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
export async function recountShelves(trx: Db): Promise<void> {
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

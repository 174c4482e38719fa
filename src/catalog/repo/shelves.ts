import type { Database, Kysely, Transaction } from '../../store'

type Db = Kysely<Database> | Transaction<Database>

/** The books a person is named on, by ISBN, newest first (the contributor table indexes names). */
export async function isbnsByContributor(db: Db, name: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('contributor')
    .innerJoin('book', 'book.isbn13', 'contributor.book_isbn13')
    .select('book.isbn13')
    .distinct()
    .where('contributor.name', '=', name)
    .orderBy('book.isbn13')
    .limit(limit)
    .execute()
  return rows.map((r) => r.isbn13)
}

/** A series' volumes, with their numbers as printed; the caller puts them in order. */
export async function seriesVolumes(db: Db, series: string, limit: number): Promise<Array<{ isbn13: string; number: string | null }>> {
  const rows = await db.selectFrom('book').select(['isbn13', 'series_number']).where('series', '=', series).orderBy('isbn13').limit(limit).execute()
  return rows.map((r) => ({ isbn13: r.isbn13, number: r.series_number }))
}

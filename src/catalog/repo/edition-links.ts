import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../store'

type Db = Kysely<Database> | Transaction<Database>

/** Replaces what the feed said each of these books is related to. */
export async function replaceLinks(db: Db, links: Map<string, string[]>): Promise<void> {
  const isbns = [...links.keys()]
  for (let i = 0; i < isbns.length; i += 500) await db.deleteFrom('edition_link').where('isbn13', 'in', isbns.slice(i, i + 500)).execute()
  const rows = [...links].flatMap(([isbn13, keys]) => [...new Set(keys)].map((link) => ({ isbn13, link })))
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto('edition_link').values(rows.slice(i, i + 1000)).execute()
}

/**
 * The books in the catalog related to this one as editions: those its links
 * name by ISBN, those that name it, and those that share a work identifier
 * with it; merged-away books left out.
 */
export async function relatedIsbns(db: Db, isbn13: string): Promise<string[]> {
  const own = (await db.selectFrom('edition_link').select('link').where('isbn13', '=', isbn13).execute()).map((r) => r.link)
  const named = own.filter((l) => l.startsWith('isbn:')).map((l) => l.slice(5))
  const shared = [`isbn:${isbn13}`, ...own.filter((l) => l.startsWith('work:'))]
  const naming = (await db.selectFrom('edition_link').select('isbn13').where('link', 'in', shared).execute()).map((r) => r.isbn13)
  const candidates = [...new Set([...named, ...naming])].filter((i) => i !== isbn13)
  if (candidates.length === 0) return []
  const rows = await db
    .selectFrom('book')
    .select('isbn13')
    .where('isbn13', 'in', candidates)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('book_redirect').select('from_isbn13').whereRef('book_redirect.from_isbn13', '=', 'book.isbn13'))))
    .execute()
  return rows.map((r) => r.isbn13)
}

/** Those of these books that another book's links name by ISBN. */
export async function namedAmong(db: Db, isbns: string[]): Promise<string[]> {
  const named: string[] = []
  for (let i = 0; i < isbns.length; i += 500) {
    const rows = await db.selectFrom('edition_link').select('link').distinct().where('link', 'in', isbns.slice(i, i + 500).map((isbn) => `isbn:${isbn}`)).execute()
    named.push(...rows.map((r) => r.link.slice(5)))
  }
  return named
}

/** Each of these books' work id, or null. */
export async function workIds(db: Db, isbns: string[]): Promise<Map<string, string | null>> {
  const rows = await db.selectFrom('book').select(['isbn13', 'work_id']).where('isbn13', 'in', isbns).execute()
  return new Map(rows.map((r) => [r.isbn13, r.work_id]))
}

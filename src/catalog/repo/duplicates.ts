import { sql, type Kysely, type Transaction } from 'kysely'
import { preparedQuery, type Database } from '../../store'
import type { Isbn13 } from '../isbn'
import type { BookFormat, Contributor } from '../types'

type Db = Kysely<Database> | Transaction<Database>

/** What the duplicates screen shows of a book. */
export interface DuplicateMember {
  isbn13: Isbn13
  title: string
  contributors: Contributor[]
  publisher: string | null
  issuedOn: string | null
  format: BookFormat
  currency: string
  listPrice: number | null
  salePrice: number | null
  stock: number | null
  onSale: boolean
  workId: string | null
}

/**
 * Keys shared by more than one book, in key order after `after`: the walk
 * reads the (dup_key, isbn13) index in order and stops after `limit` groups.
 * '' (no key) sorts first and is never a group.
 */
export async function sharedKeysAfter(db: Db, after: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('book')
    .select('dup_key')
    .where('dup_key', '>', after)
    .groupBy('dup_key')
    .having((eb) => eb.fn.countAll(), '>', 1)
    .orderBy('dup_key')
    .limit(limit)
    .execute()
  return rows.map((r) => r.dup_key!)
}

/** The books of these keys, by key then ISBN. */
export async function booksWithKeys(db: Db, keys: string[]): Promise<Array<DuplicateMember & { key: string }>> {
  if (keys.length === 0) return []
  const rows = await db
    .selectFrom('book')
    .select(['isbn13', 'title', 'contributors', 'publisher', 'issued_on', 'format', 'currency', 'list_price', 'sale_price', 'stock', 'stock_counted', 'on_sale', 'work_id', 'dup_key'])
    .where('dup_key', 'in', keys)
    .orderBy('dup_key')
    .orderBy('isbn13')
    .execute()
  return rows.map((r) => ({
    key: r.dup_key!,
    isbn13: r.isbn13 as Isbn13,
    title: r.title,
    contributors: JSON.parse(r.contributors),
    publisher: r.publisher,
    issuedOn: r.issued_on,
    format: r.format as BookFormat,
    currency: r.currency,
    listPrice: r.list_price == null ? null : Number(r.list_price),
    salePrice: r.sale_price == null ? null : Number(r.sale_price),
    stock: r.stock_counted ? r.stock : null,
    onSale: r.on_sale === 1,
    workId: r.work_id,
  }))
}

/** Books written before books were keyed: a batch of them, for keying now. */
export async function unkeyedBooks(db: Db, limit: number): Promise<Array<{ isbn13: string; title: string; contributors: Contributor[] }>> {
  const rows = await db.selectFrom('book').select(['isbn13', 'title', 'contributors']).where('dup_key', 'is', null).orderBy('isbn13').limit(limit).execute()
  return rows.map((r) => ({ isbn13: r.isbn13, title: r.title, contributors: JSON.parse(r.contributors) }))
}

export async function countUnkeyed(db: Db): Promise<number> {
  const r = await db.selectFrom('book').select((eb) => eb.fn.countAll<number>().as('n')).where('dup_key', 'is', null).executeTakeFirstOrThrow()
  return Number(r.n)
}

/** Sets each book's key, a statement per 400 books (a CASE over the ISBNs, which both engines run). */
export async function setKeys(trx: Db, keys: Array<{ isbn13: string; key: string }>): Promise<void> {
  for (let i = 0; i < keys.length; i += 400) {
    const chunk = keys.slice(i, i + 400)
    const cases = sql.join(chunk.map((k) => sql`WHEN ${k.isbn13} THEN ${k.key}`), sql` `)
    await trx
      .updateTable('book')
      .set({ dup_key: sql<string>`CASE isbn13 ${cases} END` })
      .where('isbn13', 'in', chunk.map((k) => k.isbn13))
      .execute()
  }
}

/** Where each of these books went, for those merged into another. */
/** One ISBN's redirect, asked on every product page: built and compiled once. */
const redirectOf = preparedQuery((db: Db, a: { isbn13: string }) => db.selectFrom('book_redirect').select(['from_isbn13', 'to_isbn13']).where('from_isbn13', '=', a.isbn13))

export async function redirectsFrom(db: Db, isbns: string[]): Promise<Map<string, string>> {
  if (isbns.length === 0) return new Map()
  const rows = isbns.length === 1 ? await redirectOf(db, { isbn13: isbns[0]! }) : await db.selectFrom('book_redirect').select(['from_isbn13', 'to_isbn13']).where('from_isbn13', 'in', isbns).execute()
  return new Map(rows.map((r) => [r.from_isbn13, r.to_isbn13]))
}

/** Books merged into `to`; those merged earlier into one of them now point at `to` too, so a redirect is one step. */
export async function addRedirects(trx: Db, from: string[], to: string, at: string, by: string): Promise<void> {
  await trx.updateTable('book_redirect').set({ to_isbn13: to }).where('to_isbn13', 'in', from).execute()
  await trx
    .insertInto('book_redirect')
    .values(from.map((from_isbn13) => ({ from_isbn13, to_isbn13: to, merged_at: at, merged_by: by })))
    .execute()
}

/** Pairs among these books that staff said are not duplicates, as "a|b" with the smaller ISBN first. */
export async function dismissedPairs(db: Db, isbns: string[]): Promise<Set<string>> {
  if (isbns.length < 2) return new Set()
  const rows = await db.selectFrom('duplicate_dismissed').select(['isbn13_a', 'isbn13_b']).where('isbn13_a', 'in', isbns).where('isbn13_b', 'in', isbns).execute()
  return new Set(rows.map((r) => `${r.isbn13_a}|${r.isbn13_b}`))
}

export async function addDismissals(trx: Db, pairs: Array<[string, string]>, at: string, by: string): Promise<void> {
  if (pairs.length === 0) return
  await trx
    .insertInto('duplicate_dismissed')
    .values(pairs.map(([a, b]) => ({ isbn13_a: a, isbn13_b: b, dismissed_at: at, dismissed_by: by })))
    .onConflict((oc) => oc.columns(['isbn13_a', 'isbn13_b']).doNothing())
    .execute()
}

/** Each of these books' work, or null. */
export async function worksOf(db: Db, isbns: string[]): Promise<Map<string, string | null>> {
  if (isbns.length === 0) return new Map()
  const rows = await db.selectFrom('book').select(['isbn13', 'work_id']).where('isbn13', 'in', isbns).execute()
  return new Map(rows.map((r) => [r.isbn13, r.work_id]))
}

/** Every book of these works, with its work. */
export async function booksOfWorks(db: Db, workIds: string[]): Promise<Array<{ isbn13: string; workId: string }>> {
  if (workIds.length === 0) return []
  const rows = await db.selectFrom('book').select(['isbn13', 'work_id']).where('work_id', 'in', workIds).execute()
  return rows.map((r) => ({ isbn13: r.isbn13, workId: r.work_id! }))
}

export async function setWork(trx: Db, isbns: string[], workId: string): Promise<void> {
  for (let i = 0; i < isbns.length; i += 900) await trx.updateTable('book').set({ work_id: workId }).where('isbn13', 'in', isbns.slice(i, i + 900)).execute()
}

/** The other editions of a book's work, leaving out books merged away, by format then ISBN. */
/** Asked on every product page: built and compiled once. */
const editionsOfWork = preparedQuery((db: Db, a: { isbn13: string }) =>
  db
    .selectFrom('book as self')
    .innerJoin('book as other', 'other.work_id', 'self.work_id')
    .select('other.isbn13')
    .where('self.isbn13', '=', a.isbn13)
    .where('other.isbn13', '!=', a.isbn13)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('book_redirect').select('from_isbn13').whereRef('book_redirect.from_isbn13', '=', 'other.isbn13'))))
    .orderBy('other.format')
    .orderBy('other.isbn13')
    .limit(20),
)

export async function otherEditions(db: Db, isbn13: string): Promise<string[]> {
  return (await editionsOfWork(db, { isbn13 })).map((r) => r.isbn13)
}

import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder, type SqlBool, type Transaction } from 'kysely'
import type { Database, SearchBookTable } from '../../store'
import { emptyCounts, PRICE_BANDS, type FacetCounts, type FacetDimension } from '../facet-counts'
import { FacetDeltas } from '../shelves'
import { restoreTiers } from './popularity'
import type { SearchSort } from '../types'

// The folder's other files hold the database handle by these types: queries are written only in repo files.
export type { Kysely, Transaction }

type Db = Kysely<Database> | Transaction<Database>
type Match = RawBuilder<{ id: number; score: number }>
type Joined = Database & { s: Database['search_book']; m: { id: number; score: number } }
type Scoped = SelectQueryBuilder<Joined, 's' | 'm', object>

/** Which books a search or listing covers: a text match (or none, for browsing) and the filters. */
export interface Scope {
  match: Match | null
  /** The category with everything below it. */
  category?: string
  publisher?: string
  format?: string
  language?: string
  year?: number
  priceMin?: number
  priceMax?: number
  inStock?: boolean
}

function scoped(db: Db, scope: Scope): Scoped {
  // Without a text match, `m` is never referenced: the type only lets both cases share the filters below.
  let q = (scope.match ? db.selectFrom('search_book as s').innerJoin(scope.match.as('m'), 'm.id', 's.id') : db.selectFrom('search_book as s')) as unknown as Scoped
  if (scope.category !== undefined) {
    const category = scope.category
    q = q.where('s.id', 'in', (eb) => eb.selectFrom('search_book_category').select('id').where('category_id', '=', category))
  }
  if (scope.publisher !== undefined) q = q.where('s.publisher', '=', scope.publisher)
  if (scope.format !== undefined) q = q.where('s.format', '=', scope.format)
  if (scope.language !== undefined) q = q.where('s.language', '=', scope.language)
  // A date of issue may be a bare year or month ("2006", "2006-03"): both sort from the year's own four digits on.
  if (scope.year !== undefined) q = q.where('s.issued_on', '>=', String(scope.year).padStart(4, '0')).where('s.issued_on', '<', String(scope.year + 1).padStart(4, '0'))
  if (scope.priceMin !== undefined) q = q.where('s.price', '>=', scope.priceMin)
  if (scope.priceMax !== undefined) q = q.where('s.price', '<=', scope.priceMax)
  if (scope.inStock) q = q.where('s.is_available', '=', 1)
  return q
}

/**
 * Counts by publisher, format, language, year, price band and category in
 * one statement: the matches are joined to their rows once, into a
 * materialised table that each count reads. Categories count every
 * category a match sits in or under.
 */
export async function facetCounts(db: Db, scope: Scope, options: { isFew: boolean }): Promise<FacetCounts> {
  const band = sql<number | null>`CASE ${sql.join(
    [...PRICE_BANDS].reverse().map((lo) => sql`WHEN s.price >= ${lo} THEN ${lo}`),
    sql` `,
  )} ELSE NULL END`
  const matched = scoped(db, scope).select(['s.id', 's.publisher', 's.format', 's.language', sql<string>`substr(s.issued_on, 1, 4)`.as('year'), band.as('band')])
  const by = (dim: FacetDimension) => sql`SELECT ${dim} AS dim, CAST(${sql.ref(dim)} AS TEXT) AS value, count(*) AS n FROM m GROUP BY ${sql.ref(dim)}`
  const branches = (['publisher', 'format', 'language', 'year', 'band'] as const).map(by)
  // For a few matches, looking each one's categories up is cheapest; for many, one pass over the category
  // table. SQLite's planner can't tell which from a materialised table, and CROSS JOIN makes it look up.
  const join = options.isFew ? sql`CROSS JOIN search_book_category c WHERE c.id = m.id` : sql`JOIN search_book_category c ON c.id = m.id`
  branches.push(sql`SELECT ${'category'} AS dim, c.category_id AS value, count(*) AS n FROM m ${join} GROUP BY c.category_id`)
  const rows = await db
    .with((cte) => cte('m').materialized(), () => matched)
    .selectFrom(sql<{ dim: FacetDimension; value: string | null; n: number }>`(${sql.join(branches, sql` UNION ALL `)})`.as('counts'))
    .selectAll()
    .execute()
  const counts = emptyCounts()
  // A band's bound comes back as "10000.0" from SQLite's REAL and "10000" from PostgreSQL: keyed as a number.
  for (const r of rows) if (r.value != null) counts[r.dim].set(r.dim === 'band' ? String(Number(r.value)) : r.value, Number(r.n))
  return counts
}

/**
 * One page of ISBN-13s in the requested order. `titleKey` is the normalised
 * query, for ranking an exact title first; `literals`, the query's words,
 * for ranking titles that spell them out above those that match only in
 * pieces (the two-character pieces of "노동과 학교" include 과학).
 */
export async function pageIsbns(
  db: Db,
  scope: Scope,
  options: { sort: SearchSort; limit: number; offset: number; titleKey: string | null; literals: string[]; inTitle: Match | null },
): Promise<string[]> {
  let q = scoped(db, scope).select('s.id')
  if (options.sort === 'relevance' && options.inTitle) {
    // Books whose title (or people) hold every term come before those that match only in the description;
    // among those, the shorter the title the more of it the query covers: the nearest to an exact match.
    // An uncorrelated IN is evaluated once into a lookup table, where a join would rescan the index.
    const inTitle = sql<SqlBool>`s.id IN (SELECT id FROM ${options.inTitle.as('t')})`
    if (options.titleKey) q = q.orderBy(sql`CASE WHEN ${inTitle} AND ${exactTitle(options.titleKey)} THEN 0 ELSE 1 END`)
    if (options.literals.length) q = q.orderBy(sql`CASE WHEN ${inTitle} AND ${spelledOut(options.literals)} THEN 0 ELSE 1 END`)
    // Then what readers buy and view: among titles that answer the query alike, the one they mean.
    q = q.orderBy(sql`CASE WHEN ${inTitle} THEN 0 ELSE 1 END`).orderBy(sql`CASE WHEN ${inTitle} THEN s.popularity ELSE 0 END`, 'desc').orderBy(sql`CASE WHEN ${inTitle} THEN s.title_length ELSE round(CAST(m.score AS numeric), 1) END`)
  }
  switch (options.sort) {
    case 'relevance':
      // bm25 to one decimal: scores that close are a tie, broken by availability and recency.
      if (scope.match && !options.inTitle) q = q.orderBy(sql`round(CAST(m.score AS numeric), 1)`)
      q = q.orderBy('s.is_available', 'desc').orderBy('s.issued_on', 'desc')
      break
    case 'newest':
      q = q.orderBy(sql`s.issued_on IS NULL`).orderBy('s.issued_on', 'desc')
      break
    case 'price':
      q = q.orderBy(sql`s.price IS NULL`).orderBy('s.price', 'asc')
      break
    case 'price_desc':
      q = q.orderBy(sql`s.price IS NULL`).orderBy('s.price', 'desc')
      break
    case 'title':
      q = q.orderBy('s.title', 'asc')
      break
  }
  const rows = await q.orderBy('s.id', 'desc').limit(options.limit).offset(options.offset).execute()
  return rows.map((r) => String(r.id))
}

/**
 * Up to `limit` books matching (in their title fields) in the order a
 * results page puts title matches: exact title, every word spelled out,
 * most popular (by tier), shortest title, available, newest.
 */
export async function titleMatchesRanked(db: Db, match: Match, options: { titleKey: string | null; literals: string[]; limit: number }): Promise<number[]> {
  let q = db.selectFrom('search_book as s').innerJoin(match.as('m'), 'm.id', 's.id').select('s.id')
  if (options.titleKey) q = q.orderBy(sql`CASE WHEN ${exactTitle(options.titleKey)} THEN 0 ELSE 1 END`)
  if (options.literals.length) q = q.orderBy(sql`CASE WHEN ${spelledOut(options.literals)} THEN 0 ELSE 1 END`)
  const rows = await q.orderBy('s.popularity', 'desc').orderBy('s.title_length').orderBy('s.is_available', 'desc').orderBy('s.issued_on', 'desc').orderBy('s.id', 'desc').limit(options.limit).execute()
  return rows.map((r) => Number(r.id))
}

/** Up to `limit` of the newest books matching `match` but not `except`. */
export async function newestMatches(db: Db, match: Match, except: Match, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('search_book as s')
    .select('s.id')
    .where(sql<SqlBool>`s.id IN (SELECT id FROM ${match.as('a')})`)
    .where(sql<SqlBool>`s.id NOT IN (SELECT id FROM ${except.as('t')})`)
    .orderBy('s.issued_on', 'desc')
    .orderBy('s.id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => Number(r.id))
}

/** The Korean or the English title is the query, normalised. */
function exactTitle(titleKey: string) {
  return sql`(s.title_key = ${titleKey} OR s.alt_title_key = ${titleKey})`
}

/** Every word appears in the Korean or the English title. Words hold only letters and digits: no LIKE escaping needed. */
function spelledOut(words: string[]) {
  const titles = sql`(s.title_key || ' ' || coalesce(s.alt_title_key, ''))`
  return sql.join(words.map((w) => sql`${titles} LIKE ${`%${w}%`}`), sql` AND `)
}

/** A book's row for filtering, counting and sorting, and the categories it sits in or under. */
export interface SearchBookRow {
  book: SearchBookTable
  categoryIds: string[]
}

/** Replaces the search rows of these books, inside the caller's transaction, moving the shelves' running counts with them. */
export async function writeSearchBooks(trx: Db, rows: SearchBookRow[]): Promise<void> {
  const deltas = new FacetDeltas()
  await removeRows(trx, rows.map((r) => r.book.id), deltas)
  for (let i = 0; i < rows.length; i += 2000) await trx.insertInto('search_book').values(rows.slice(i, i + 2000).map((r) => r.book)).execute()
  const links = rows.flatMap((r) => r.categoryIds.map((category_id) => ({ id: r.book.id, category_id, issued_on: r.book.issued_on ?? '' })))
  for (let i = 0; i < links.length; i += 10_000) await trx.insertInto('search_book_category').values(links.slice(i, i + 10_000)).execute()
  for (const r of rows) deltas.add(r.book, r.categoryIds, 1)
  await deltas.apply(trx)
  await restoreTiers(trx, rows.map((r) => r.book.id))
}

export async function removeSearchBooks(trx: Db, ids: number[]): Promise<void> {
  const deltas = new FacetDeltas()
  await removeRows(trx, ids, deltas)
  await deltas.apply(trx)
}

async function removeRows(trx: Db, ids: number[], deltas: FacetDeltas): Promise<void> {
  for (let i = 0; i < ids.length; i += 5000) {
    const chunk = ids.slice(i, i + 5000)
    await deltas.subtractStored(trx, chunk)
    await trx.deleteFrom('search_book_category').where('id', 'in', chunk).execute()
    await trx.deleteFrom('search_book').where('id', 'in', chunk).execute()
  }
}

/**
 * Titles for suggestions: those that start with what was typed (a range on
 * the title index), then some of the other matches, those whose title spells
 * the typed words out (not only a subtitle or series) and shortest first.
 */
export async function suggestedTitles(
  db: Db,
  typed: string,
  words: string[],
  some: Match,
  limit: number,
): Promise<Array<{ isbn13: string; title: string; translations: string }>> {
  const starting = await db
    .selectFrom('search_book as s')
    .select('s.id')
    .where('s.title_key', '>=', typed)
    .where('s.title_key', '<', typed + '\u{10ffff}')
    .orderBy('s.title_key')
    .limit(limit)
    .execute()
  const others = starting.length < limit
    ? await db
        .selectFrom('search_book as s')
        .innerJoin(some.as('m'), 'm.id', 's.id')
        .select('s.id')
        .$if(words.length > 0, (q) => q.orderBy(sql`CASE WHEN ${spelledOut(words)} THEN 0 ELSE 1 END`))
        .orderBy('s.popularity', 'desc')
        .orderBy('s.title_length')
        .orderBy('s.is_available', 'desc')
        .orderBy('s.issued_on', 'desc')
        .limit(limit)
        .execute()
    : []
  const ids = [...new Set([...starting, ...others].map((r) => String(r.id)))].slice(0, limit)
  if (ids.length === 0) return []
  const rows = await db.selectFrom('book').select(['isbn13', 'title', 'title_translations as translations']).where('isbn13', 'in', ids).execute()
  const byIsbn = new Map(rows.map((r) => [r.isbn13, r]))
  return ids.flatMap((id) => byIsbn.get(id) ?? [])
}

/** Contributor names starting with any of the prefixes (a range on the name index). */
export async function contributorNames(db: Db, prefixes: string[], limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('contributor')
    .select('name')
    .distinct()
    .where((eb) => eb.or(prefixes.map((p) => eb.and([eb('name', '>=', p), eb('name', '<', p + '\u{10ffff}')]))))
    .orderBy('name')
    .limit(limit)
    .execute()
  return rows.map((r) => r.name)
}

/** Adds to the typo vocabulary: each word's count goes up by how often this batch used it. */
export async function addWords(trx: Db, counts: Map<string, number>): Promise<void> {
  const rows = [...counts].map(([word, books]) => ({ word, books }))
  for (let i = 0; i < rows.length; i += 5000) {
    await trx
      .insertInto('search_word')
      .values(rows.slice(i, i + 5000))
      .onConflict((oc) => oc.column('word').doUpdateSet((eb) => ({ books: eb('search_word.books', '+', eb.ref('excluded.books')) })))
      .execute()
  }
}

/** Which of these words the catalog uses, most used first. */
export async function knownWords(db: Db, words: string[]): Promise<string[]> {
  if (words.length === 0) return []
  const rows = await db.selectFrom('search_word').select('word').where('word', 'in', words).orderBy('books', 'desc').orderBy('word').execute()
  return rows.map((r) => r.word)
}

/** Which of these words the catalog uses, with how many book writes used each, most used first. */
export async function wordCounts(db: Db, words: string[]): Promise<Array<{ word: string; books: number }>> {
  if (words.length === 0) return []
  const rows = await db.selectFrom('search_word').select(['word', 'books']).where('word', 'in', words).orderBy('books', 'desc').orderBy('word').execute()
  return rows.map((r) => ({ word: r.word, books: Number(r.books) }))
}

export async function hasWordStartingWith(db: Db, prefix: string): Promise<boolean> {
  const row = await db.selectFrom('search_word').select('word').where('word', '>=', prefix).where('word', '<', prefix + '\u{10ffff}').limit(1).executeTakeFirst()
  return row !== undefined
}

export async function hasSearchBooks(db: Db): Promise<boolean> {
  return (await db.selectFrom('search_book').select('id').limit(1).executeTakeFirst()) !== undefined
}

/** Empties the vocabulary and the search rows, before a rebuild. */
export async function clearSearchTables(trx: Db): Promise<void> {
  await trx.deleteFrom('search_word').execute()
  await trx.deleteFrom('search_facet_count').execute()
  await trx.deleteFrom('search_book_category').execute()
  await trx.deleteFrom('search_book').execute()
}

/** Each category's id and Korean and English names, with its ancestors', for indexing. */
export async function categoryPaths(db: Db): Promise<Map<string, { ids: string[]; names: string[] }>> {
  const rows = await db.selectFrom('category').select(['id', 'parent_id', 'name_ko', 'name_en']).execute()
  const byId = new Map(rows.map((r) => [r.id, r]))
  const out = new Map<string, { ids: string[]; names: string[] }>()
  for (const r of rows) {
    const path = { ids: [] as string[], names: [] as string[] }
    for (let c: typeof r | undefined = r, depth = 0; c && depth < 32; c = c.parent_id ? byId.get(c.parent_id) : undefined, depth++) {
      path.ids.push(c.id)
      path.names.push(c.name_ko, c.name_en)
    }
    out.set(r.id, path)
  }
  return out
}

import { sql, type Expression, type Kysely, type RawBuilder, type SelectQueryBuilder, type SqlBool, type Transaction } from 'kysely'
import type { Database } from '../store'
import type { SearchSort } from './types'

type Db = Kysely<Database> | Transaction<Database>
type Match = RawBuilder<{ isbn13: string; score: number }>
type Joined = Database & { b: Database['book']; m: { isbn13: string; score: number } }
type Scoped = SelectQueryBuilder<Joined, 'b' | 'm', object>

/** Which books a search or listing covers: a text match (or none, for browsing) and the filters. */
export interface Scope {
  match: Match | null
  categoryIds?: string[]
  publisher?: string
  format?: string
  language?: string
  year?: number
  priceMin?: number
  priceMax?: number
  inStock?: boolean
}

/** Price bands for the facet, in KRW: lower bounds, each band up to the next one. */
export const PRICE_BANDS = [0, 10_000, 15_000, 20_000, 30_000]

const price = sql<number | null>`coalesce(b.sale_price, b.list_price)`

function scoped(db: Db, scope: Scope): Scoped {
  // Without a text match, `m` is never referenced: the type only lets both cases share the filters below.
  let q = (scope.match ? db.selectFrom('book as b').innerJoin(scope.match.as('m'), 'm.isbn13', 'b.isbn13') : db.selectFrom('book as b')) as unknown as Scoped
  if (scope.categoryIds) {
    const ids = scope.categoryIds
    q = q.where('b.isbn13', 'in', (eb) => eb.selectFrom('book_category').select('book_isbn13').where('category_id', 'in', ids.length ? ids : ['']))
  }
  if (scope.publisher !== undefined) q = q.where('b.publisher', '=', scope.publisher)
  if (scope.format !== undefined) q = q.where('b.format', '=', scope.format)
  if (scope.language !== undefined) q = q.where('b.language', '=', scope.language)
  if (scope.year !== undefined) q = q.where('b.issued_on', '>=', `${scope.year}-01-01`).where('b.issued_on', '<', `${scope.year + 1}-01-01`)
  if (scope.priceMin !== undefined) q = q.where(sql<SqlBool>`${price} >= ${scope.priceMin}`)
  if (scope.priceMax !== undefined) q = q.where(sql<SqlBool>`${price} <= ${scope.priceMax}`)
  if (scope.inStock) q = q.where('b.stock', '>', 0).where('b.on_sale', '=', 1)
  return q
}

export type FacetDimension = 'publisher' | 'format' | 'language' | 'year' | 'band' | 'category'
export type FacetCounts = Record<FacetDimension, Map<string, number>>

/**
 * Counts by publisher, format, language, year, price band and facet category
 * in one statement: the matches are joined to their books once, into a
 * materialised table that each count reads. A book in several subcategories
 * of one facet category is counted once.
 */
export async function facetCounts(db: Db, scope: Scope, facetOf: Array<[categoryId: string, facetId: string]>): Promise<FacetCounts> {
  const band = sql<number | null>`CASE ${sql.join(
    [...PRICE_BANDS].reverse().map((lo) => sql`WHEN ${price} >= ${lo} THEN ${lo}`),
    sql` `,
  )} ELSE NULL END`
  const matched = scoped(db, scope).select(['b.isbn13', 'b.publisher', 'b.format', 'b.language', sql<string>`substr(b.issued_on, 1, 4)`.as('year'), band.as('band')])
  const by = (dim: FacetDimension) => sql`SELECT ${dim} AS dim, CAST(${sql.ref(dim)} AS TEXT) AS value, count(*) AS n FROM m GROUP BY ${sql.ref(dim)}`
  const branches = (['publisher', 'format', 'language', 'year', 'band'] as const).map(by)
  if (facetOf.length) {
    const facet = sql`CASE bc.category_id ${sql.join(facetOf.map(([cat, f]) => sql`WHEN ${cat} THEN ${f}`), sql` `)} END`
    // Filtering on the CASE rather than "category_id IN (…)" keeps the planner driving from the matches, not the category index.
    branches.push(sql`SELECT ${'category'} AS dim, ${facet} AS value, count(DISTINCT m.isbn13) AS n FROM m JOIN book_category bc ON bc.book_isbn13 = m.isbn13
      WHERE ${facet} IS NOT NULL GROUP BY 2`)
  }
  const rows = await db
    .with((cte) => cte('m').materialized(), () => matched)
    .selectFrom(sql<{ dim: FacetDimension; value: string | null; n: number }>`(${sql.join(branches, sql` UNION ALL `)})`.as('counts'))
    .selectAll()
    .execute()
  const counts: FacetCounts = { publisher: new Map(), format: new Map(), language: new Map(), year: new Map(), band: new Map(), category: new Map() }
  for (const r of rows) if (r.value != null) counts[r.dim].set(r.value, Number(r.n))
  return counts
}

function exactTitle(exact: { title: string; jsonPattern: string }): Expression<SqlBool> {
  // Portable: lower() and LIKE behave alike on both engines for the ASCII a translated title's key is compared in.
  return sql<SqlBool>`(b.title = ${exact.title} OR lower(b.title_translations) LIKE ${exact.jsonPattern} ESCAPE '\\')`
}

/** One page of ISBNs in the requested order. */
export async function pageIsbns(
  db: Db,
  scope: Scope,
  options: { sort: SearchSort; limit: number; offset: number; exact: { title: string; jsonPattern: string } | null; inTitle: Match | null },
): Promise<string[]> {
  let q = scoped(db, scope).select('b.isbn13')
  if (options.sort === 'relevance' && options.inTitle) {
    // Books whose title (or people) hold every term come before those that match only in the description;
    // among those, the shorter the title the more of it the query covers: the nearest to an exact match.
    // An uncorrelated IN is evaluated once into a lookup table, where a join would rescan the index.
    const inTitle = sql`b.isbn13 IN (SELECT isbn13 FROM ${options.inTitle.as('t')})`
    if (options.exact) q = q.orderBy(sql`CASE WHEN ${inTitle} AND ${exactTitle(options.exact)} THEN 0 ELSE 1 END`)
    q = q
      .orderBy(sql`CASE WHEN ${inTitle} THEN 0 ELSE 1 END`)
      .orderBy(sql`CASE WHEN ${inTitle} THEN length(b.title) + coalesce(length(b.subtitle), 0) ELSE round(m.score, 1) END`)
  }
  const available = sql`CASE WHEN b.on_sale = 1 AND b.stock > 0 THEN 0 ELSE 1 END`
  switch (options.sort) {
    case 'relevance':
      if (options.exact && !options.inTitle) q = q.orderBy(sql`CASE WHEN ${exactTitle(options.exact)} THEN 0 ELSE 1 END`)
      // bm25 to one decimal: scores that close are a tie, broken by availability and recency.
      if (scope.match && !options.inTitle) q = q.orderBy(sql`round(m.score, 1)`)
      q = q.orderBy(available).orderBy('b.issued_on', 'desc')
      break
    case 'newest':
      q = q.orderBy(sql`b.issued_on IS NULL`).orderBy('b.issued_on', 'desc')
      break
    case 'price':
      q = q.orderBy(sql`${price} IS NULL`).orderBy(price, 'asc')
      break
    case 'price_desc':
      q = q.orderBy(sql`${price} IS NULL`).orderBy(price, 'desc')
      break
    case 'title':
      q = q.orderBy('b.title', 'asc')
      break
  }
  const rows = await q.orderBy('b.isbn13', 'desc').limit(options.limit).offset(options.offset).execute()
  return rows.map((r) => r.isbn13)
}

/** The best-matching titles, for suggestions. */
export async function matchingTitles(db: Db, match: Match, limit: number): Promise<Array<{ isbn13: string; title: string; translations: string }>> {
  return db
    .selectFrom('book as b')
    .innerJoin(match.as('m'), 'm.isbn13', 'b.isbn13')
    .select(['b.isbn13', 'b.title', 'b.title_translations as translations'])
    .orderBy('m.score')
    .orderBy('b.issued_on', 'desc')
    .limit(limit)
    .execute()
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

export async function hasWordStartingWith(db: Db, prefix: string): Promise<boolean> {
  const row = await db.selectFrom('search_word').select('word').where('word', '>=', prefix).where('word', '<', prefix + '\u{10ffff}').limit(1).executeTakeFirst()
  return row !== undefined
}

export async function clearWords(trx: Db): Promise<void> {
  await trx.deleteFrom('search_word').execute()
}

/** Each category's Korean and English names with its ancestors', for indexing. */
export async function categoryPathNames(db: Db): Promise<Map<string, string[]>> {
  const rows = await db.selectFrom('category').select(['id', 'parent_id', 'name_ko', 'name_en']).execute()
  const byId = new Map(rows.map((r) => [r.id, r]))
  const out = new Map<string, string[]>()
  for (const r of rows) {
    const names: string[] = []
    for (let c: typeof r | undefined = r, depth = 0; c && depth < 32; c = c.parent_id ? byId.get(c.parent_id) : undefined, depth++) names.push(c.name_ko, c.name_en)
    out.set(r.id, names)
  }
  return out
}

import { sql } from 'kysely'
import { TEXT_FIELDS, type TextDocument, type TextField, type TextIndex, type TextPhrase, type TextQuery } from '../../text-index'

/**
 * PostgreSQL has four tsvector weights for six fields, so fields share them
 * by importance: A titles and identifiers, B people and 초성, C publisher and
 * categories, D descriptions and contents (FTS5's bm25 weights 10/20, 6/3, 2, 1).
 */
const WEIGHT: Record<TextField, 'A' | 'B' | 'C' | 'D'> = { title: 'A', codes: 'A', people: 'B', initials: 'B', meta: 'C', body: 'D' }
/** ts_rank's weights, in its order {D, C, B, A}. */
const RANK_WEIGHTS = '{0.1, 0.2, 0.6, 1.0}'

// Tokens hold only letters and digits (the application's tokeniser makes them); quoting each is all the escaping tsquery needs.
const quote = (token: string) => `'${token.replace(/'/g, "''")}'`

function phrase(p: TextPhrase, labels: string): string {
  return p.tokens.map((t, i) => `${quote(t)}${i === p.tokens.length - 1 && p.isPrefix ? ':*' : ''}${labels ? `${i === p.tokens.length - 1 && p.isPrefix ? '' : ':'}${labels}` : ''}`).join(' <-> ')
}

/** Fields whose weights (A and B) make up the `title_doc` column: a small vector of its own, with its own index. */
const inTitleDoc = (query: TextQuery) => query.fields !== undefined && query.fields.every((f) => WEIGHT[f] === 'A' || WEIGHT[f] === 'B')

/**
 * The column to match and the tsquery text for a TextQuery: every term, each
 * any of its alternatives, within the fields' weights. Title-side fields are
 * matched in `title_doc`, which holds nothing else: no weight check, and a
 * phrase's recheck reads a short vector instead of a book's whole text.
 */
export function tsMatch(query: TextQuery): { column: 'doc' | 'title_doc'; text: string } {
  return inTitleDoc(query) ? { column: 'title_doc', text: tsQuery({ terms: query.terms }) } : { column: 'doc', text: tsQuery(query) }
}

/** The tsquery text for a TextQuery: every term, each any of its alternatives, within the fields' weights. */
export function tsQuery(query: TextQuery): string {
  const labels = query.fields ? [...new Set(query.fields.map((f) => WEIGHT[f]))].join('') : ''
  return query.terms
    .filter((t) => t.alternatives.length)
    .map((t) => `(${t.alternatives.map((a) => `(${phrase(a, labels)})`).join(' | ')})`)
    .join(' & ')
}

/**
 * A tsvector over the application's tokens in a table of its own, keyed by
 * the ISBN-13 as a number, with a GIN index (made by the search migration).
 * 'simple' keeps the tokens as they are, so both engines index the same words.
 */
export const postgresTextIndex: TextIndex = {
  async write(trx, documents: TextDocument[]) {
    if (documents.length === 0) return
    for (let i = 0; i < documents.length; i += 500) {
      const rows = documents.slice(i, i + 500).map((d) => {
        const vector = sql.join(
          TEXT_FIELDS.map((f) => sql`setweight(to_tsvector('simple', ${d.fields[f].join(' ')}), ${WEIGHT[f]})`),
          sql` || `,
        )
        return sql`(${Number(d.isbn13)}, ${vector})`
      })
      await sql`INSERT INTO search_doc (id, doc) VALUES ${sql.join(rows)} ON CONFLICT (id) DO UPDATE SET doc = excluded.doc`.execute(trx)
    }
  },
  async remove(trx, isbns) {
    for (let i = 0; i < isbns.length; i += 5000) {
      await sql`DELETE FROM search_doc WHERE id IN (${sql.join(isbns.slice(i, i + 5000).map(Number))})`.execute(trx)
    }
  },
  async clear(trx) {
    await sql`DELETE FROM search_doc`.execute(trx)
  },
  matches(query, { isScored = true, first } = {}) {
    const { column, text } = tsMatch(query)
    const q = sql`to_tsquery('simple', ${text})`
    const score = isScored && first === undefined ? sql`-ts_rank(${RANK_WEIGHTS}::float4[], ${sql.ref(column)}, ${q})` : sql`0::float8`
    const some = first === undefined ? sql`` : sql` LIMIT ${first}`
    return sql<{ id: number; score: number }>`(SELECT id, ${score} AS score FROM search_doc WHERE ${sql.ref(column)} @@ ${q}${some})`
  },
  fromMatches(matches) {
    // One bound JSON array instead of thousands of parameters.
    const json = JSON.stringify(matches.map((m) => [m.id, m.score]))
    return sql<{ id: number; score: number }>`(SELECT (value->>0)::bigint AS id, (value->>1)::float8 AS score FROM jsonb_array_elements(${json}::jsonb))`
  },
  async count(db, query, upTo) {
    const { column, text } = tsMatch(query)
    const some = upTo === undefined ? sql`` : sql` LIMIT ${upTo}`
    const r = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT id FROM search_doc WHERE ${sql.ref(column)} @@ to_tsquery('simple', ${text})${some}) AS m`.execute(db)
    return Number(r.rows[0]?.n ?? 0)
  },
  async sizeOnDisk(db) {
    const r = await sql<{ bytes: number }>`SELECT pg_total_relation_size('search_doc') AS bytes`.execute(db)
    return r.rows[0] ? Number(r.rows[0].bytes) : null
  },
}

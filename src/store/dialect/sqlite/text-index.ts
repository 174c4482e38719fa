import { sql } from 'kysely'
import { TEXT_FIELDS, type TextDocument, type TextIndex, type TextPhrase, type TextQuery } from '../../text-index'

// Tokens hold only letters and digits (the application's tokeniser makes them), so quoting each is all the escaping FTS5 needs.
const quote = (token: string) => `"${token.replace(/"/g, '""')}"`

function phrase(p: TextPhrase): string {
  return `${quote(p.tokens.join(' '))}${p.isPrefix ? '*' : ''}`
}

/** The FTS5 query language for a TextQuery: `{title people} : ("중국" AND ("china" OR "chine"*))`. */
export function fts5Query(query: TextQuery): string {
  const terms = query.terms.filter((t) => t.alternatives.length).map((t) => (t.alternatives.length === 1 ? phrase(t.alternatives[0]!) : `(${t.alternatives.map(phrase).join(' OR ')})`))
  const body = terms.join(' AND ')
  return query.fields ? `{${query.fields.join(' ')}} : (${body})` : body
}

/**
 * FTS5 over the application's tokens: a contentless table (the text already
 * lives in `book`) whose rowid is the ISBN-13 as a number, so no mapping
 * table is needed. The table and its bm25 weights are made by the migration.
 */
export const sqliteTextIndex: TextIndex = {
  async write(trx, documents: TextDocument[]) {
    if (documents.length === 0) return
    await this.remove(trx, documents.map((d) => d.isbn13))
    // 7 bound values a row; SQLite allows 32,766 a statement.
    for (let i = 0; i < documents.length; i += 1000) {
      const rows = documents.slice(i, i + 1000).map((d) => sql`(${Number(d.isbn13)}, ${sql.join(TEXT_FIELDS.map((f) => d.fields[f].join(' ')))})`)
      await sql`INSERT INTO search_doc (rowid, ${sql.raw(TEXT_FIELDS.join(', '))}) VALUES ${sql.join(rows)}`.execute(trx)
    }
  },
  async remove(trx, isbns) {
    for (let i = 0; i < isbns.length; i += 5000) {
      await sql`DELETE FROM search_doc WHERE rowid IN (${sql.join(isbns.slice(i, i + 5000).map(Number))})`.execute(trx)
    }
  },
  async clear(trx) {
    await sql`DELETE FROM search_doc`.execute(trx)
  },
  matches(query, { isScored = true, first } = {}) {
    // Unranked, FTS5 walks the doclists in rowid order and stops after `first`: bounded work however broad the query.
    const some = first === undefined ? sql`` : sql` LIMIT ${first}`
    return sql<{ id: number; score: number }>`(SELECT rowid AS id, ${sql.raw(isScored && first === undefined ? 'rank' : '0')} AS score FROM search_doc WHERE search_doc MATCH ${fts5Query(query)}${some})`
  },
  fromMatches(matches) {
    // One bound JSON array instead of thousands of parameters.
    const json = JSON.stringify(matches.map((m) => [m.id, m.score]))
    return sql<{ id: number; score: number }>`(SELECT json_extract(value, '$[0]') AS id, json_extract(value, '$[1]') AS score FROM json_each(${json}))`
  },
  async count(db, query, upTo) {
    const some = upTo === undefined ? sql`` : sql` LIMIT ${upTo}`
    const r = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT rowid FROM search_doc WHERE search_doc MATCH ${fts5Query(query)}${some})`.execute(db)
    return Number(r.rows[0]?.n ?? 0)
  },
  async sizeOnDisk(db) {
    // dbstat is compiled into better-sqlite3's SQLite; the index is the table's shadow tables.
    const r = await sql<{ bytes: number }>`SELECT sum(pgsize) AS bytes FROM dbstat WHERE name LIKE 'search_doc%'`.execute(db)
    return r.rows[0]?.bytes ?? null
  },
}

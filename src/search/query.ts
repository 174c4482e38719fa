import { parseIsbn, type Isbn13 } from '../catalog'
import { queryPieces, wellFormed, type QueryPiece } from './tokenise'

/** Longer queries are cut: no book title needs more, and each piece costs an index lookup. */
export const MAX_QUERY_CHARS = 200

export interface AnalysedQuery {
  /** The cleaned query as typed, cut to MAX_QUERY_CHARS. */
  text: string
  isTruncated: boolean
  /** Set when the whole query is an ISBN in any form. */
  isbn: Isbn13 | null
  pieces: QueryPiece[]
}

function isbnOf(raw: string): Isbn13 | null {
  if (!/^[\s\dXx-]*$/i.test(raw.replace(/^isbn(?:-1[03])?:?/i, '')) || raw.replace(/\D/g, '').length < 9) return null
  try {
    return parseIsbn(raw)
  } catch {
    return null
  }
}

/** Cleans a raw query (control characters, lone surrogates, excess length) and splits it into pieces. */
export function analyseQuery(raw: string): AnalysedQuery {
  const cleaned = wellFormed(raw).replace(/[\p{Cc}\p{Cf}\s]+/gu, ' ').trim()
  const chars = [...cleaned]
  const isTruncated = chars.length > MAX_QUERY_CHARS
  const text = isTruncated ? chars.slice(0, MAX_QUERY_CHARS).join('').trim() : cleaned
  const isbn = isbnOf(text)
  if (isbn) return { text, isTruncated, isbn, pieces: [{ kind: 'isbn', text: isbn, tokens: [isbn], isPrefix: false }] }
  const pieces = queryPieces(text).map((p): QueryPiece => {
    // A ten- or thirteen-digit word that is an ISBN is looked up as the ISBN-13 the index holds.
    const asIsbn = p.kind === 'word' && /^(\d{9}[\dx]|\d{13})$/.test(p.text) ? isbnOf(p.text) : null
    return asIsbn ? { kind: 'isbn', text: asIsbn, tokens: [asIsbn], isPrefix: false } : p
  })
  return { text, isTruncated, isbn: null, pieces }
}

/** The query's words as typed (not initials or an ISBN), for checking that a title spells them out. */
export function spelledWords(analysed: AnalysedQuery): string[] {
  return analysed.pieces.filter((p) => p.kind === 'word' || p.kind === 'cjk').map((p) => p.text)
}

import type { Kysely, RawBuilder, Transaction } from 'kysely'
import type { Database } from './database'

/** The columns of the full-text index, each with its own weight in ranking. */
export const TEXT_FIELDS = ['title', 'people', 'codes', 'meta', 'body', 'initials'] as const
export type TextField = (typeof TEXT_FIELDS)[number]

/** One book in the index: its ISBN-13 and, per field, the tokens the application's tokeniser made. */
export interface TextDocument {
  isbn13: string
  fields: Record<TextField, string[]>
}

/** A sequence of tokens that must appear in this order; with isPrefix, the last one may continue. */
export interface TextPhrase {
  tokens: string[]
  isPrefix: boolean
}

/** Every term must match, in any of `fields` (all when absent); a term matches when any of its alternatives does. */
export interface TextQuery {
  terms: Array<{ alternatives: TextPhrase[] }>
  fields?: TextField[]
}

type Db = Kysely<Database> | Transaction<Database>

/**
 * The engine's full-text index over pre-tokenised documents. SQLite answers
 * with FTS5, PostgreSQL with a tsvector column; callers can't tell which.
 */
export interface TextIndex {
  /** Inserts or replaces documents, inside the caller's transaction. */
  write(trx: Db, documents: TextDocument[]): Promise<void>
  remove(trx: Db, isbns: string[]): Promise<void>
  clear(trx: Db): Promise<void>
  /**
   * A table expression of (id, score) for the books matching the query, id
   * being the ISBN-13 as an integer; lower score is better. Unscored matches
   * (score 0) cost less: counting needs no ranking. `first` takes only that
   * many, unscored and in no particular order: bounded work for a broad query.
   */
  matches(query: TextQuery, options?: { isScored?: boolean; first?: number }): RawBuilder<{ id: number; score: number }>
  /** A table expression of (id, score) over matches already fetched, so one ranking serves several statements. */
  fromMatches(matches: Array<{ id: number; score: number }>): RawBuilder<{ id: number; score: number }>
  /** How many books match, at most `upTo`: it ranks nothing, and stops counting there. */
  count(db: Db, query: TextQuery, upTo?: number): Promise<number>
  /** Bytes the index takes on disk, when the engine can tell. */
  sizeOnDisk(db: Db): Promise<number | null>
}

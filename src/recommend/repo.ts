import { randomBytes } from 'node:crypto'
import { sql, type Kysely, type Transaction } from 'kysely'
import { preparedQuery, type Database } from '../store'
import type { EventKind, Reason, ReasonKind } from './types'

// The folder's other files hold the database handle by this type: queries are written only here.
export type { Kysely }

type Db = Kysely<Database> | Transaction<Database>

export interface StoredEvent {
  sessionId: string
  isbn13: string
  kind: EventKind
  /** Milliseconds since the epoch. */
  at: number
}

export interface ListRow {
  isbn13: string
  recIsbn13: string
  rank: number
  reason: Reason
  score: number
}

/** Rows a statement writes: small enough that a synchronous engine holds the event loop for a few milliseconds at most. */
const EVENT_CHUNK = 100

/**
 * Appends events in small statements, letting waiting requests run between
 * them: a server records views while it serves pages. Ids are time-ordered
 * (UUIDv7), so the key index grows at its end instead of at random places.
 */
export async function insertEvents(db: Db, events: StoredEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += EVENT_CHUNK) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve))
    const rows = events.slice(i, i + EVENT_CHUNK).map((e) => ({ id: uuidv7(e.at), session_id: e.sessionId, isbn13: e.isbn13, kind: e.kind, at: new Date(e.at).toISOString() }))
    await db.insertInto('reco_event').values(rows).execute()
  }
}

/** A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits, so ids sort by time. */
export function uuidv7(ms: number): string {
  const bytes = randomBytes(16)
  bytes.writeUIntBE(ms, 0, 6)
  bytes[6] = (bytes[6]! & 0x0f) | 0x70
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** Every event, a page at a time, by id (so, for ids written since they were time-ordered, oldest first). */
export async function eventsAfter(db: Db, afterId: string, limit: number): Promise<Array<StoredEvent & { id: string }>> {
  const rows = await db.selectFrom('reco_event').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute()
  return rows.map((r) => ({ id: r.id, sessionId: r.session_id, isbn13: r.isbn13, kind: r.kind as EventKind, at: Date.parse(r.at) }))
}

/** A session's most recent events, newest first. */
export async function sessionEvents(db: Db, sessionId: string, limit: number): Promise<StoredEvent[]> {
  const rows = await db.selectFrom('reco_event').selectAll().where('session_id', '=', sessionId).orderBy('at', 'desc').limit(limit).execute()
  return rows.map((r) => ({ sessionId: r.session_id, isbn13: r.isbn13, kind: r.kind as EventKind, at: Date.parse(r.at) }))
}

/** Where a rebuild writes the new lists before they replace the old ones. */
const NEXT_LISTS = 'recommendation_next'

/**
 * Starts a new set of lists in a table of their own, beside the lists pages
 * read; a set left by a rebuild that did not finish is dropped.
 */
export async function startNextLists(db: Kysely<Database>): Promise<void> {
  await (db as unknown as Kysely<any>).schema.dropTable(NEXT_LISTS).ifExists().execute()
  // The key's constraint is left unnamed: a named one would keep its name through the swap and
  // collide with the next rebuild's (PostgreSQL names indexes per schema, and picks a free name itself).
  await sql`create table ${sql.table(NEXT_LISTS)} (
    isbn13 varchar(13) not null, rank integer not null, rec_isbn13 varchar(13) not null,
    reason varchar(16) not null, category_id varchar(64), score real not null,
    primary key (isbn13, rank))`.execute(db)
}

/**
 * Adds rows to the new set, in one short transaction: a server's writes (the
 * event log, orders) wait for one batch at most, never for a whole rebuild.
 */
export async function writeNextLists(db: Kysely<Database>, batches: Iterable<ListRow[]>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // 6 parameters a row; SQLite allows 32,766 a statement.
    for (const rows of batches) {
      await (trx as unknown as Kysely<any>)
        .insertInto(NEXT_LISTS)
        .values(rows.map((r) => ({ isbn13: r.isbn13, rank: r.rank, rec_isbn13: r.recIsbn13, reason: r.reason.kind, category_id: r.reason.categoryId ?? null, score: r.score })))
        .execute()
    }
  })
}

/**
 * Puts the new set in place of the old by renaming the tables in one
 * transaction, so readers see the old lists or the new ones, and the swap
 * takes as long at a million books as at ten.
 */
export async function swapInNextLists(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const schema = (trx as unknown as Kysely<any>).schema
    await schema.alterTable('recommendation').renameTo('recommendation_old').execute()
    await schema.alterTable(NEXT_LISTS).renameTo('recommendation').execute()
    await schema.dropTable('recommendation_old').execute()
  })
}

/** The precomputed lists of these books, each in rank order. */
/** One book's list, read on every product page: built and compiled once. */
const listOf = preparedQuery((db: Db, a: { isbn13: string }) => db.selectFrom('recommendation').selectAll().where('isbn13', '=', a.isbn13).orderBy('rank'))

export async function listsFor(db: Db, isbns: string[]): Promise<ListRow[]> {
  if (isbns.length === 0) return []
  const rows = isbns.length === 1 ? await listOf(db, { isbn13: isbns[0]! }) : await db.selectFrom('recommendation').selectAll().where('isbn13', 'in', isbns).orderBy('isbn13').orderBy('rank').execute()
  return rows.map((r) => ({
    isbn13: r.isbn13,
    recIsbn13: r.rec_isbn13,
    rank: r.rank,
    score: r.score,
    reason: r.category_id ? { kind: r.reason as ReasonKind, categoryId: r.category_id } : { kind: r.reason as ReasonKind },
  }))
}

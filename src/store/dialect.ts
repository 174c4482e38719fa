import type { Kysely, Transaction } from 'kysely'
import type { Database } from './database'
import type { TextIndex } from './text-index'

/**
 * What the rest of the code may know about the engine underneath: its
 * capabilities, never its name in a branch.
 */
export interface StoreDialect {
  readonly name: 'sqlite' | 'postgres'
  /** Where the data lives, for messages: a file path or host:port/database, never a password. */
  readonly location: string
  /** False for SQLite (one writer at a time), so bulk writers go serially. */
  readonly supportsParallelWrites: boolean
  /** Whether the engine can roll back CREATE/ALTER inside a transaction. */
  readonly supportsTransactionalDdl: boolean
  /** Whether a read replica of this engine can answer search (PostgreSQL streaming replication; SQLite has none). */
  readonly supportsReadReplica: boolean
  /** `onQuery` hears every query's duration, for metrics. */
  createKysely(onQuery?: (durationMs: number) => void): Kysely<Database>
  /**
   * A cheap, synchronous counter that moves whenever another connection or
   * process commits. Page caches read it on every request and consult the
   * change log only when it moved. Call after createKysely(); resolves once
   * it is watching.
   */
  foreignCommitCounter(): Promise<() => number>
  /** After rows were written with explicit values for a generated column, makes the next generated value follow them. */
  syncIdentity(db: Kysely<Database> | Transaction<Database>, table: keyof Database & string, column: string): Promise<void>
  /** After a bulk load, brings the query planner's statistics up to date. */
  refreshStatistics(db: Kysely<Database>): Promise<void>
  /** Full-text search over the application's tokens: FTS5 on SQLite, tsvector on PostgreSQL. */
  readonly textIndex: TextIndex
  /** Ends what the engine runs beside the connections (SQLite's checkpoint thread), once they are closed. */
  close?(): Promise<void>
}

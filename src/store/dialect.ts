import type { Kysely } from 'kysely'
import type { Database } from './database'
import type { TextIndex } from './text-index'

/**
 * What the rest of the code may know about the engine underneath: its
 * capabilities, never its name in a branch.
 */
export interface StoreDialect {
  readonly name: 'sqlite' | 'postgres'
  /** False for SQLite (one writer at a time), so bulk writers go serially. */
  readonly supportsParallelWrites: boolean
  /** Whether the engine can roll back CREATE/ALTER inside a transaction. */
  readonly supportsTransactionalDdl: boolean
  /** `onQuery` hears every query's duration, for metrics. */
  createKysely(onQuery?: (durationMs: number) => void): Kysely<Database>
  /**
   * A cheap, synchronous counter that moves whenever another connection or
   * process commits. Page caches read it on every request and consult the
   * change log only when it moved. Call after createKysely().
   */
  foreignCommitCounter(): () => number
  /** Full-text search over the application's tokens: FTS5 on SQLite. */
  readonly textIndex: TextIndex
}

import { sql, type Kysely } from 'kysely'
import type { Database } from './database'
import type { StoreDialect } from './dialect'
import { sqliteDialect } from './dialect/sqlite'
import { migrateToLatest } from './migrations'

export interface Store {
  readonly db: Kysely<Database>
  readonly dialect: StoreDialect
  /** See StoreDialect.foreignCommitCounter. */
  readonly foreignCommits: () => number
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>
  close(): Promise<void>
}

/** The one place that chooses an engine: a file path (or ":memory:") means SQLite. */
export function dialectFor(url: string): StoreDialect {
  return sqliteDialect(url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url)
}

export interface StoreOptions {
  /** Hears every query's duration in milliseconds (metrics). */
  onQuery?: (durationMs: number) => void
}

/** Opens the store and applies any pending migrations. */
export async function openStore(url: string, options: StoreOptions = {}): Promise<Store> {
  const dialect = dialectFor(url)
  const db = dialect.createKysely(options.onQuery)
  await migrateToLatest(db)
  return {
    db,
    dialect,
    foreignCommits: dialect.foreignCommitCounter(),
    ping: async () => {
      await sql`select 1`.execute(db)
    },
    close: () => db.destroy(),
  }
}

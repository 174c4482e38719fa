import { sql, type Kysely } from 'kysely'
import { StartupError, StoreUnavailableError } from '../core/errors'
import type { Database } from './database'
import type { StoreDialect } from './dialect'
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

export interface StoreOptions {
  /** Connections per process, for engines that pool them (default 10). */
  poolSize?: number
  /** Hears every query's duration in milliseconds (metrics). */
  onQuery?: (durationMs: number) => void
}

/** The one place that chooses an engine: a postgres:// URL means PostgreSQL, a file path (or sqlite:PATH, ":memory:") SQLite. */
export async function dialectFor(url: string, { poolSize = 10 }: StoreOptions = {}): Promise<StoreDialect> {
  // Each engine's driver loads only when it is chosen: pg alone costs a SQLite server a quarter second at start.
  if (/^postgres(ql)?:\/\//.test(url)) return (await import('./dialect/postgres')).postgresDialect(url, { poolSize })
  return (await import('./dialect/sqlite')).sqliteDialect(url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url)
}

/** Opens the store and applies any pending migrations; an unreachable database is a StartupError naming where and why. */
export async function openStore(url: string, options: StoreOptions = {}): Promise<Store> {
  const dialect = await dialectFor(url, options)
  const db = dialect.createKysely(options.onQuery)
  let foreignCommits: () => number
  try {
    await migrateToLatest(db)
    foreignCommits = await dialect.foreignCommitCounter()
  } catch (err) {
    await db.destroy().catch(() => {})
    if (err instanceof StoreUnavailableError) throw new StartupError(`cannot open the database: ${err.message}`, { cause: err })
    throw err
  }
  return {
    db,
    dialect,
    foreignCommits,
    ping: async () => {
      await sql`select 1`.execute(db)
    },
    close: () => db.destroy(),
  }
}

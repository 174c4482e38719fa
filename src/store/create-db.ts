import { sql, type Kysely } from 'kysely'
import { StartupError, StoreUnavailableError } from '../core/errors'
import type { Database } from './database'
import type { StoreDialect } from './dialect'
import { postgresDialect } from './dialect/postgres'
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

export interface StoreOptions {
  /** Connections per process, for engines that pool them (default 10). */
  poolSize?: number
  /** Hears every query's duration in milliseconds (metrics). */
  onQuery?: (durationMs: number) => void
}

/** The one place that chooses an engine: a postgres:// URL means PostgreSQL, a file path (or sqlite:PATH, ":memory:") SQLite. */
export function dialectFor(url: string, { poolSize = 10 }: StoreOptions = {}): StoreDialect {
  if (/^postgres(ql)?:\/\//.test(url)) return postgresDialect(url, { poolSize })
  return sqliteDialect(url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url)
}

/** Opens the store and applies any pending migrations; an unreachable database is a StartupError naming where and why. */
export async function openStore(url: string, options: StoreOptions = {}): Promise<Store> {
  const dialect = dialectFor(url, options)
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

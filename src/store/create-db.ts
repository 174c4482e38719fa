import { randomBytes } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { isPostgresUrl } from '../core/config'
import { StartupError, StoreUnavailableError } from '../core/errors'
import type { Database } from './database'
import type { StoreDialect } from './dialect'
import { migrateToLatest } from './migrations'

export interface Store {
  readonly db: Kysely<Database>
  /**
   * Where search reads: a read replica when the store was opened with a read
   * URL (COLOPHON_DB_READ_URL), else the same handle as `db`. It may lag the
   * primary by the replica's delay; nothing that must see its own write reads here.
   */
  readonly readDb: Kysely<Database>
  readonly dialect: StoreDialect
  /** See StoreDialect.foreignCommitCounter. */
  readonly foreignCommits: () => number
  /**
   * The secret that signs session ids and form tokens when the environment gives none:
   * made once, kept in the database, so every worker and every restart agrees on it.
   */
  generatedSecret(): Promise<string>
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>
  close(): Promise<void>
}

export interface StoreOptions {
  /** Connections per process, for engines that pool them (default 10). */
  poolSize?: number
  /** Hears every query's duration in milliseconds (metrics). */
  onQuery?: (durationMs: number) => void
  /** A read replica of the same engine for search (COLOPHON_DB_READ_URL): never migrated or written from here. */
  readUrl?: string
}

/** The one place that chooses an engine: a postgres:// URL means PostgreSQL, a file path (or sqlite:PATH, ":memory:") SQLite. */
export async function dialectFor(url: string, { poolSize = 10 }: StoreOptions = {}): Promise<StoreDialect> {
  // Each engine's driver loads only when it is chosen: pg alone costs a SQLite server a quarter second at start.
  if (isPostgresUrl(url)) return (await import('./dialect/postgres')).postgresDialect(url, { poolSize })
  return (await import('./dialect/sqlite')).sqliteDialect(url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url)
}

/** Opens the store and applies any pending migrations; an unreachable database is a StartupError naming where and why. */
export async function openStore(url: string, options: StoreOptions = {}): Promise<Store> {
  const dialect = await dialectFor(url, options)
  const db = dialect.createKysely(options.onQuery)
  let foreignCommits: () => number
  let readDb = db
  try {
    await migrateToLatest(db)
    foreignCommits = await dialect.foreignCommitCounter()
    if (options.readUrl) readDb = await openReplica(dialect, options.readUrl, options)
  } catch (err) {
    await db.destroy().catch(() => {})
    if (err instanceof StoreUnavailableError) throw new StartupError(`cannot open the database: ${err.message}`, { cause: err })
    throw err
  }
  return {
    db,
    readDb,
    dialect,
    foreignCommits,
    generatedSecret: () => generatedSecret(db),
    ping: async () => {
      await sql`select 1`.execute(db)
    },
    close: async () => {
      if (readDb !== db) await readDb.destroy()
      await db.destroy()
      await dialect.close?.()
    },
  }
}

/** The read replica's handle: the same engine as the primary, answering, with the primary's schema (a replica copies it; it is never migrated from here). */
async function openReplica(primary: StoreDialect, readUrl: string, options: StoreOptions): Promise<Kysely<Database>> {
  const dialect = await dialectFor(readUrl, options)
  if (dialect.name !== primary.name) throw new StartupError(`the read URL is ${dialect.name} but the database is ${primary.name}: a read replica must be a copy of the same engine`)
  if (!primary.supportsReadReplica) throw new StartupError(`${primary.name} has no read replicas: leave the read URL unset`)
  const readDb = dialect.createKysely(options.onQuery)
  try {
    await sql`select 1 from book limit 1`.execute(readDb)
  } catch (err) {
    await readDb.destroy().catch(() => {})
    throw new StartupError(`cannot read from the read replica: ${err instanceof Error ? err.message : String(err)}`, { cause: err })
  }
  return readDb
}

async function generatedSecret(db: Kysely<Database>): Promise<string> {
  // Two workers starting at once may both insert: the first wins and both read it back.
  await db
    .insertInto('store_setting')
    .values({ name: 'secret', value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute()
  const row = await db.selectFrom('store_setting').select('value').where('name', '=', 'secret').executeTakeFirstOrThrow()
  return row.value
}

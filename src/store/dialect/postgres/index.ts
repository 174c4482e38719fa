import pg from 'pg'
import { Kysely, PostgresDialect, sql } from 'kysely'
import type { Database } from '../../database'
import type { StoreDialect } from '../../dialect'
import { listenForCommits, type CommitListener } from './commit-listener'
import { guardedPool, isConnectionError, unavailable } from './unavailable'
import { postgresTextIndex } from './text-index'

export interface PostgresOptions {
  /** Connections this process keeps open at most. */
  poolSize: number
}

/** The channel the catalog_change trigger NOTIFYs after every committed write (see the migration). */
const COMMIT_CHANNEL = 'catalog_change'

// int8 (counts, prices) as a number, as SQLite returns it; catalog values stay far below 2^53.
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format ?? 'text'),
} as pg.CustomTypesConfig

// host:port/database of a postgres:// URL: what messages may show (never the password).
function describePostgresUrl(url: string): string {
  const u = new URL(url)
  return `${u.hostname || 'localhost'}:${u.port || '5432'}${u.pathname}`
}

/** PostgreSQL through node-postgres: a pool per process, plus one LISTEN connection for commits by others. */
export function postgresDialect(url: string, { poolSize }: PostgresOptions): StoreDialect {
  const location = describePostgresUrl(url)
  const config: pg.ClientConfig = { connectionString: url, types, connectionTimeoutMillis: 5000, keepAlive: true, application_name: 'colophon' }
  let listener: CommitListener | undefined
  /** Server process ids of this pool's connections, whose commits are not foreign. */
  const ownBackends = new Set<number>()
  const backendOf = (client: pg.PoolClient) => (client as unknown as { processID: number }).processID
  return {
    name: 'postgres',
    location,
    supportsParallelWrites: true,
    supportsTransactionalDdl: true,
    supportsReadReplica: true,
    textIndex: postgresTextIndex,
    createKysely(onQuery) {
      const pool = new pg.Pool({ ...config, max: poolSize })
      // An idle connection that dies (server restart) is dropped by the pool; the next query opens a new one.
      pool.on('error', () => {})
      pool.on('connect', (client) => ownBackends.add(backendOf(client)))
      pool.on('remove', (client) => ownBackends.delete(backendOf(client)))
      const guarded = guardedPool(pool, location)
      const end = async () => {
        await listener?.close()
        await guarded.end()
      }
      return new Kysely<Database>({
        dialect: new PostgresDialect({ pool: { ...guarded, end } }),
        ...(onQuery ? { log: (event) => (event.level === 'query' ? onQuery(event.queryDurationMillis) : undefined) } : {}),
      })
    },
    async foreignCommitCounter() {
      try {
        listener = await listenForCommits(config, COMMIT_CHANNEL, (pid) => ownBackends.has(pid))
      } catch (err) {
        throw isConnectionError(err) ? unavailable(location, err) : err
      }
      return listener.read
    },
    // Autovacuum would get there too, but a minute of plans made for empty tables is a minute of slow pages.
    async refreshStatistics(db) {
      await sql`ANALYZE`.execute(db)
    },
    async syncIdentity(db, table, column) {
      await sql`select setval(pg_get_serial_sequence(${table}, ${column}), coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0) + 1, false)`.execute(db)
    },
  }
}

import BetterSqlite3 from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { Kysely, SqliteAdapter, SqliteDialect } from 'kysely'
import type { Database } from '../../database'
import type { StoreDialect } from '../../dialect'
import { startCheckpointer } from './checkpointer'
import { sqliteTextIndex } from './text-index'

/**
 * Kysely prepares every query afresh; preparing costs about as much as a
 * point lookup runs. This keeps prepared statements by SQL text (bounded),
 * and prepares a fresh one when the kept one is still busy with a stream.
 */
function withStatementCache(connection: BetterSqlite3.Database, onClose: () => void, size = 500) {
  const statements = new Map<string, BetterSqlite3.Statement>()
  return {
    close: () => {
      connection.close()
      onClose()
    },
    prepare(sql: string) {
      const kept = statements.get(sql)
      if (kept && !kept.busy) return kept
      const statement = connection.prepare(sql)
      if (!kept) {
        if (statements.size >= size) statements.delete(statements.keys().next().value!)
        statements.set(sql, statement)
      }
      return statement
    },
  }
}

/** SQLite rolls back CREATE and ALTER with the rest of a transaction; Kysely's adapter doesn't claim it, so the Migrator would not use one. */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true
  }
}

class ColophonSqliteDialect extends SqliteDialect {
  override createAdapter() {
    return new TransactionalDdlSqliteAdapter()
  }
}

/** SQLite through better-sqlite3: WAL for concurrent readers, foreign keys on. */
export function sqliteDialect(path: string): StoreDialect {
  let connection: BetterSqlite3.Database | undefined
  let checkpointer: ReturnType<typeof startCheckpointer> | undefined
  return {
    name: 'sqlite',
    location: path,
    supportsParallelWrites: false,
    supportsTransactionalDdl: true,
    supportsReadReplica: false,
    textIndex: sqliteTextIndex,
    createKysely(onQuery) {
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
      connection = new BetterSqlite3(path)
      connection.pragma('journal_mode = WAL')
      connection.pragma('synchronous = NORMAL')
      connection.pragma('foreign_keys = ON')
      connection.pragma('busy_timeout = 5000')
      // 32 MB: the OS keeps the file's hot pages too; more here costs each worker memory and bought no speed (0.66 vs 0.68 ms a product render at a million books).
      connection.pragma('cache_size = -32768')
      // Checkpoints happen in a thread of their own; SQLite's automatic one (every 1,000 pages by default) is only the backstop, at 20,000.
      checkpointer = path === ':memory:' ? undefined : startCheckpointer(path)
      if (checkpointer) connection.pragma('wal_autocheckpoint = 20000')
      return new Kysely<Database>({
        dialect: new ColophonSqliteDialect({ database: withStatementCache(connection, () => void checkpointer?.stop()) }),
        ...(onQuery
          ? {
              log: (event) => {
                if (event.level === 'query') onQuery(event.queryDurationMillis)
              },
            }
          : {}),
      })
    },
    async foreignCommitCounter() {
      if (!connection) throw new Error('foreignCommitCounter() before createKysely()')
      // PRAGMA data_version changes only when another connection commits; a prepared statement reads it in about a microsecond.
      const statement = connection.prepare('PRAGMA data_version').pluck()
      return () => statement.get() as number
    },
    // The thread's own connection must be closed before anyone removes the database's files.
    close: async () => checkpointer?.stop(),
    // AUTOINCREMENT keeps its high-water mark in sqlite_sequence, which explicit values already move.
    async syncIdentity() {},
    // The queries are written for SQLite's planner without statistics; gathering some would change its plans.
    async refreshStatistics() {},
  }
}

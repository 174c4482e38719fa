import BetterSqlite3 from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { Kysely, SqliteDialect } from 'kysely'
import type { Database } from '../../database'
import type { StoreDialect } from '../../dialect'
import { sqliteTextIndex } from './text-index'

/** SQLite through better-sqlite3: WAL for concurrent readers, foreign keys on. */
export function sqliteDialect(path: string): StoreDialect {
  return {
    name: 'sqlite',
    supportsParallelWrites: false,
    supportsTransactionalDdl: true,
    textIndex: sqliteTextIndex,
    createKysely() {
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
      const connection = new BetterSqlite3(path)
      connection.pragma('journal_mode = WAL')
      connection.pragma('synchronous = NORMAL')
      connection.pragma('foreign_keys = ON')
      connection.pragma('busy_timeout = 5000')
      connection.pragma('cache_size = -65536')
      return new Kysely<Database>({ dialect: new SqliteDialect({ database: connection }) })
    },
  }
}

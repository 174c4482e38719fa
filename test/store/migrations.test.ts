import Database from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { migrateDown, migrateToLatest } from '../../src/store'

const open = () => new Kysely<any>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) })
let db: Kysely<any>
afterEach(() => db?.destroy())

async function tables(k: Kysely<any>): Promise<string[]> {
  const r = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(k)
  return r.rows.map((x) => x.name)
}

describe('sqlite: migrations', () => {
  it('builds the schema on an empty database', async () => {
    db = open()
    const result = await migrateToLatest(db)
    expect(result.results?.every((r) => r.status === 'Success')).toBe(true)
    expect(await tables(db)).toEqual(expect.arrayContaining(['book', 'book_category', 'category', 'contributor']))
  })

  it('does nothing on a database that is already current', async () => {
    db = open()
    await migrateToLatest(db)
    const again = await migrateToLatest(db)
    expect(again.results).toEqual([])
  })

  it('rolls back the newest migration', async () => {
    db = open()
    const first = await migrateToLatest(db)
    const down = await migrateDown(db)
    expect(down.results?.[0]?.migrationName).toBe(first.results!.at(-1)!.migrationName)
    expect(down.results?.[0]?.status).toBe('Success')
  })
})

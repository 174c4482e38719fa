import { Migrator, sql, type Kysely, type Migration } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { dialectFor, migrateDown, migrateToLatest } from '../../src/store'
import { migrations } from '../../src/store/migrations'
import { TABLES, type TableName } from '../../src/store/tables'
import { testDialects } from '../dialects'

/** Every table of Database; the full-text index (search_doc…) is each engine's own and left out. */
const TABLE_NAMES = Object.keys(TABLES).sort()

/** Table name → column names, as the engine reports them (Kysely's own tables left out). */
async function schema(db: Kysely<any>): Promise<Record<string, string[]>> {
  const tables = await db.introspection.getTables()
  return Object.fromEntries(tables.map((t) => [t.name, t.columns.map((c) => c.name).sort()]).sort())
}

/**
 * Every column's name, nullability, default and numbering, which must not
 * depend on the engine. A primary key counts as not null: SQLite reports a
 * single-column one as nullable, a legacy quirk its documentation keeps for
 * compatibility (sqlite.org/lang_createtable.html), though no code writes a null there.
 */
async function columnShapes(db: Kysely<any>) {
  const tables = await db.introspection.getTables()
  // SQLite reports any INTEGER PRIMARY KEY (a rowid alias) as generated, even where every row brings its own value.
  const isIdentity = (table: string, column: string) => (TABLES[table as TableName] as { identity?: string } | undefined)?.identity === column
  const isKey = (table: string, column: string) => (TABLES[table as TableName]?.key as readonly string[] | undefined)?.includes(column)
  return tables
    .filter((t) => !t.name.startsWith('search_doc'))
    .flatMap((t) => t.columns.map((c) => `${t.name}.${c.name} ${c.isNullable && !isKey(t.name, c.name) ? 'null' : 'not null'}${c.hasDefaultValue ? ' default' : ''}${c.isAutoIncrementing && isIdentity(t.name, c.name) ? ' generated' : ''}`))
    .sort()
}

/** A migration that creates a table and then fails, as a bad deploy would. */
const failsHalfWay: Migration = {
  async up(db) {
    await db.schema.createTable('half_done').addColumn('id', 'integer').execute()
    await db.schema.alterTable('book').addColumn('half_done_id', 'integer').execute()
    await sql`select no_such_function()`.execute(db)
  },
}

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: migrations`, () => {
    let db: Kysely<any> | undefined
    let drop: (() => Promise<void>) | undefined
    afterEach(async () => {
      await db?.destroy()
      await drop?.()
      db = drop = undefined
    })
    const open = async () => {
      const fresh = await dialect.freshDatabase()
      drop = fresh.drop
      db = (await dialectFor(fresh.url, { poolSize: 2 })).createKysely()
      return db
    }

    it('builds the schema on an empty database', async () => {
      const k = await open()
      const result = await migrateToLatest(k)
      expect(result.results?.every((r) => r.status === 'Success')).toBe(true)
      expect(Object.keys(await schema(k)).filter((t) => !t.startsWith('search_doc'))).toEqual(TABLE_NAMES)
    })

    it('does nothing on a database that is already current', async () => {
      const k = await open()
      await migrateToLatest(k)
      const again = await migrateToLatest(k)
      expect(again.results).toEqual([])
    })

    it('rolls back the newest migration', async () => {
      const k = await open()
      const first = await migrateToLatest(k)
      const down = await migrateDown(k)
      expect(down.results?.[0]?.migrationName).toBe(first.results!.at(-1)!.migrationName)
      expect(down.results?.[0]?.status).toBe('Success')
    })

    it('leaves the schema at the previous version when a migration fails half-way', async () => {
      const k = await open()
      await migrateToLatest(k)
      const before = await schema(k)
      const withBroken = { ...migrations, '2999-01-01T0000-fails-half-way': failsHalfWay }
      const result = await new Migrator({ db: k, provider: { getMigrations: async () => withBroken } }).migrateToLatest()
      expect(result.error).toBeDefined()
      expect(await schema(k)).toEqual(before)
      expect((await new Migrator({ db: k, provider: { getMigrations: async () => migrations } }).getMigrations()).every((m) => m.executedAt)).toBe(true)
    })

    it('stores created_at as the same UTC text on every engine', async () => {
      const k = await open()
      await migrateToLatest(k)
      await k.insertInto('book').values({ isbn13: '9788962633245', title: 't', format: 'paperback', updated_at: 'x' }).execute()
      const row = await k.selectFrom('book').select('created_at').executeTakeFirstOrThrow()
      expect(row.created_at).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/)
    })
  })
}

const pg = testDialects().find((d) => d.name === 'postgres')!

describe.skipIf(pg.skip)('postgres: migrations match SQLite', () => {
  it('gives every table the same columns, nullability, defaults and generated keys', async () => {
    const opened = await Promise.all(testDialects().map(async (d) => ({ fresh: await d.freshDatabase(), dialect: d })))
    const dbs = await Promise.all(opened.map(async ({ fresh }) => (await dialectFor(fresh.url, { poolSize: 2 })).createKysely()))
    try {
      for (const k of dbs) await migrateToLatest(k)
      const [sqliteShape, postgresShape] = await Promise.all(dbs.map(columnShapes))
      expect(postgresShape).toEqual(sqliteShape)
    } finally {
      for (const k of dbs) await k.destroy()
      for (const { fresh } of opened) await fresh.drop()
    }
  })
})

import { sql, type Kysely, type Transaction } from 'kysely'
import type { Store } from './create-db'
import type { Database } from './database'
import { TABLES, type TableName, type TableSpec } from './tables'

export interface CopyOptions {
  /** Rows read from the source per query (default 5000). */
  batchRows?: number
  onProgress?: (done: number, total: number) => void
}

export interface CopyReport {
  rows: Record<TableName, number>
  /** Tables in the source that are not part of the catalog (a search index, say): rebuild those on the target. */
  skipped: string[]
}

type AnyDb = Kysely<any> | Transaction<any>
type Row = Record<string, unknown>

// Both engines cap bound parameters per statement (SQLite 32,766, PostgreSQL 65,535).
const PARAMETERS_PER_STATEMENT = 30_000

/** Parents before their children, for a table that refers to itself. */
function parentsFirst(rows: Row[], key: string, parent: string): Row[] {
  const byKey = new Map(rows.map((r) => [r[key], r]))
  const placed = new Set<unknown>()
  const out: Row[] = []
  const place = (r: Row) => {
    if (placed.has(r[key])) return
    placed.add(r[key])
    const p = byKey.get(r[parent])
    if (p) place(p)
    out.push(r)
  }
  rows.forEach(place)
  return out
}

async function* batches(src: AnyDb, table: TableName, spec: TableSpec, size: number): AsyncGenerator<Row[]> {
  const keys = spec.key
  const ordered = () => keys.reduce((q, k) => q.orderBy(k), src.selectFrom(table).selectAll())
  if (spec.parent) {
    // Self-referring tables are small (the category tree): read whole, sort, then batch.
    const all = parentsFirst(await ordered().execute(), keys[0]!, spec.parent)
    for (let i = 0; i < all.length; i += size) yield all.slice(i, i + size)
    return
  }
  let after: Row | undefined
  for (;;) {
    const last = after
    const keyTuple = sql`(${sql.join(keys.map((k) => sql.ref(k)))})`
    const q = last ? ordered().where(sql<boolean>`${keyTuple} > (${sql.join(keys.map((k) => last[k]))})`) : ordered()
    const rows = await q.limit(size).execute()
    if (rows.length === 0) return
    yield rows
    after = rows.at(-1)
  }
}

async function count(db: AnyDb, table: string): Promise<number> {
  const r = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(r.n)
}

/**
 * Copies the whole catalog from one store to another, replacing what the
 * target held: in one target transaction, so readers of the target see the
 * old catalog or the new one, never half of each, and a failed or
 * interrupted copy leaves the target as it was. Running it again gives the
 * same result. The source is read inside one transaction too. Row counts are
 * compared before the commit.
 */
export async function copyStore(from: Store, to: Store, { batchRows = 5000, onProgress }: CopyOptions = {}): Promise<CopyReport> {
  const names = Object.keys(TABLES) as TableName[]
  // The audit log is append-only in the database itself: a copy may start it, never replace one.
  if ((await count(to.db, 'audit_entry')) > 0) {
    throw new Error(`${to.dialect.location} already has an audit log, which nothing may delete: copy into an empty database`)
  }
  const present = await from.db.introspection.getTables()
  // search_doc (FTS5 and its shadow tables, or a tsvector table) is each engine's own: the target reindexes instead.
  const skipped = present.map((t) => t.name).filter((n) => !(n in TABLES) && !n.startsWith('search_doc'))
  // One snapshot of the source for every batch (SQLite's read transaction gives one as it is).
  const report = await from.db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(async (src) => {
    const expected = {} as Record<TableName, number>
    for (const name of names) expected[name] = await count(src, name)
    const total = names.reduce((n, t) => n + expected[t], 0)
    let done = 0
    onProgress?.(0, total)
    await to.db.transaction().execute(async (dst) => {
      for (const name of [...names].reverse()) await dst.deleteFrom(name).execute()
      for (const name of names) {
        const spec: TableSpec = TABLES[name]
        for await (const rows of batches(src, name, spec, batchRows)) {
          const perStatement = Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / Object.keys(rows[0]!).length))
          for (let i = 0; i < rows.length; i += perStatement) await (dst as Transaction<any>).insertInto(name).values(rows.slice(i, i + perStatement)).execute()
          done += rows.length
          onProgress?.(done, total)
        }
        if (spec.identity) await to.dialect.syncIdentity(dst as Transaction<Database>, name, spec.identity)
        const copied = await count(dst, name)
        if (copied !== expected[name]) throw new Error(`copy of ${name}: ${expected[name]} rows in ${from.dialect.location}, ${copied} in ${to.dialect.location}`)
      }
      // Servers already running on the target drop every cached page.
      await dst.insertInto('catalog_change').values({ isbn13: null, changed_at: new Date().toISOString() }).execute()
    })
    return { rows: expected, skipped }
  })
  await to.dialect.refreshStatistics(to.db)
  return report
}

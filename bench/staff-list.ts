import BetterSqlite3 from 'better-sqlite3'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import pg from 'pg'
import { CatalogService, type StaffListQuery } from '../src/catalog'
import { encodeCursor } from '../src/catalog/staff-list'
import { fillDemoCatalog } from '../src/demo'
import { copyStore, openStore } from '../src/store'
import { percentile, repoRoot, row, type Bench, type BenchContext, type BenchRow } from './lib'

const RUNS = 40

/**
 * The demo catalog's books and categories without the search and
 * recommendation tables (the list reads neither), so a million books take
 * minutes rather than the hour the full demo does. The demo gives every book
 * a description, contents and a category and no price-law problem; these
 * marks give each filter something to find, spread over the catalog.
 */
const MARKS = [
  "UPDATE book SET cover_url = 'https://covers.example/' || isbn13 || '.jpg' WHERE rowid % 3 = 0",
  'UPDATE book SET description_html = NULL WHERE rowid % 500 = 0',
  'UPDATE book SET toc = NULL WHERE rowid % 700 = 3',
  "UPDATE book SET category_ids = '[]' WHERE rowid % 2000 = 5",
  'DELETE FROM book_category WHERE book_isbn13 IN (SELECT isbn13 FROM book WHERE rowid % 2000 = 5)',
  "UPDATE book SET sale_price = list_price * 8 / 10 WHERE rowid % 1000 = 7 AND currency = 'KRW' AND list_price IS NOT NULL",
  "INSERT INTO import_run (started_at, user_name, file, format, status) VALUES ('2026-12-02T00:00:00Z', 'bench', 'feed.xml', 'onix', 'done')",
  'INSERT INTO import_run_book (run_id, isbn13) SELECT 1, isbn13 FROM book WHERE rowid % 200 = 11',
]

const fingerprint = () => MARKS.join('\n') + readFileSync(`${repoRoot}/src/demo/generate.ts`, 'utf8').length

async function listDatabase(ctx: BenchContext): Promise<string> {
  mkdirSync(ctx.workDir, { recursive: true })
  const path = `${ctx.workDir}/staff-list-${ctx.books}.db`
  const stamp = `${path}.stamp`
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint()) {
    await (await openStore(path)).close()
    return path
  }
  ctx.log(`building the ${ctx.books}-book list catalog at ${path} (reused by later runs)`)
  for (const suffix of ['', '-wal', '-shm', '.stamp']) rmSync(path + suffix, { force: true })
  const store = await openStore(path)
  await fillDemoCatalog(new CatalogService(store.db), { books: ctx.books, batchSize: 5000, onProgress: (n, total) => n % 100_000 === 1 && ctx.log(`${n} / ${total}`) })
  await store.close()
  const conn = new BetterSqlite3(path)
  for (const mark of MARKS) conn.exec(mark)
  conn.close()
  writeFileSync(stamp, fingerprint())
  return path
}

/**
 * The same catalog copied into a database of its own on the server
 * COLOPHON_BENCH_PG_URL names, kept between runs like the SQLite file: the
 * database's comment holds the fingerprint it was copied at (a copy of a
 * million books takes minutes).
 */
async function listPostgres(ctx: BenchContext, sqlitePath: string, serverUrl: string): Promise<string> {
  const name = `staff_list_bench_${ctx.books}`
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  try {
    const kept = await admin.query<{ stamp: string | null }>(`SELECT shobj_description(oid, 'pg_database') AS stamp FROM pg_database WHERE datname = $1`, [name])
    if (kept.rows[0]?.stamp === fingerprint()) {
      await (await openStore(url.toString())).close()
      return url.toString()
    }
    ctx.log(`copying the ${ctx.books}-book list catalog into PostgreSQL database ${name} (reused by later runs)`)
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.query(`CREATE DATABASE ${name}`)
    const [from, to] = [await openStore(sqlitePath), await openStore(url.toString())]
    try {
      await copyStore(from, to, { onProgress: (done, total) => done % 200_000 < 5000 && ctx.log(`${done} / ${total} rows`) })
    } finally {
      await Promise.all([from.close(), to.close()])
    }
    await admin.query(`COMMENT ON DATABASE ${name} IS ${admin.escapeLiteral(fingerprint())}`)
    return url.toString()
  } finally {
    await admin.end()
  }
}

/** A cursor about `fraction` of the way down the unfiltered list in this order: where a deep page starts. */
function deepCursor(conn: BetterSqlite3.Database, key: string, fraction: number, pageSize: number): string {
  const offset = Math.floor((conn.prepare('SELECT count(*) AS n FROM book').get() as { n: number }).n * fraction)
  const at = conn.prepare(`SELECT ${key} AS key, isbn13 FROM book ORDER BY ${key}, isbn13 LIMIT 1 OFFSET ?`).get(offset) as { key: string | number; isbn13: string }
  return encodeCursor(Math.floor(offset / pageSize), at)
}

/** The offset way to the same depth, for comparison: the rows before it are read and thrown away. */
function offsetPage(conn: BetterSqlite3.Database, offset: number): number[] {
  const stmt = conn.prepare('SELECT isbn13 FROM book ORDER BY title, isbn13 LIMIT 50 OFFSET ?')
  const samples: number[] = []
  for (let i = 0; i < 5; i++) {
    const t = performance.now()
    stmt.all(offset)
    samples.push(performance.now() - t)
  }
  return samples
}

/** p95 of each case on one store: a warming pass, then RUNS timed ones, page 1 and (every other run) the page after it. */
async function measure(url: string, label: string, cases: Array<[string, StaffListQuery]>): Promise<BenchRow[]> {
  const store = await openStore(url, { poolSize: 1 })
  const catalog = new CatalogService(store.db)
  const rows: BenchRow[] = []
  try {
    for (const [name, query] of cases) {
      const samples: number[] = []
      let total: number | string = 0
      for (let i = 0; i <= RUNS; i++) {
        let t = performance.now()
        const page = await catalog.staffList({ pageSize: 50, ...query })
        if (i) samples.push(performance.now() - t)
        t = performance.now()
        if (page.next && i % 2) await catalog.staffList({ pageSize: 50, ...query, cursor: page.next })
        if (i && page.next && i % 2) samples.push(performance.now() - t)
        total = page.total
      }
      rows.push(row('staff-list', `${label}${name} p95`, percentile(samples, 95), 'ms', undefined, `p50 ${percentile(samples, 50).toFixed(1)} ms, ${total} matching, target < 100 ms`))
    }
  } finally {
    await store.close()
  }
  return rows
}

export const staffListBench: Bench = {
  name: 'staff-list',
  summary: "the back office's books list: p95 of each filter, sort and a deep page, in process (and on PostgreSQL with COLOPHON_BENCH_PG_URL)",
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const path = await listDatabase(ctx)
    const conn = new BetterSqlite3(path, { readonly: true })
    const deep = { sort: 'title', cursor: deepCursor(conn, 'title', 0.5, 50) } satisfies StaffListQuery
    const cases: Array<[string, StaffListQuery]> = [
      ['no filter, page 1', {}],
      ['no filter, page 10,000 (half way, by cursor)', deep],
      ['text: title prefix', { text: '잊힌' }],
      ['text: contributor prefix', { text: '김' }],
      ['text: ISBN', { text: '979-11-00-00001-4' }],
      ['text: ISBN prefix', { text: '97911000123' }],
      ['missing cover', { missing: ['cover'] }],
      ['missing description', { missing: ['description'] }],
      ['missing contents', { missing: ['toc'] }],
      ['missing category', { missing: ['category'] }],
      ['off sale', { offSale: true }],
      ['stock <= 0', { stockAtMost: 0 }],
      ['price-law problem', { priceLaw: true }],
      ['imported by run 1', { importRun: 1 }],
      ['category history (subtree)', { category: 'history' }],
      ['stock <= 0 + category history', { stockAtMost: 0, category: 'history' }],
      ['missing cover + off sale', { missing: ['cover'], offSale: true }],
      ...(['title', 'isbn', 'price', 'stock', 'issued', 'updated'] as const).flatMap((sort): Array<[string, StaffListQuery]> => [
        [`sort ${sort} ascending`, { sort }],
        [`sort ${sort} descending`, { sort, isDescending: true }],
      ]),
      ['missing description, sort price descending', { missing: ['description'], sort: 'price', isDescending: true }],
      ['stock <= 0, sort updated descending', { stockAtMost: 0, sort: 'updated', isDescending: true }],
    ]
    const rows = await measure(path, '', cases)
    const pgServer = process.env.COLOPHON_BENCH_PG_URL
    if (!pgServer) ctx.log('COLOPHON_BENCH_PG_URL is not set: PostgreSQL skipped')
    else rows.push(...(await measure(await listPostgres(ctx, path, pgServer), 'PostgreSQL: ', cases)))
    const offset = offsetPage(conn, 500_000)
    conn.close()
    rows.push(row('staff-list', 'offset page 10,000 (OFFSET 500,000) p95', percentile(offset, 95), 'ms', undefined, 'the bare SQL a page number would need, for comparison'))
    return rows
  },
}

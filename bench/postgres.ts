import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { feedFile, importInChild } from './import'
import { demoDatabase, percentile, repoRoot, row, targeted, type Bench, type BenchContext, type BenchRow } from './lib'
import { alternate, runWrk, serverMetric, startColophon, waitForHttp, type Started } from './load'
import { uncachedCosts } from './search'

const PG_PORT = 55450
const SQLITE_PORT = 3451
const POSTGRES_PORT = 3452
const PRODUCT_URLS = 2000

/** Newest installed PostgreSQL's binaries (Debian's postgresql package), or null. */
function pgBin(): string | null {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return null
  const versions = readdirSync(root).filter((v) => existsSync(`${root}/${v}/bin/initdb`)).sort((a, b) => Number(a) - Number(b))
  return versions.length ? `${root}/${versions.at(-1)}/bin` : null
}

/**
 * A cluster of the bench's own under bench/work (kept between runs, as the
 * copied catalog is), on loopback, pinned to the server's core. Commits don't
 * wait for the disk (synchronous_commit=off), as SQLite's WAL in NORMAL mode
 * doesn't: both keep every commit but the last few on power loss.
 */
function startCluster(ctx: BenchContext, bin: string): { url(db: string): string; sql(statement: string, db?: string): void; stop(): void } {
  const dir = `${ctx.workDir}/pg-cluster`
  const asPostgres = (cmd: string, args: string[]) =>
    process.getuid?.() === 0 ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: ['ignore', 'pipe', 'pipe'] }) : execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  if (!existsSync(`${dir}/data/PG_VERSION`)) {
    mkdirSync(dir, { recursive: true })
    if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres', dir])
    ctx.log(`creating a PostgreSQL cluster at ${dir}`)
    asPostgres(`${bin}/initdb`, ['-D', `${dir}/data`, '--locale=C.UTF-8', '--encoding=UTF8', '-U', 'postgres', '--auth=trust'])
  }
  try {
    // A cluster left running by an interrupted run: stopped, to start with this run's settings.
    asPostgres(`${bin}/pg_ctl`, ['-D', `${dir}/data`, '-m', 'fast', 'stop'])
  } catch {
    /* not running */
  }
  const options = `-c listen_addresses=127.0.0.1 -p ${PG_PORT} -k ${dir} -c shared_buffers=1GB -c synchronous_commit=off -c max_connections=50`
  execFileSync('taskset', ['-c', '0', ...(process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : []), `${bin}/pg_ctl`, '-D', `${dir}/data`, '-l', `${dir}/server.log`, '-w', '-o', options, 'start'], { stdio: 'ignore' })
  const psql = (statement: string, db = 'postgres') => asPostgres(`${bin}/psql`, ['-h', '127.0.0.1', '-p', String(PG_PORT), '-U', 'postgres', '-qc', statement, db])
  try {
    psql('CREATE ROLE colophon LOGIN CREATEDB')
  } catch {
    /* made by an earlier run */
  }
  return {
    url: (db) => `postgres://colophon@127.0.0.1:${PG_PORT}/${db}`,
    sql: psql,
    stop: () => void asPostgres(`${bin}/pg_ctl`, ['-D', `${dir}/data`, '-m', 'fast', 'stop']),
  }
}

/** The demo catalog copied into PostgreSQL with `colophon copy`, redone only when the SQLite file was rebuilt. */
function copiedCatalog(ctx: BenchContext, sqlite: string, cluster: ReturnType<typeof startCluster>): string {
  const name = `demo_${ctx.books}`
  const stamp = `${ctx.workDir}/pg-${name}.stamp`
  const wanted = readFileSync(`${sqlite}.stamp`, 'utf8')
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return cluster.url(name)
  ctx.log(`copying the ${ctx.books}-book catalog into PostgreSQL (${name}); reused by later runs`)
  cluster.sql(`DROP DATABASE IF EXISTS ${name}`)
  cluster.sql(`CREATE DATABASE ${name} OWNER colophon`)
  const started = performance.now()
  execFileSync(process.execPath, [`${repoRoot}/dist/colophon.mjs`, 'copy', '--from', `sqlite:${sqlite}`, '--to', cluster.url(name)], { stdio: ['ignore', 'inherit', 'inherit'] })
  ctx.log(`copied in ${((performance.now() - started) / 1000).toFixed(0)} s`)
  // Fresh statistics, as autovacuum would gather after a while: the planner needs them.
  cluster.sql('VACUUM ANALYZE', name)
  writeFileSync(stamp, wanted)
  return cluster.url(name)
}

export const postgresBench: Bench = {
  name: 'postgres',
  summary: 'product page, search and import on PostgreSQL beside SQLite, same catalog, same run',
  async run(ctx): Promise<BenchRow[]> {
    const bin = pgBin()
    if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql postgresql-contrib): the postgres bench needs its initdb and pg_ctl')
    const sqlite = demoDatabase(ctx)
    const cluster = startCluster(ctx, bin)
    const servers: Started[] = []
    try {
      const postgres = copiedCatalog(ctx, sqlite, cluster)
      const rows: BenchRow[] = []

      ctx.log('product pages without the page cache')
      const { default: Database } = await import('better-sqlite3')
      const conn = new Database(sqlite, { readonly: true })
      const step = Math.max(1, Math.floor(ctx.books / PRODUCT_URLS))
      const isbns = (conn.prepare('SELECT isbn13 FROM book ORDER BY isbn13').pluck().all() as string[]).filter((_, i) => i % step === 0).slice(0, PRODUCT_URLS)
      conn.close()
      const paths = `${ctx.workDir}/postgres-product-paths.txt`
      writeFileSync(paths, isbns.map((i) => `/books/${i}`).join('\n') + '\n')
      for (const [db, port] of [[sqlite, SQLITE_PORT], [postgres, POSTGRES_PORT]] as const) {
        const server = startColophon(db, port, { args: ['--no-page-cache'] })
        servers.push(server)
        await waitForHttp(`http://127.0.0.1:${port}/readyz`)
      }
      const a = `http://127.0.0.1:${SQLITE_PORT}`
      const b = `http://127.0.0.1:${POSTGRES_PORT}`
      const wrk = (base: string, seconds: number) => runWrk(base, paths, { seconds, connections: 10, workDir: ctx.workDir })
      // One pass over every URL first, so both databases have the pages' rows in memory.
      wrk(a, 3)
      wrk(b, 3)
      const runs = alternate(() => wrk(a, 10), () => wrk(b, 10))
      const sq = { rps: runs.a.rps, p99: runs.a.p99ms, p50: runs.a.p50ms }
      const pg = { rps: runs.b.rps, p99: runs.b.p99ms, p50: runs.b.p50ms }
      const render = async (base: string, q: string) => (await serverMetric(base, 'colophon_page_render_seconds', `quantile="${q}",route="product"`)) * 1000
      rows.push(
        row('postgres', 'product page p50 (no cache)', pg.p50, 'ms', { name: 'SQLite ms', value: sq.p50 }, `10 connections, ${PRODUCT_URLS} books, A B A B`),
        row('postgres', 'product page p99 (no cache)', pg.p99, 'ms', { name: 'SQLite ms', value: sq.p99 }),
        row('postgres', 'product pages/s (no cache)', pg.rps, 'req/s', { name: 'SQLite req/s', value: sq.rps }),
        row('postgres', 'product render p50', await render(b, '0.5'), 'ms', { name: 'SQLite ms', value: await render(a, '0.5') }, 'server metric: queries and HTML'),
        row('postgres', 'product render p99', await render(b, '0.99'), 'ms', { name: 'SQLite ms', value: await render(a, '0.99') }),
      )
      await Promise.all(servers.splice(0).map((s) => s.stop()))

      ctx.log('search, uncached, in process')
      const costs = { sqlite: await uncachedCosts(sqlite), postgres: await uncachedCosts(postgres) }
      for (const [name, key, p] of [['search p50', 'search', 50], ['search p95', 'search', 95], ['suggestions p95', 'suggest', 95], ['category page p95', 'shelves', 95]] as const) {
        const r = row('postgres', `uncached ${name}`, percentile(costs.postgres[key], p), 'ms', { name: 'SQLite ms', value: percentile(costs.sqlite[key], p) }, 'same queries as the search bench, each once')
        rows.push(key === 'search' || key === 'shelves' ? targeted(r, '≤', 1.5, 'ratio', '≤ 1.5× SQLite') : r)
      }
      for (const [i, [q, rank]] of costs.postgres.seedRanks.entries()) {
        rows.push(targeted(row('postgres', `seed book's rank for "${q}"`, rank || Infinity, 'place', { name: 'SQLite place', value: costs.sqlite.seedRanks[i]![1] }), '≤', 24, 'value', 'page 1 (≤ 24)'))
      }

      ctx.log('import into empty databases')
      const feed = await feedFile(ctx)
      const emptySqlite = `${ctx.workDir}/postgres-import.db`
      for (const suffix of ['', '-wal', '-shm']) rmSync(emptySqlite + suffix, { force: true })
      cluster.sql('DROP DATABASE IF EXISTS import_bench')
      cluster.sql('CREATE DATABASE import_bench OWNER colophon')
      const intoSqlite = importInChild(feed, emptySqlite)
      const intoPostgres = importInChild(feed, cluster.url('import_bench'))
      rows.push(
        row('postgres', 'ONIX import, empty database', Math.round(intoPostgres.records / intoPostgres.seconds), 'products/s', { name: 'SQLite products/s', value: Math.round(intoSqlite.records / intoSqlite.seconds) }, `${intoPostgres.records} products, end to end`),
        row('postgres', 'ONIX import peak RSS', intoPostgres.maxRssMb, 'MB', { name: 'SQLite MB', value: intoSqlite.maxRssMb }, 'the importing process'),
      )
      cluster.sql('DROP DATABASE IF EXISTS import_bench')
      rmSync(emptySqlite, { force: true })
      return rows
    } finally {
      await Promise.all(servers.map((s) => s.stop()))
      cluster.stop()
    }
  },
}

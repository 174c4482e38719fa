import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, rmSync } from 'node:fs'
import type { BookFacts, BookSummary } from '../src/catalog'
import { buildServices } from '../src/cli/services'
import { Random } from '../src/demo/random'
import { RecommendService } from '../src/recommend'
import { openStore } from '../src/store'
import { demoDatabase, percentile, repoRoot, row, targeted, type Bench, type BenchRow } from './lib'
import { syntheticHistory, type Reader } from './recommend-history'

const TOP_N = 10
/** Readers whose held-out purchase is predicted; more adds time, not information. */
const EVALUATED = 2000
/** Catalog coverage looks at every book's list up to this many books, else at a sample this size. */
const COVERAGE_SAMPLE = 20_000
const DAY_MS = 86_400_000
/** At a million books the history is as big as the target: five million events. */
const FULL_SIZE_EVENTS = 5_000_000
/** Events written per flush while the history is recorded. */
const WRITE_EVERY = 50_000

/** Readers for about `events` training events, from the mean of a small sample (the generator is deterministic). */
function readersFor(facts: BookFacts[], events: number, now: number): number {
  const sample = syntheticHistory(facts, 1000, now)
  const perReader = sample.reduce((n, r) => n + (holdOut(r)?.train.length ?? 0), 0) / sample.length
  return Math.max(1, Math.round(events / perReader))
}

/** What the history generator needs of a book; the text would cost gigabytes at a million books. */
const withoutText = (b: BookFacts): BookFacts => ({ ...b, text: '' })

/** The held-out purchase and the book the reader was on before it (their last training purchase). */
function holdOut(reader: Reader): { train: Reader['events']; query: string; target: string } | undefined {
  const purchases = reader.events.filter((e) => e.kind === 'purchase')
  if (purchases.length < 2) return undefined
  const last = purchases.at(-1)!
  const train = reader.events.filter((e) => e.at < last.at && !(e.kind === 'view' && e.isbn13 === last.isbn13 && last.at - e.at <= 120_000))
  return { train, query: purchases.at(-2)!.isbn13, target: last.isbn13 }
}

export const recommendBench: Bench = {
  name: 'recommend',
  summary: 'hit-rate@10 and coverage of recommendations vs the category baseline, lookup and rebuild time',
  async run(ctx) {
    const source = demoDatabase(ctx)
    const path = `${ctx.workDir}/recommend-${ctx.books}.db`
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(path + suffix)) rmSync(path + suffix)
    copyFileSync(source, path)
    const store = await openStore(path)
    try {
      const { catalog } = buildServices(store)
      const facts: BookFacts[] = []
      for await (const batch of catalog.bookFacts()) for (const b of batch) facts.push(withoutText(b))
      const now = Date.parse('2026-11-28T00:00:00Z')
      const targetEvents = ctx.events ?? (ctx.books >= 1_000_000 ? FULL_SIZE_EVENTS : undefined)
      const readerCount = targetEvents ? readersFor(facts, targetEvents, now) : Math.max(500, Math.min(20_000, Math.round(ctx.books / 4)))
      ctx.log(`generating the history of ${readerCount} readers`)
      const readers = syntheticHistory(facts, readerCount, now)
      const cases = readers.flatMap((r) => holdOut(r) ?? [])
      // Unbounded buffer: the whole history is recorded before the first write.
      const recommend = new RecommendService(store.db, catalog, { batchSize: 5000, maxBuffered: Infinity })
      let events = 0
      for (const c of cases) {
        for (const e of c.train) (recommend.events.record(e.reader, e.isbn13, e.kind, e.at), events++)
        if (events % WRITE_EVERY < c.train.length) await recommend.events.flush()
      }
      await recommend.events.flush()
      ctx.log(`${events} training events written; rebuilding in a process of its own`)

      // As `colophon recommend --rebuild` runs: its own process, whose peak RSS is the rebuild's alone.
      const out = execFileSync(process.execPath, ['--import', 'tsx', `${repoRoot}/bench/recommend-child.ts`, path, String(now + DAY_MS)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
      const stats = JSON.parse(out.trim().split('\n').at(-1)!) as Awaited<ReturnType<RecommendService['rebuild']>> & { maxRssMb: number; maxAnonMb: number }

      const evaluated = cases.slice(0, EVALUATED)
      const timing = { baseline: [] as number[], method: [] as number[] }
      const hits = { baseline: 0, method: 0 }
      const recommended = { baseline: new Set<string>(), method: new Set<string>() }
      const shownToReaders = { baseline: new Set<string>(), method: new Set<string>() }
      const lists = async (isbn: string) => {
        const book = await catalog.getBook(isbn as BookSummary['isbn13'])
        let t = performance.now()
        const baseline = (await catalog.related(book, TOP_N)).map((b) => b.isbn13 as string)
        timing.baseline.push(performance.now() - t)
        t = performance.now()
        const method = (await recommend.forBook(book)).slice(0, TOP_N).map((r) => r.book.isbn13 as string)
        timing.method.push(performance.now() - t)
        return { baseline, method }
      }
      for (const c of evaluated) {
        const got = await lists(c.query)
        for (const k of ['baseline', 'method'] as const) for (const isbn of got[k]) shownToReaders[k].add(isbn)
        if (got.baseline.includes(c.target)) hits.baseline++
        if (got.method.includes(c.target)) hits.method++
      }
      const rnd = new Random(11)
      const onSale = facts.filter((f) => f.onSale)
      const sources = onSale.length <= COVERAGE_SAMPLE ? onSale : Array.from({ length: COVERAGE_SAMPLE }, () => rnd.pick(onSale))
      for (const source of sources) {
        const got = await lists(source.isbn13)
        for (const k of ['baseline', 'method'] as const) for (const isbn of got[k]) recommended[k].add(isbn)
      }
      const hitRate = (n: number) => n / evaluated.length
      const coverage = (s: Set<string>) => s.size / onSale.length
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
      const base = (name: string, value: number) => ({ name, value })
      const b = 'recommend'
      const note = `${readerCount} readers, ${evaluated.length} held-out purchases`
      return [
        row(b, 'hit-rate@10', hitRate(hits.method), 'ratio', base('category baseline', hitRate(hits.baseline)), note),
        row(b, 'coverage', coverage(recommended.method), 'ratio', base('category baseline', coverage(recommended.baseline)), `books on sale in any top-10 list, over ${sources.length} books' lists`),
        row(b, 'coverage of pages read', coverage(shownToReaders.method), 'ratio', base('category baseline', coverage(shownToReaders.baseline)), `books on sale in the top-10 lists of the ${evaluated.length} evaluated readers' pages`),
        row(b, 'lookup mean', mean(timing.method), 'ms', base('related()', mean(timing.baseline)), 'precomputed list + summaries, per product page'),
        row(b, 'lookup p99', percentile(timing.method, 99), 'ms', base('related()', percentile(timing.baseline, 99))),
        targeted(row(b, 'rebuild', stats.seconds, 's', undefined, `${stats.books} books, ${stats.events} events, ${stats.sessions} sessions, ${stats.rows} rows; the target is for 1,000,000 books and 5,000,000 events`), '<', 600, 'value', '< 10 min'),
        targeted(row(b, 'rebuild peak memory', stats.maxAnonMb, 'MB', undefined, 'the rebuild process as a whole (openStore, services, rebuild), its own memory (RssAnon, sampled every 50 ms)'), '<', 1024, 'value', '< 1 GB'),
        row(b, 'rebuild peak RSS', stats.maxRssMb, 'MB', undefined, 'the same, with the database pages SQLite maps into memory (page cache shared with other readers)'),
      ] satisfies BenchRow[]
    } finally {
      await store.close()
    }
  },
}

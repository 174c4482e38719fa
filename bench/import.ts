import { execFileSync } from 'node:child_process'
import { copyFileSync, createWriteStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { generatedBook } from '../src/demo'
import { onixMessage, openInput } from '../src/ingest'
import { readOnix } from '../src/ingest/onix/reader'
import { demoDatabase, repoRoot, row, type Bench, type BenchContext, type BenchRow } from './lib'

const PRODUCTS = 100_000
/** Feed books are numbered past any demo catalog, so every product is a new book. */
const FIRST = 5_000_001

export async function feedFile(ctx: BenchContext): Promise<string> {
  const path = `${ctx.workDir}/import-feed-${PRODUCTS}.xml`
  if (existsSync(path)) return path
  mkdirSync(ctx.workDir, { recursive: true })
  ctx.log(`generating an ONIX feed of ${PRODUCTS} products at ${path}`)
  async function* books() {
    for (let n = FIRST; n < FIRST + PRODUCTS; n++) yield { ...generatedBook(n), isbn10: null, updatedAt: '' }
  }
  await pipeline(Readable.from(onixMessage(books())), createWriteStream(`${path}.tmp`))
  execFileSync('mv', [`${path}.tmp`, path])
  return path
}

async function parseRate(feed: string): Promise<number> {
  const started = performance.now()
  let records = 0
  for await (const _ of readOnix(openInput(feed), feed, () => {})) records++
  return records / ((performance.now() - started) / 1000)
}

export function importInChild(feed: string, db: string): { records: number; seconds: number; maxRssMb: number; cpuSeconds: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', `${repoRoot}/bench/import-child.ts`, feed, db], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  return JSON.parse(out.trim().split('\n').at(-1)!)
}

function freshCopy(from: string | null, to: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(to + suffix, { force: true })
  if (from) copyFileSync(from, to)
}

export const importBench: Bench = {
  name: 'import',
  summary: `ONIX import of ${PRODUCTS / 1000}k generated products: parse rate, end to end into an empty and the demo DB`,
  async run(ctx) {
    const feed = await feedFile(ctx)
    const mb = statSync(feed).size / 1024 / 1024
    ctx.log(`feed: ${mb.toFixed(0)} MB; measuring the parse rate`)
    const parse = await parseRate(feed)
    const baseline = { name: 'parse products/s', value: Math.round(parse) }
    const rows: BenchRow[] = [row('import', 'parse only', Math.round(parse), 'products/s', undefined, `saxes + mapping, ${mb.toFixed(0)} MB feed`)]
    const empty = `${ctx.workDir}/import-empty.db`
    freshCopy(null, empty)
    ctx.log('importing into an empty database')
    const a = importInChild(feed, empty)
    rows.push(row('import', 'end to end, empty db', Math.round(a.records / a.seconds), 'products/s', baseline, 'parse, validate, merge, write'))
    rows.push(row('import', 'end to end per CPU-second, empty db', Math.round(a.records / a.cpuSeconds), 'products/s', undefined, 'user CPU of the whole process, startup included; steadier than wall time on a busy machine'))
    rows.push(row('import', 'peak RSS, empty db', a.maxRssMb, 'MB'))
    const demo = demoDatabase(ctx)
    const copy = `${ctx.workDir}/import-demo-copy.db`
    freshCopy(demo, copy)
    ctx.log(`importing into a copy of the ${ctx.books}-book demo database`)
    const b = importInChild(feed, copy)
    rows.push(row('import', `end to end, ${ctx.books}-book db`, Math.round(b.records / b.seconds), 'products/s', baseline, 'parse, validate, merge, write'))
    rows.push(row('import', `end to end per CPU-second, ${ctx.books}-book db`, Math.round(b.records / b.cpuSeconds), 'products/s'))
    rows.push(row('import', `peak RSS, ${ctx.books}-book db`, b.maxRssMb, 'MB'))
    for (const f of [empty, copy]) freshCopy(null, f)
    return rows
  },
}

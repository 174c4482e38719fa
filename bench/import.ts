import { execFileSync } from 'node:child_process'
import { copyFileSync, createWriteStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { SaxesParser } from 'saxes'
import { generatedBook } from '../src/demo'
import { onixMessage, openInput } from '../src/ingest'
import { readMarc } from '../src/ingest/marc/iso2709'
import { readOnix } from '../src/ingest/onix/reader'
import { demoDatabase, repoRoot, row, type Bench, type BenchContext, type BenchRow } from './lib'
import { marcRecord } from './marc-feed'

const PRODUCTS = 100_000
/** About 1 GB of the same products: the file whose import must still stay under the RSS target. */
const BIG_PRODUCTS = 230_000
const SMALL_DB_BOOKS = 20_000
/** Feed books are numbered past any demo catalog, so every product is a new book. */
const FIRST = 5_000_001

async function generate(ctx: BenchContext, path: string, what: string, write: (path: string) => Promise<void>): Promise<string> {
  if (existsSync(path)) return path
  mkdirSync(ctx.workDir, { recursive: true })
  ctx.log(`generating ${what} at ${path}`)
  await write(`${path}.tmp`)
  execFileSync('mv', [`${path}.tmp`, path])
  return path
}

function* feedBooks(count: number) {
  for (let n = FIRST; n < FIRST + count; n++) yield { ...generatedBook(n), isbn10: null, updatedAt: '' }
}

export function feedFile(ctx: BenchContext, products = PRODUCTS): Promise<string> {
  return generate(ctx, `${ctx.workDir}/import-feed-${products}.xml`, `an ONIX feed of ${products} products`, async (to) => {
    await pipeline(Readable.from(onixMessage((async function* () { yield* feedBooks(products) })())), createWriteStream(to))
  })
}

/** The same books as MARC 21 (ISO 2709, UTF-8) records. */
function marcFile(ctx: BenchContext): Promise<string> {
  return generate(ctx, `${ctx.workDir}/import-marc-${PRODUCTS}.mrc`, `a MARC file of ${PRODUCTS} records`, async (to) => {
    await pipeline(Readable.from((function* () { for (const book of feedBooks(PRODUCTS)) yield marcRecord(book) })()), createWriteStream(to))
  })
}

/** The floor: saxes over the same decoded text with no handler but one counting products. */
async function bareParseRate(feed: string): Promise<number> {
  const started = performance.now()
  let products = 0
  const parser = new SaxesParser({ xmlns: false, position: true })
  parser.on('closetag', (tag) => {
    if (tag.name === 'Product') products++
  })
  const decoder = new TextDecoder('utf-8')
  for await (const chunk of openInput(feed)) parser.write(decoder.decode(chunk, { stream: true }))
  parser.close()
  return products / ((performance.now() - started) / 1000)
}

async function readRate(read: typeof readOnix, feed: string): Promise<number> {
  const started = performance.now()
  let records = 0
  for await (const _ of read(openInput(feed), feed, () => {})) records++
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
  summary: `ONIX and MARC import of ${PRODUCTS / 1000}k generated products against a bare saxes parse: end to end (search index written) into an empty, a ${SMALL_DB_BOOKS / 1000}k-book and the demo DB; a 1 GB feed's peak RSS`,
  async run(ctx) {
    const feed = await feedFile(ctx)
    const marc = await marcFile(ctx)
    const mb = statSync(feed).size / 1024 / 1024
    ctx.log(`feed: ${mb.toFixed(0)} MB; measuring the bare parse and the parse with mapping`)
    const bare = Math.round(await bareParseRate(feed))
    const baseline = { name: 'bare saxes products/s', value: bare }
    const rows: BenchRow[] = [row('import', 'bare saxes parse', bare, 'products/s', undefined, `counting products only, ${mb.toFixed(0)} MB feed`)]
    rows.push(row('import', 'parse + ONIX mapping', Math.round(await readRate(readOnix, feed)), 'products/s', baseline, 'element trees and IncomingRecords, no validation or writes'))
    const work = `${ctx.workDir}/import-target.db`
    const endToEnd = (label: string, file: string, from: string | null, unit: string) => {
      freshCopy(from, work)
      ctx.log(`importing ${file} into ${label}`)
      const r = importInChild(file, work)
      freshCopy(null, work)
      rows.push(row('import', `end to end, ${label}`, Math.round(r.records / r.seconds), `${unit}/s`, baseline, `${Math.round(r.records / r.cpuSeconds)} ${unit} per user CPU-second; peak RSS ${r.maxRssMb} MB`))
      rows.push(row('import', `peak RSS, ${label}`, r.maxRssMb, 'MB'))
    }
    endToEnd('ONIX, empty db', feed, null, 'products')
    endToEnd(`ONIX, ${SMALL_DB_BOOKS}-book db`, feed, demoDatabase({ ...ctx, books: SMALL_DB_BOOKS }), 'products')
    if (ctx.books !== SMALL_DB_BOOKS) endToEnd(`ONIX, ${ctx.books}-book db`, feed, demoDatabase(ctx), 'products')
    const marcMb = statSync(marc).size / 1024 / 1024
    rows.push(row('import', 'MARC parse + mapping', Math.round(await readRate(readMarc, marc)), 'records/s', undefined, `ISO 2709, UTF-8, ${marcMb.toFixed(0)} MB`))
    endToEnd(`MARC, ${SMALL_DB_BOOKS}-book db`, marc, demoDatabase({ ...ctx, books: SMALL_DB_BOOKS }), 'records')
    const big = await feedFile(ctx, BIG_PRODUCTS)
    ctx.log(`1 GB run: ${(statSync(big).size / 1024 / 1024).toFixed(0)} MB`)
    endToEnd(`ONIX ${(statSync(big).size / 1e9).toFixed(2)} GB feed, empty db`, big, null, 'products')
    return rows
  },
}

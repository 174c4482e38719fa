import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { fairnessBench } from './fairness'
import { importBench } from './import'
import { repoRoot, type Bench, type BenchRow } from './lib'
import { lighthouseBench } from './lighthouse'
import { ordersBench } from './orders'
import { pagesBench } from './pages'
import { recommendBench } from './recommend'
import { postgresBench } from './postgres'
import { searchBench } from './search'
import { staffListBench } from './staff-list'

// Each sub-benchmark lives in its own file and registers here.
const benches: Bench[] = [pagesBench, lighthouseBench, importBench, searchBench, recommendBench, postgresBench, fairnessBench, ordersBench, staffListBench]

function usage(): string {
  return `Usage: npm run bench -- [NAME...] [--books N] [--events N]

Sub-benchmarks (all when none is named):
${benches.map((b) => `  ${b.name.padEnd(12)} ${b.summary}`).join('\n')}

  --books N   size of the generated catalog (default 1000000)
  --events N  shopper events the recommend bench records (default 5000000 at 1000000 books)`
}

/**
 * How fast this machine runs plain JavaScript, measured at the start of every
 * run: absolute CPU figures (a page's milliseconds) from two machines compare
 * only through it. The best of five runs of a fixed integer loop, on one core.
 */
function calibration(): BenchRow {
  const loop = (n: number) => {
    let x = 0
    for (let i = 0; i < n; i++) x = (x * 31 + i) | 0
    return x
  }
  let best = Infinity
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now()
    if (loop(1e8) === 42) console.error('')
    best = Math.min(best, performance.now() - t0)
  }
  return { bench: 'machine', metric: 'JS integer loop, 10^8 iterations', value: best, unit: 'ms', note: 'best of 5; a machine twice as fast takes half' }
}

function printTable(rows: BenchRow[]): void {
  const lines = rows.map((r) => [
    r.bench,
    r.metric,
    `${Number.isInteger(r.value) ? r.value : r.value.toFixed(2)} ${r.unit}`,
    r.baseline ? `${r.baseline.name} ${Number.isInteger(r.baseline.value) ? r.baseline.value : r.baseline.value.toFixed(2)}` : '',
    r.ratio != null ? r.ratio.toFixed(3) : '',
    r.target ? `${r.target.text} ${r.target.met ? '✓' : '✗'}` : '',
    r.note ?? '',
  ])
  const head = ['bench', 'metric', 'value', 'baseline', 'ratio', 'target', 'note']
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)))
  const fmt = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |'
  console.log([fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt)].join('\n'))
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { books: { type: 'string' }, events: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true })
  if (values.help) return console.log(usage())
  const books = values.books ? Number(values.books) : 1_000_000
  if (!Number.isInteger(books) || books < 1) throw new Error(`--books: expected a positive whole number, got "${values.books}"`)
  const events = values.events ? Number(values.events) : undefined
  if (events !== undefined && !(Number.isInteger(events) && events >= 1)) throw new Error(`--events: expected a positive whole number, got "${values.events}"`)
  const unknown = positionals.filter((p) => !benches.some((b) => b.name === p))
  if (unknown.length) throw new Error(`unknown benchmark ${unknown.join(', ')}\n\n${usage()}`)
  const chosen = positionals.length ? benches.filter((b) => positionals.includes(b.name)) : benches
  // Servers start from the same bundle `npm start` builds.
  execFileSync(process.execPath, [`${repoRoot}/scripts/build.mjs`], { stdio: 'inherit' })
  const ctx = { books, events, workDir: `${repoRoot}/bench/work`, log: (m: string) => console.error(`[bench] ${m}`) }
  const rows: BenchRow[] = [calibration()]
  const failed: string[] = []
  for (const bench of chosen) {
    ctx.log(`running ${bench.name}`)
    try {
      rows.push(...(await bench.run(ctx)))
    } catch (e) {
      // One bench failing shouldn't cost the others' figures: say why, with the cause, and go on.
      failed.push(bench.name)
      console.error(`[bench] ${bench.name} failed:`, e instanceof Error ? (e.stack ?? e.message) : e, e instanceof Error && e.cause ? e.cause : '')
    }
  }
  if (failed.length) process.exitCode = 1
  printTable(rows)
  mkdirSync(`${repoRoot}/bench/results`, { recursive: true })
  const file = `${repoRoot}/bench/results/${new Date().toISOString().replace(/[:.]/g, '-')}.json`
  writeFileSync(file, JSON.stringify({ books, benches: chosen.map((b) => b.name), failed, rows }, null, 2))
  console.error(`[bench] results written to ${file}`)
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e, e instanceof Error && e.cause ? e.cause : '')
  process.exitCode = 1
})

import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** One figure a benchmark reports; machine-dependent figures carry a same-run baseline and the ratio to it. */
export interface BenchRow {
  bench: string
  metric: string
  value: number
  unit: string
  baseline?: { name: string; value: number }
  /** value / baseline.value */
  ratio?: number
  note?: string
  /** The issue's target for this figure, as printed ("< 30 ms", "≥ 0.10 of nginx"), and whether this run met it. */
  target?: { text: string; met: boolean }
}

export interface BenchContext {
  /** Size of the generated catalog the benchmark runs against. */
  books: number
  /** Shopper events the recommend bench generates (--events; default 5,000,000 at a million books). */
  events?: number
  /** Working folder for databases and generated files, kept between runs. */
  workDir: string
  log(message: string): void
}

export interface Bench {
  name: string
  summary: string
  run(ctx: BenchContext): Promise<BenchRow[]>
}

export const repoRoot = fileURLToPath(new URL('..', import.meta.url))

export function row(bench: string, metric: string, value: number, unit: string, baseline?: { name: string; value: number }, note?: string): BenchRow {
  return { bench, metric, value, unit, ...(baseline ? { baseline, ratio: baseline.value ? value / baseline.value : undefined } : {}), ...(note ? { note } : {}) }
}

/** Brings a kept database to the current schema now, so no timed server start pays for a migration (one can take minutes at a million books). */
function applyMigrations(path: string): void {
  const script = `import { openStore } from ${JSON.stringify(`${repoRoot}src/store/index.ts`)}; await (await openStore(${JSON.stringify(path)})).close()`
  execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], { stdio: ['ignore', 'inherit', 'inherit'] })
}

/**
 * The demo catalog of `books` books as a SQLite file under the work folder,
 * built once with `colophon demo` and reused while the generator is unchanged.
 */
export function demoDatabase(ctx: BenchContext): string {
  mkdirSync(ctx.workDir, { recursive: true })
  const path = `${ctx.workDir}/demo-${ctx.books}.db`
  const stamp = `${path}.stamp`
  // Later migrations are applied to a kept file; only a change in what the generator writes forces a rebuild.
  const generator = ['src/demo/generate.ts', 'src/demo/words.ts', 'src/demo/seed-book.ts', 'src/demo/categories.ts']
    .map((f) => readFileSync(`${repoRoot}/${f}`, 'utf8'))
    .join('\n')
  const fingerprint = String(generator.length) + ':' + simpleHash(generator)
  if (existsSync(path) && existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint) {
    applyMigrations(path)
    return path
  }
  ctx.log(`building the ${ctx.books}-book demo catalog at ${path} (reused by later runs)`)
  execFileSync('rm', ['-f', path, `${path}-wal`, `${path}-shm`, stamp])
  execFileSync(process.execPath, ['--import', 'tsx', `${repoRoot}/src/cli/main.ts`, 'demo', '--books', String(ctx.books)], {
    env: { ...process.env, COLOPHON_DB: path },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  writeFileSync(stamp, fingerprint)
  return path
}

function simpleHash(s: string): string {
  let h = 2166136261
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  return (h >>> 0).toString(16)
}

/**
 * The row with its target: `on` says which number the target is about (the
 * value, or the ratio to the baseline), `op` and `limit` what it must be.
 */
export function targeted(r: BenchRow, op: '<' | '≤' | '≥', limit: number, on: 'value' | 'ratio' = 'value', text?: string): BenchRow {
  const x = on === 'ratio' ? r.ratio : r.value
  const met = x !== undefined && Number.isFinite(x) && (op === '<' ? x < limit : op === '≤' ? x <= limit : x >= limit)
  return { ...r, target: { text: text ?? `${op} ${limit.toLocaleString('en')}${on === 'ratio' ? `× ${r.baseline?.name ?? 'baseline'}` : ` ${r.unit}`}`, met } }
}

/** Percentile of already-collected samples. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

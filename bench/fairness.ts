import { spawn } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { gzipSync } from 'node:zlib'
import { demoDatabase, percentile, repoRoot, row, type Bench, type BenchContext, type BenchRow } from './lib'
import { get, startNginx, startProcess, waitForHttp, type Started } from './load'

const COLOPHON_PORT = 3411
const NGINX_PORT = 3412
const PAGE = '/books/9788962633245'
const CONNECTIONS = 1000
const SECONDS = 30
/** A new visitor every 50 ms while wrk runs, from its first second, when its 1,000 connections arrive at once. */
const PROBE_EVERY_MS = 50
const PROBE_UNTIL_MS = (SECONDS - 1) * 1000
/** Visitors arriving after this wait behind the busy connections, no longer behind wrk's 1,000 arriving at once. */
const SETTLED_MS = 15_000
const PROBE_GIVE_UP_MS = 20_000

interface Probe {
  /** When the visitor arrived, from wrk's start. */
  atMs: number
  connectMs: number
  firstByteMs: number
}

/** One new visitor: a fresh TCP connection, one GET; times from connect() to the handshake and to the first byte of the answer. */
function probe(port: number, since: number): Promise<Probe> {
  return new Promise((resolve) => {
    const t0 = performance.now()
    let connectMs = NaN
    const socket = connect(port, '127.0.0.1', () => {
      connectMs = performance.now() - t0
      socket.write(`GET ${PAGE} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n`)
    })
    const done = (firstByteMs: number) => {
      socket.destroy()
      resolve({ atMs: t0 - since, connectMs, firstByteMs })
    }
    socket.setTimeout(PROBE_GIVE_UP_MS, () => done(Infinity))
    socket.once('data', () => done(performance.now() - t0))
    socket.once('error', () => done(Infinity))
  })
}

interface Run {
  probes: Probe[]
  rps: number
  /** wrk's own latency percentile for the busy connections. */
  busyP99ms: number
  wrkErrors: number
}

/** wrk holds CONNECTIONS keep-alive connections busy on core 1 while new visitors arrive one by one. */
async function underLoad(base: string, port: number): Promise<Run> {
  const wrk = spawn('taskset', ['-c', '1', 'wrk', '-t1', `-c${CONNECTIONS}`, `-d${SECONDS}s`, '--latency', '-H', 'Accept-Encoding: gzip', `${base}${PAGE}`], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  wrk.stdout.on('data', (d: Buffer) => (out += d.toString()))
  const finished = new Promise<void>((resolve, reject) => wrk.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`wrk exited with ${code}: ${out}`)))))
  const pending: Promise<Probe>[] = []
  const started = performance.now()
  while (performance.now() - started < PROBE_UNTIL_MS) {
    pending.push(probe(port, started))
    await new Promise((r) => setTimeout(r, PROBE_EVERY_MS))
  }
  const probes = await Promise.all(pending)
  await finished
  const errors = out.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/)
  const p99 = out.match(/^\s+99%\s+([\d.]+)(us|ms|s)/m)
  return {
    probes,
    rps: Number(out.match(/Requests\/sec:\s+([\d.]+)/)?.[1] ?? NaN),
    busyP99ms: p99 ? Number(p99[1]) * { us: 0.001, ms: 1, s: 1000 }[p99[2] as 'us' | 'ms' | 's'] : NaN,
    wrkErrors: errors ? errors.slice(1).reduce((t, n) => t + Number(n), 0) : 0,
  }
}

function rows(colophon: Run, nginx: Run): BenchRow[] {
  const firstByte = (r: Run, fromMs = 0) => r.probes.filter((p) => p.atMs >= fromMs).map((p) => p.firstByteMs)
  const handshake = (r: Run) => r.probes.map((p) => p.connectMs).filter((ms) => !Number.isNaN(ms))
  const max = (xs: number[]) => Math.max(...xs)
  const p99 = (xs: number[]) => percentile(xs, 99)
  const unanswered = colophon.probes.filter((p) => p.firstByteMs === Infinity).length
  const vs = (pick: (xs: number[]) => number, fromMs = 0) => ({ name: 'nginx', value: pick(firstByte(nginx, fromMs)) })
  return [
    row('fairness', 'new visitor first byte: p50', percentile(firstByte(colophon), 50), 'ms', vs((xs) => percentile(xs, 50))),
    row('fairness', 'new visitor first byte: p99', p99(firstByte(colophon)), 'ms', vs(p99), `${colophon.probes.length} visitors over ${SECONDS} s, ${unanswered} unanswered in ${PROBE_GIVE_UP_MS / 1000} s`),
    row('fairness', 'new visitor first byte: max', max(firstByte(colophon)), 'ms', vs(max)),
    row('fairness', `new visitor first byte: p99 after ${SETTLED_MS / 1000} s`, p99(firstByte(colophon, SETTLED_MS)), 'ms', vs(p99, SETTLED_MS), 'the second half of the run'),
    row('fairness', 'new visitor TCP handshake: p99', p99(handshake(colophon)), 'ms', { name: 'nginx', value: p99(handshake(nginx)) }, 'the kernel completes it; a dropped SYN would cost 1 s'),
    row('fairness', 'busy connections: p99', colophon.busyP99ms, 'ms', { name: 'nginx', value: nginx.busyP99ms }, 'wrk'),
    row('fairness', `throughput under ${CONNECTIONS} connections`, colophon.rps, 'req/s', { name: 'nginx', value: nginx.rps }, `wrk socket errors ${colophon.wrkErrors} (nginx ${nginx.wrkErrors})`),
  ]
}

async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const db = demoDatabase(ctx)
  const dir = `${ctx.workDir}/fairness-${ctx.books}`
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(`${dir}/root/books`, { recursive: true })
  const colophon = `http://127.0.0.1:${COLOPHON_PORT}`
  const nginx = `http://127.0.0.1:${NGINX_PORT}`
  let server: Started | undefined
  let web: Started | undefined
  try {
    // Two workers and their primary share core 0, as nginx does below; wrk and the visitors run on core 1.
    server = startProcess(process.execPath, [`${repoRoot}/dist/colophon.mjs`, 'serve', '--workers', '2', '--port', String(COLOPHON_PORT)], {
      env: { COLOPHON_DB: db, COLOPHON_LOG_LEVEL: 'warn', COLOPHON_METRICS: 'off' },
      cpu: 0,
      port: COLOPHON_PORT,
    })
    await waitForHttp(`${colophon}/healthz`)
    // Each worker renders the page once; the primary hands connections out in turn.
    for (let i = 0; i < 4; i++) await get(colophon + PAGE, { 'accept-encoding': 'gzip' })
    const page = (await get(colophon + PAGE, { 'accept-language': 'ko' })).body
    writeFileSync(`${dir}/root${PAGE}`, page)
    writeFileSync(`${dir}/root${PAGE}.gz`, gzipSync(page, { level: 6 }))
    web = startNginx(`${dir}/root`, NGINX_PORT, dir)
    await waitForHttp(nginx + PAGE)

    ctx.log(`Colophon: ${CONNECTIONS} connections for ${SECONDS} s, a new visitor every ${PROBE_EVERY_MS} ms`)
    const ours = await underLoad(colophon, COLOPHON_PORT)
    ctx.log(`nginx: the same`)
    const theirs = await underLoad(nginx, NGINX_PORT)
    return rows(ours, theirs)
  } finally {
    await server?.stop()
    await web?.stop()
  }
}

export const fairnessBench: Bench = {
  name: 'fairness',
  summary: `how long a new visitor waits for a first byte while ${CONNECTIONS} keep-alive connections keep two workers busy, against nginx`,
  run,
}

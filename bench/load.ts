import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import { request } from 'node:http'
import { readFileSync, writeFileSync } from 'node:fs'
import { repoRoot } from './lib'

/** A server process the bench started; stopped by the bench, whatever happens. */
export interface Started {
  child: ChildProcess
  port: number
  stop(): Promise<void>
}

const running = new Set<ChildProcess>()
for (const signal of ['SIGINT', 'SIGTERM', 'exit'] as const) {
  process.on(signal, () => {
    for (const child of running) child.kill('SIGKILL')
    if (signal !== 'exit') process.exit(130)
  })
}

export function startProcess(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cpu?: number; port: number; log?: string }): Started {
  const [cmd, argv] = options.cpu === undefined ? [command, args] : ['taskset', ['-c', String(options.cpu), command, ...args]]
  const child = spawn(cmd, argv, { env: { ...process.env, ...options.env }, stdio: ['ignore', 'ignore', 'pipe'], detached: false })
  let stderr = ''
  child.stderr!.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000)
  })
  child.on('exit', (code) => {
    running.delete(child)
    if (code && code !== 0 && code !== 143) process.stderr.write(`[bench] ${command} exited with ${code}: ${stderr}\n`)
  })
  running.add(child)
  return {
    child,
    port: options.port,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done()
        child.once('exit', () => done())
        child.kill('SIGTERM')
        setTimeout(() => child.kill('SIGKILL'), 3000).unref()
      }),
  }
}

/**
 * A GET on a connection of its own (no keep-alive pool): the bench restarts
 * servers on the same port, and a pooled connection to the stopped one fails
 * with "other side closed". Without a User-Agent, as scripts are not shoppers.
 */
export function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

/** A value from the server's Prometheus metrics, NaN when it has none. */
export async function serverMetric(base: string, name: string, labels: string): Promise<number> {
  const text = (await get(`${base}/metrics`)).body.toString()
  const m = text.match(new RegExp(`^${name}\\{${labels}\\} ([\\d.e+-]+|NaN)$`, 'm'))
  return m ? Number(m[1]) : NaN
}

/** Waits until the URL answers 200; returns the milliseconds it took from `since`. */
export async function waitForHttp(url: string, since = performance.now(), timeoutMs = 60_000): Promise<number> {
  for (;;) {
    try {
      const res = await get(url)
      if (res.status === 200) return performance.now() - since
    } catch {
      /* not listening yet */
    }
    if (performance.now() - since > timeoutMs) throw new Error(`${url} did not answer within ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

/** Starts Colophon's server on one core, from the bundle `npm start` runs (bench/main.ts builds it first). */
export function startColophon(db: string, port: number, options: { cpu?: number; args?: string[]; env?: NodeJS.ProcessEnv } = {}): Started {
  return startProcess(process.execPath, [`${repoRoot}/dist/colophon.mjs`, 'serve', '--workers', '1', '--port', String(port), ...(options.args ?? [])], {
    env: { COLOPHON_DB: db, COLOPHON_LOG_LEVEL: 'warn', COLOPHON_METRICS: 'main', ...options.env },
    cpu: options.cpu ?? 0,
    port,
  })
}

/** nginx serving a folder of pre-rendered pages (with .gz twins), one process pinned to one core. */
export function startNginx(root: string, port: number, workDir: string, cpu = 0): Started {
  const conf = `${workDir}/nginx-${port}.conf`
  writeFileSync(
    conf,
    `daemon off;
master_process off;
worker_processes 1;
pid ${workDir}/nginx-${port}.pid;
error_log ${workDir}/nginx-${port}.error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  # Cached descriptors stay open: keep the cache well inside the process's open-file limit (20,000 here).
  open_file_cache max=10000 inactive=60s;
  open_file_cache_valid 600s;
  default_type text/html;
  charset utf-8;
  gzip_static on;
  gzip_vary on;
  etag on;
  client_body_temp_path ${workDir}/nginx-tmp;
  proxy_temp_path ${workDir}/nginx-tmp;
  fastcgi_temp_path ${workDir}/nginx-tmp;
  uwsgi_temp_path ${workDir}/nginx-tmp;
  scgi_temp_path ${workDir}/nginx-tmp;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    location / { try_files $uri $uri/index.html =404; }
  }
}
`,
  )
  execFileSync('mkdir', ['-p', `${workDir}/nginx-tmp`])
  return startProcess('/usr/sbin/nginx', ['-c', conf, '-p', workDir], { cpu, port })
}

export interface WrkResult {
  rps: number
  p50ms: number
  p99ms: number
  requests: number
  errors: number
  non2xx: number
}

function toMs(value: string, unit: string): number {
  const n = Number(value)
  return unit === 'us' ? n / 1000 : unit === 's' ? n * 1000 : unit === 'm' ? n * 60_000 : n
}

/**
 * wrk on the other core, cycling through a list of paths (one per line) from
 * a file, with gzip accepted as browsers do.
 */
export function runWrk(base: string, pathsFile: string, options: { seconds: number; connections: number; cpu?: number; workDir: string }): WrkResult {
  const script = `${options.workDir}/paths.lua`
  writeFileSync(
    script,
    `local paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do paths[#paths + 1] = line end
local i = 0
wrk.headers["Accept-Encoding"] = "gzip"
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
`,
  )
  const out = execFileSync(
    'taskset',
    ['-c', String(options.cpu ?? 1), 'wrk', '-t1', `-c${options.connections}`, `-d${options.seconds}s`, '--latency', '-s', script, base],
    { env: { ...process.env, WRK_PATHS: pathsFile }, encoding: 'utf8', maxBuffer: 1 << 20 },
  )
  const pct = (p: string) => {
    const m = out.match(new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s|m)`, 'm'))
    return m ? toMs(m[1]!, m[2]!) : NaN
  }
  const errors = out.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/)
  return {
    rps: Number(out.match(/Requests\/sec:\s+([\d.]+)/)![1]),
    p50ms: pct('50'),
    p99ms: pct('99'),
    requests: Number(out.match(/(\d+) requests in/)![1]),
    errors: errors ? errors.slice(1).reduce((t, n) => t + Number(n), 0) : 0,
    non2xx: Number(out.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? 0),
  }
}

/** Resident memory of a process in MB, from /proc. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(status.match(/VmRSS:\s+(\d+)/)![1]) / 1024
}

/** Alternates A and B runs (A B A B) so drift in the machine falls on both; returns the mean of each. */
export function alternate(a: () => WrkResult, b: () => WrkResult, rounds = 2): { a: WrkResult; b: WrkResult } {
  const as: WrkResult[] = []
  const bs: WrkResult[] = []
  for (let i = 0; i < rounds; i++) {
    as.push(a())
    bs.push(b())
  }
  const mean = (rs: WrkResult[]): WrkResult => ({
    rps: rs.reduce((t, r) => t + r.rps, 0) / rs.length,
    p50ms: rs.reduce((t, r) => t + r.p50ms, 0) / rs.length,
    p99ms: Math.max(...rs.map((r) => r.p99ms)),
    requests: rs.reduce((t, r) => t + r.requests, 0),
    errors: rs.reduce((t, r) => t + r.errors, 0),
    non2xx: rs.reduce((t, r) => t + r.non2xx, 0),
  })
  return { a: mean(as), b: mean(bs) }
}

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { isbn13FromPrefix } from '../src/catalog'
import { demoDatabase, row, targeted, type Bench, type BenchContext, type BenchRow } from './lib'
import { alternate, get, rssMb, runWrk, serverMetric, startColophon, startNginx, waitForHttp, type Started, type WrkResult } from './load'
import { Random } from '../src/demo/random'
import { PAGE_GZIP_LEVEL } from '../src/web/compression'

const COLOPHON_PORT = 3401
const NGINX_PORT = 3402
const SEED = '9788962633245'
const WARM_URLS = 10_000
const ZIPF_DRAWS = 150_000
const SECONDS = 10
const CONNECTIONS = 50

const bookPath = (n: number) => (n === 0 ? `/books/${SEED}` : `/books/${isbn13FromPrefix('97911' + String(n).padStart(7, '0'))}`)

/** Ranks drawn from Zipf(s = 1) over the catalog, mapped onto books by a fixed permutation. */
function zipfPaths(books: number): string[] {
  const rnd = new Random(20261128)
  return Array.from({ length: ZIPF_DRAWS }, () => {
    const rank = rnd.zipfRank(books + 1)
    return bookPath(rank === 0 ? 0 : ((rank * 7919) % books) + 1)
  })
}

/** CPU time a process has used so far (user + system), in ms, from /proc (clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

async function prerender(base: string, paths: string[], root: string, log: (m: string) => void): Promise<void> {
  let done = 0
  const queue = [...paths]
  const worker = async () => {
    for (let path = queue.pop(); path; path = queue.pop()) {
      const res = await get(base + path, { 'accept-language': 'ko' })
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`)
      const html = res.body
      const file = root + (path.endsWith('/') ? path + 'index.html' : path)
      mkdirSync(file.slice(0, file.lastIndexOf('/')), { recursive: true })
      writeFileSync(file, html)
      writeFileSync(file + '.gz', gzipSync(html, { level: PAGE_GZIP_LEVEL }))
      if (++done % 10_000 === 0) log(`pre-rendered ${done}/${paths.length}`)
    }
  }
  await Promise.all([worker(), worker(), worker(), worker()])
}

async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const db = demoDatabase(ctx)
  const dir = `${ctx.workDir}/pages-${ctx.books}`
  const root = `${dir}/root`
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(root, { recursive: true })
  const step = Math.max(1, Math.floor(ctx.books / WARM_URLS))
  const warm = [bookPath(0), ...Array.from({ length: Math.min(WARM_URLS, ctx.books) - 1 }, (_, i) => bookPath(1 + i * step))]
  const zipf = zipfPaths(ctx.books)
  writeFileSync(`${dir}/warm.txt`, warm.join('\n') + '\n')
  writeFileSync(`${dir}/zipf.txt`, zipf.join('\n') + '\n')
  const colophon = `http://127.0.0.1:${COLOPHON_PORT}`
  const nginx = `http://127.0.0.1:${NGINX_PORT}`
  const rows: BenchRow[] = []
  const wrk = (base: string, file: string, seconds = SECONDS, connections = CONNECTIONS) => runWrk(base, `${dir}/${file}`, { seconds, connections, workDir: dir })
  let server: Started | undefined
  let web: Started | undefined
  const startCold = async (args: string[] = []) => {
    await server?.stop()
    const t0 = performance.now()
    server = startColophon(db, COLOPHON_PORT, { args })
    return waitForHttp(`${colophon}/healthz`, t0)
  }

  try {
    const startup = await startCold()
    rows.push(row('pages', 'start to first answer', startup, 'ms', undefined, `${ctx.books} books`))
    const listings = ['/', '/categories/history', '/categories/history?page=50']
    const distinct = [...new Set([...warm, ...zipf, ...listings])]
    ctx.log(`pre-rendering ${distinct.length} pages for nginx`)
    await prerender(colophon, distinct, root, ctx.log)
    web = startNginx(root, NGINX_PORT, dir)
    await waitForHttp(`${nginx}${bookPath(0)}`)

    // Warm product pages: every URL already served once (the pre-render did it).
    await startCold()
    await prerender(colophon, warm, `${dir}/scratch`, () => {})
    const warmRuns = alternate(() => wrk(colophon, 'warm.txt'), () => wrk(nginx, 'warm.txt'))
    rows.push(row('pages', 'warm product: throughput', warmRuns.a.rps, 'req/s', { name: 'nginx', value: warmRuns.b.rps }, `${WARM_URLS} URLs, 1 core each, wrk -t1 -c${CONNECTIONS}`))
    rows.push(row('pages', 'warm product: p99', warmRuns.a.p99ms, 'ms', { name: 'nginx', value: warmRuns.b.p99ms }, `errors ${warmRuns.a.errors}, non-2xx ${warmRuns.a.non2xx}`))
    rows.push(row('pages', 'warm product: RSS after', rssMb(server!.child.pid!), 'MB'))

    // Zipf over the whole catalog, each Colophon round from a cold start.
    const zipfRuns: WrkResult[] = []
    const nginxZipf: WrkResult[] = []
    for (let i = 0; i < 2; i++) {
      await startCold()
      zipfRuns.push(wrk(colophon, 'zipf.txt'))
      nginxZipf.push(wrk(nginx, 'zipf.txt'))
    }
    const zr = zipfRuns.reduce((t, r) => t + r.rps, 0) / 2
    const nr = nginxZipf.reduce((t, r) => t + r.rps, 0) / 2
    rows.push(targeted(row('pages', 'zipf product (cold): throughput', zr, 'req/s', { name: 'nginx', value: nr }, `Zipf s=1 over ${ctx.books + 1} books`), '≥', 0.1, 'ratio', '≥ 0.10 of nginx'))
    rows.push(targeted(row('pages', 'zipf product (cold): p99', Math.max(...zipfRuns.map((r) => r.p99ms)), 'ms', { name: 'nginx', value: Math.max(...nginxZipf.map((r) => r.p99ms)) }), '<', 50))

    // Listing pages against the product page, warm.
    writeFileSync(`${dir}/one-product.txt`, bookPath(0) + '\n')
    const product = wrk(colophon, 'one-product.txt', 5)
    for (const path of listings) {
      writeFileSync(`${dir}/one.txt`, path + '\n')
      await get(colophon + path)
      const r = wrk(colophon, 'one.txt', 5)
      rows.push(row('pages', `${path}: p50`, r.p50ms, 'ms', { name: 'product p50', value: product.p50ms }))
      rows.push(row('pages', `${path}: p99`, r.p99ms, 'ms', { name: 'product p99', value: product.p99ms }))
    }

    // 1,000 connections for 60 s against a warm server: errors, 5xx and memory.
    await startCold()
    await prerender(colophon, warm, `${dir}/scratch`, () => {})
    const rssBefore = rssMb(server!.child.pid!)
    const flood = wrk(colophon, 'warm.txt', 60, 1000)
    const rssAfter = rssMb(server!.child.pid!)
    rows.push(row('pages', '1000 connections 60 s: throughput', flood.rps, 'req/s', undefined, `socket errors ${flood.errors}, non-2xx ${flood.non2xx}, p99 ${flood.p99ms.toFixed(1)} ms`))
    rows.push(row('pages', '1000 connections 60 s: RSS after', rssAfter, 'MB', { name: 'RSS before', value: rssBefore }))

    // No page cache: what a render costs, from the server's own summary.
    await startCold(['--no-page-cache'])
    const cpuBefore = cpuMs(server!.child.pid!)
    const uncached = wrk(colophon, 'warm.txt')
    rows.push(targeted(row('pages', 'no cache: CPU per product page', (cpuMs(server!.child.pid!) - cpuBefore) / uncached.requests, 'ms', undefined, 'server process CPU over the run ÷ answers'), '<', 0.4))
    const p50 = (await serverMetric(colophon, 'colophon_page_render_seconds', 'quantile="0.5",route="product"')) * 1000
    const p99 = (await serverMetric(colophon, 'colophon_page_render_seconds', 'quantile="0.99",route="product"')) * 1000
    rows.push(row('pages', 'no cache: product render p50', p50, 'ms', undefined, 'server metric'))
    rows.push(row('pages', 'no cache: product render p99', p99, 'ms', undefined, 'server metric'))
    // The targets: 3,000 req/s and p99 < 20 ms at 2,000 books, 2,500 req/s and p99 < 25 ms at a million.
    const large = ctx.books >= 1_000_000
    rows.push(targeted(row('pages', 'no cache: throughput', uncached.rps, 'req/s', { name: 'nginx warm', value: warmRuns.b.rps }, `p50 ${uncached.p50ms.toFixed(1)} ms`), '≥', large ? 2500 : 3000))
    rows.push(targeted(row('pages', 'no cache: p99', uncached.p99ms, 'ms', { name: 'nginx warm', value: warmRuns.b.p99ms }, `wrk, ${CONNECTIONS} connections`), '<', large ? 25 : 20))
    for (const path of listings) {
      await get(colophon + path)
    }
    for (const route of ['home', 'category']) {
      rows.push(row('pages', `no cache: ${route} render p50`, (await serverMetric(colophon, 'colophon_page_render_seconds', `quantile="0.5",route="${route}"`)) * 1000, 'ms'))
    }
  } finally {
    await server?.stop()
    await web?.stop()
  }
  return rows
}

export const pagesBench: Bench = {
  name: 'pages',
  summary: 'product, category and home pages against nginx serving the same pages as files',
  run,
}

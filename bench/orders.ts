import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { availableParallelism } from 'node:os'
import { rmSync } from 'node:fs'
import pg from 'pg'
import { buildServices } from '../src/cli/services'
import { fillDemoCatalog, generatedBook } from '../src/demo'
import { openStore } from '../src/store'
import { percentile, row, type Bench, type BenchContext, type BenchRow } from './lib'
import { startColophon, waitForHttp } from './load'

const SQLITE_PORT = 3461
const POSTGRES_PORT = 3462
const BUYERS = 20
const SECONDS = 10
/** Carts filled before the clock starts: more than a run can order at the target rate and then some. */
const CARTS = 5000
const CATALOG_BOOKS = 500
/** Books the buyers order, each with more copies than any run sells. */
const STOCKED = 50
/** The order rate the target names (200 orders/s on SQLite); the paced runs offer it. */
const PACED_RATE = 200
const TOKEN = /name="_csrf" value="([\w-]+)"/

/** A buyer's session: the cookie of its cart and the form token of its pages. */
interface Buyer {
  cookie: string
  token: string
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()
const formHeaders = (buyer: Buyer) => ({ cookie: buyer.cookie, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0' })

function checkoutForm(buyer: Buyer): string {
  return form({
    _csrf: buyer.token,
    buyerName: '김독자', buyerPhone: '010-1234-5678', buyerEmail: 'reader@example.kr',
    recipientName: '김독자', recipientPhone: '010-1234-5678', postalCode: '04524', address: '서울특별시 중구 세종대로 110', addressDetail: '3층',
    deliveryNote: '', paymentMethod: 'bank_transfer', depositorName: '', pointsToSpend: '', idempotencyKey: randomUUID().replaceAll('-', ''),
  })
}

/** A shopper who opened a product page and put two books in the cart. */
async function fillCart(base: string, n: number): Promise<Buyer> {
  const page = await fetch(`${base}/books/${generatedBook(1).isbn13}`, { headers: { 'user-agent': 'Mozilla/5.0 Chrome/131.0' } })
  const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
  const buyer = { cookie, token: TOKEN.exec(await page.text())?.[1] ?? '' }
  for (const isbn of [generatedBook(1 + (n % STOCKED)).isbn13, generatedBook(1 + ((n + 7) % STOCKED)).isbn13]) {
    const res = await fetch(`${base}/cart/items`, { method: 'POST', redirect: 'manual', headers: formHeaders(buyer), body: form({ _csrf: buyer.token, isbn, quantity: '1' }) })
    if (res.status !== 303) throw new Error(`POST /cart/items answered ${res.status}`)
  }
  return buyer
}

interface Run {
  perSecond: number
  p50: number
  p99: number
  done: number
}

/**
 * BUYERS at once, each taking the next buyer `pick` gives until the time is up.
 * With `every`, each buyer starts one every `every` ms (BUYERS / every is the
 * rate offered) and a latency counts from when it was due, so a server that
 * falls behind shows it; without, each starts the next as soon as one ends.
 */
async function drive(pick: () => Buyer | undefined, seconds: number, once: (buyer: Buyer) => Promise<void>, every = 0): Promise<Run> {
  const latencies: number[] = []
  const started = performance.now()
  const end = started + seconds * 1000
  const loop = async (k: number) => {
    let due = started + (every * k) / BUYERS
    for (let buyer = pick(); buyer && due < end && performance.now() < end; buyer = pick()) {
      if (every) await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())))
      else due = performance.now()
      await once(buyer)
      latencies.push(performance.now() - due)
      due += every
    }
  }
  await Promise.all(Array.from({ length: BUYERS }, (_, k) => loop(k)))
  const elapsed = (performance.now() - started) / 1000
  return { perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), done: latencies.length }
}

async function viewCart(base: string, buyer: Buyer): Promise<void> {
  const res = await fetch(`${base}/cart`, { headers: { cookie: buyer.cookie } })
  await res.arrayBuffer()
  if (res.status !== 200) throw new Error(`GET /cart answered ${res.status}`)
}

async function placeOrder(base: string, buyer: Buyer): Promise<void> {
  const res = await fetch(`${base}/checkout`, { method: 'POST', redirect: 'manual', headers: formHeaders(buyer), body: checkoutForm(buyer) })
  const body = await res.text()
  if (res.status !== 303 || !/^\/orders\/\d{8}-\d{6}/.test(res.headers.get('location') ?? '')) throw new Error(`POST /checkout answered ${res.status}: ${body.slice(0, 300)}`)
}

/** A small catalog whose STOCKED books never run out during a run. */
async function prepare(url: string): Promise<void> {
  const store = await openStore(url)
  const { catalog } = buildServices(store)
  await fillDemoCatalog(catalog, { books: CATALOG_BOOKS })
  await catalog.saveBooks(Array.from({ length: STOCKED }, (_, i) => ({ ...generatedBook(i + 1), stock: 1_000_000, onSale: true })))
  await store.close()
}

async function measure(ctx: BenchContext, name: string, url: string, port: number): Promise<BenchRow[]> {
  await prepare(url)
  const server = startColophon(url, port, { env: { COLOPHON_METRICS: 'off', COLOPHON_MAIL_OUTBOX: `${ctx.workDir}/orders-mail` } })
  try {
    const base = `http://127.0.0.1:${port}`
    await waitForHttp(`${base}/readyz`)
    ctx.log(`${name}: filling ${CARTS} carts`)
    const buyers: Buyer[] = []
    for (let n = 0; n < CARTS; n += BUYERS) buyers.push(...(await Promise.all(Array.from({ length: Math.min(BUYERS, CARTS - n) }, (_, i) => fillCart(base, n + i)))))
    // A short warm-up of both paths; orders use up the carts they place.
    let seen = 0
    const viewer = () => buyers[seen++ % buyers.length]
    const orderer = () => buyers.pop()
    await drive(viewer, 2, (b) => viewCart(base, b))
    await drive(orderer, 2, (b) => placeOrder(base, b))
    ctx.log(`${name}: ${BUYERS} buyers viewing their carts, then placing orders, ${SECONDS} s each, flat out and at ${PACED_RATE}/s`)
    const every = (1000 * BUYERS) / PACED_RATE
    const cart = await drive(viewer, SECONDS, (b) => viewCart(base, b))
    const orders = await drive(orderer, SECONDS, (b) => placeOrder(base, b))
    const pacedCart = await drive(viewer, SECONDS, (b) => viewCart(base, b), every)
    const paced = await drive(orderer, SECONDS, (b) => placeOrder(base, b), every)
    const ranOut = buyers.length === 0 ? ' (ran out of carts)' : ''
    return [
      row('orders', `${name} orders/s, flat out`, orders.perSecond, 'orders/s', { name: 'GET /cart/s', value: cart.perSecond }, `${BUYERS} buyers, one worker, 2-line carts, bank transfer${ranOut}`),
      row('orders', `${name} order p50, flat out`, orders.p50, 'ms', { name: 'GET /cart ms', value: cart.p50 }, 'queueing: 20 buyers / orders per second'),
      row('orders', `${name} order p99, flat out`, orders.p99, 'ms', { name: 'GET /cart ms', value: cart.p99 }),
      row('orders', `${name} orders/s at ${PACED_RATE}/s offered`, paced.perSecond, 'orders/s', { name: 'GET /cart/s', value: pacedCart.perSecond }, `${BUYERS} buyers, one order each every ${every} ms`),
      row('orders', `${name} order p50 at ${PACED_RATE}/s`, paced.p50, 'ms', { name: 'GET /cart ms', value: pacedCart.p50 }, 'from when the order was due'),
      row('orders', `${name} order p99 at ${PACED_RATE}/s`, paced.p99, 'ms', { name: 'GET /cart ms', value: pacedCart.p99 }, 'target < 50 ms on SQLite'),
    ]
  } finally {
    await server.stop()
  }
}

/** A fresh database on the server COLOPHON_BENCH_PG_URL names (its role may create databases), dropped afterwards. */
async function withPostgres<T>(serverUrl: string, use: (url: string) => Promise<T>): Promise<T> {
  const name = `orders_bench_${process.pid}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.query(`CREATE DATABASE ${name}`)
    // Commits don't wait for the disk, as in bench/postgres.ts's cluster and SQLite's WAL in NORMAL mode.
    await admin.query(`ALTER DATABASE ${name} SET synchronous_commit = off`)
    const url = new URL(serverUrl)
    url.pathname = `/${name}`
    return await use(url.toString())
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined)
    await admin.end()
  }
}

export const ordersBench: Bench = {
  name: 'orders',
  summary: 'placing orders over HTTP at 20 buyers, one worker, SQLite and PostgreSQL, against GET /cart',
  async run(ctx): Promise<BenchRow[]> {
    const sqlite = `${ctx.workDir}/orders.db`
    for (const suffix of ['', '-wal', '-shm']) rmSync(sqlite + suffix, { force: true })
    // The server runs on core 0 (startColophon); the buyers run here, on the other.
    execFileSync('taskset', ['-apc', '1', String(process.pid)], { stdio: 'ignore' })
    try {
      const rows = await measure(ctx, 'SQLite', sqlite, SQLITE_PORT)
      const pgUrl = process.env.COLOPHON_BENCH_PG_URL
      if (!pgUrl) ctx.log('COLOPHON_BENCH_PG_URL is not set: PostgreSQL skipped')
      else {
        try {
          rows.push(...(await withPostgres(pgUrl, (url) => measure(ctx, 'PostgreSQL', url, POSTGRES_PORT))))
        } catch (err) {
          // SQLite's figures are kept; the run still counts as failed.
          ctx.log(`PostgreSQL failed: ${err instanceof Error ? err.message : String(err)}`)
          process.exitCode = 1
        }
      }
      return rows
    } finally {
      execFileSync('taskset', ['-apc', `0-${availableParallelism() - 1}`, String(process.pid)], { stdio: 'ignore' })
      rmSync(`${ctx.workDir}/orders-mail`, { recursive: true, force: true })
    }
  },
}

import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { join, resolve } from 'node:path'
import { sql } from 'kysely'
import { parseBookInput } from '../../src/catalog'
import { readCheckoutForm, type CheckoutInput } from '../../src/commerce'
import { seedBook } from '../../src/demo'
import type { Database, Kysely } from '../../src/store'
import type { Services } from '../../src/cli/services'
import { serving } from '../cli/serving'

export const repoRoot = resolve(import.meta.dirname, '../..')
export const SEED = '9788962633245'

/** A key the checkout form would carry: one per form shown. */
export const formKey = () => randomUUID().replaceAll('-', '')

/** A checkout form as a shopper fills it in: a Korean address, paid by bank transfer. */
export function checkoutFields(idempotencyKey = formKey()): Record<string, string> {
  return {
    buyerName: '김독자',
    buyerPhone: '010-1234-5678',
    buyerEmail: 'reader@example.kr',
    recipientName: '김독자',
    recipientPhone: '02-123-4567',
    postalCode: '04524',
    address: '서울특별시 중구 세종대로 110',
    addressDetail: '3층 301호',
    deliveryNote: '경비실에 맡겨 주세요',
    paymentMethod: 'bank_transfer',
    depositorName: '',
    pointsToSpend: '',
    idempotencyKey,
  }
}

/** The same form, checked as the route checks it. */
export function checkoutInput(idempotencyKey = formKey()): CheckoutInput {
  const read = readCheckoutForm(checkoutFields(idempotencyKey), 'ko')
  if ('errors' in read) throw new Error(`test form refused: ${read.errors.map((e) => e.message).join('; ')}`)
  return read.input
}

/** The seed book, on sale, with exactly `stock` copies. */
export async function stockSeed(services: Pick<Services, 'catalog'>, stock: number): Promise<void> {
  await services.catalog.saveBooks([parseBookInput({ ...seedBook, stock, onSale: true })])
}

/** A book's copies on the shelf, and those held by orders not cancelled (taken at placing, not yet back). */
export async function copiesOf(db: Kysely<Database>, isbn13: string): Promise<{ stock: number; held: number }> {
  const book = await db.selectFrom('book').select('stock').where('isbn13', '=', isbn13).executeTakeFirstOrThrow()
  const held = await db
    .selectFrom('order_item')
    .innerJoin('orders', 'orders.id', 'order_item.order_id')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('order_item.quantity'), sql<number>`0`).as('copies'))
    .where('order_item.isbn13', '=', isbn13)
    .where('orders.status', '!=', 'cancelled')
    .executeTakeFirstOrThrow()
  return { stock: Number(book.stock), held: Number(held.copies) }
}

export interface ServeProcess {
  url: string
  child: ChildProcess
  stop(): Promise<void>
}

/** `colophon serve --workers N` on a database, as a shop runs it; resolves once every worker is serving. */
export async function startServe(db: string, workers: number, env: Record<string, string> = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), 'serve', '--workers', String(workers), '--port', '0'], {
    env: { ...process.env, COLOPHON_DB: db, COLOPHON_METRICS: 'off', COLOPHON_LOG_LEVEL: 'info', HOST: '127.0.0.1', COLOPHON_DB_POOL: '4', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const gone = new Promise<void>((done) => child.once('exit', () => done()))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    await gone
  }
  try {
    const { url } = await serving(child, workers)
    // Later log lines must not fill the pipe and stall the server; errors are worth seeing when a test fails.
    child.stdout!.on('data', (d: Buffer) => {
      for (const line of d.toString().split('\n')) if (/"level":(50|60)/.test(line)) process.stderr.write(`colophon serve: ${line}\n`)
    })
    return { url: url.replace(/\/$/, ''), child, stop }
  } catch (err) {
    await stop()
    throw err
  }
}

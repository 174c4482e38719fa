/**
 * A local stand-in for the parts of PortOne V2 that Colophon uses, for tests
 * that must not reach the real service.
 *
 * REST API (point `PortOneConfig.baseUrl` at `standin.url`, `apiSecret` at `standin.secret`):
 * - `GET /payments/{paymentId}` answers a payment seeded with `setPayment`, in
 *   PortOne's field names (`status`, `amount.total`, `amount.paid`, `currency`, `paidAt`…).
 * - `POST /payments/{paymentId}/cancel` refunds it and records the call in `cancels`.
 * - A wrong `Authorization: PortOne <secret>` gets 401 `{ type: 'UNAUTHORIZED', message }`.
 * - `misbehave(id, { delayMs, status })` makes one payment answer slowly or with a server error.
 *
 * Webhooks: `sendWebhook(url, payload)` signs by Standard Webhooks with
 * `standin.webhookSecret` and POSTs; `signWebhook` gives the body and headers without sending.
 *
 * Browser tests: a page loads `<script src="${standin.url}/v2/browser-sdk.js">`,
 * which defines `PortOne.requestPayment(params)` as the real SDK does. Instead
 * of a payment window it marks `params.paymentId` PAID for `params.totalAmount`
 * at the stand-in and resolves `{ transactionType: 'PAYMENT', paymentId, txId }`.
 * No webhook is sent on its own: the test calls `sendWebhook` when it wants one.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Webhook } from 'standardwebhooks'

export type StandinPaymentStatus =
  | 'READY'
  | 'PAY_PENDING'
  | 'VIRTUAL_ACCOUNT_ISSUED'
  | 'PAID'
  | 'FAILED'
  | 'PARTIAL_CANCELLED'
  | 'CANCELLED'

export interface StandinPaymentSeed {
  status: StandinPaymentStatus
  amount: { total: number; paid?: number }
  currency: string
  orderName?: string
  paidAt?: string
  failure?: { reason?: string; pgCode?: string; pgMessage?: string }
}

export interface StandinCancel {
  paymentId: string
  amount?: number
  reason: string
}

export interface PortOneStandin {
  url: string
  secret: string
  webhookSecret: string
  storeId: string
  setPayment(paymentId: string, seed: StandinPaymentSeed): void
  /** The payment as the stand-in would answer it now, or undefined. */
  payment(paymentId: string): Record<string, unknown> | undefined
  misbehave(paymentId: string, how: { delayMs?: number; status?: number }): void
  cancels: StandinCancel[]
  signWebhook(payload: object, options?: SignOptions): { body: string; headers: Record<string, string> }
  sendWebhook(url: string, payload: object, options?: SignOptions): Promise<{ status: number; body: string }>
  close(): Promise<void>
}

interface SignOptions {
  /** Sign with another secret than the stand-in's (a forged webhook). */
  secret?: string
  /** When it claims to have been sent; default now. */
  at?: Date
}

type StoredPayment = Record<string, unknown> & {
  status: string
  amount: { total: number; paid: number; cancelled: number }
}

export async function startPortOneStandin(): Promise<PortOneStandin> {
  const secret = `standin-api-secret-${randomUUID()}`
  const webhookSecret = `whsec_${randomBytes(24).toString('base64')}`
  const storeId = `store-${randomUUID()}`
  const payments = new Map<string, StoredPayment>()
  const faults = new Map<string, { delayMs?: number; status?: number }>()
  const cancels: StandinCancel[] = []

  const setPayment = (paymentId: string, seed: StandinPaymentSeed) => {
    payments.set(paymentId, portOnePayment(paymentId, storeId, seed))
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => send(res, 500, { type: 'INTERNAL', message: String(err) }))
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://standin').pathname
    if (req.method === 'OPTIONS') return send(res, 204, undefined)
    if (req.method === 'GET' && path === '/v2/browser-sdk.js') return sendScript(res, browserSdk(url))
    if (req.method === 'POST' && path === '/v2/stand-in/pay') return payFromWindow(req, res)

    const match = /^\/payments\/([^/]+)(\/cancel)?$/.exec(path)
    if (!match) return send(res, 404, { type: 'NOT_FOUND', message: `no route ${req.method} ${path}` })
    if (req.headers.authorization !== `PortOne ${secret}`) {
      return send(res, 401, { type: 'UNAUTHORIZED', message: 'The API secret is not valid.' })
    }
    const paymentId = decodeURIComponent(match[1]!)
    const fault = faults.get(paymentId)
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs))
    if (fault?.status) return send(res, fault.status, { type: 'INTERNAL_SERVER_ERROR', message: 'stand-in fault' })
    const payment = payments.get(paymentId)
    if (!payment) return send(res, 404, { type: 'PAYMENT_NOT_FOUND', message: `No payment ${paymentId}.` })
    if (req.method === 'GET' && !match[2]) return send(res, 200, payment)
    if (req.method === 'POST' && match[2]) return cancel(paymentId, payment, JSON.parse(await readBody(req)), res)
    return send(res, 405, { type: 'INVALID_REQUEST', message: `${req.method} is not allowed here` })
  }

  function cancel(paymentId: string, payment: StoredPayment, body: { amount?: number; reason: string }, res: ServerResponse) {
    cancels.push({ paymentId, reason: body.reason, ...(body.amount === undefined ? {} : { amount: body.amount }) })
    if (payment.status === 'CANCELLED') return send(res, 409, { type: 'PAYMENT_ALREADY_CANCELLED', message: 'Already cancelled.' })
    if (payment.status !== 'PAID' && payment.status !== 'PARTIAL_CANCELLED') {
      return send(res, 409, { type: 'PAYMENT_NOT_PAID', message: 'The payment is not paid.' })
    }
    const cancellable = payment.amount.paid - payment.amount.cancelled
    const amount = body.amount ?? cancellable
    if (amount > cancellable) {
      return send(res, 409, { type: 'CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT', message: `At most ${cancellable} can be cancelled.` })
    }
    const now = new Date().toISOString()
    payment.amount.cancelled += amount
    payment.status = payment.amount.cancelled === payment.amount.paid ? 'CANCELLED' : 'PARTIAL_CANCELLED'
    payment.cancelledAt = now
    const cancellation = {
      status: 'SUCCEEDED',
      id: randomUUID(),
      totalAmount: amount,
      taxFreeAmount: 0,
      vatAmount: 0,
      reason: body.reason,
      requestedAt: now,
      cancelledAt: now,
    }
    payment.cancellations = [...((payment.cancellations as object[] | undefined) ?? []), cancellation]
    send(res, 200, { cancellation })
  }

  async function payFromWindow(req: IncomingMessage, res: ServerResponse) {
    const params = JSON.parse(await readBody(req)) as { paymentId: string; totalAmount: number; currency: string; orderName: string }
    setPayment(params.paymentId, {
      status: 'PAID',
      amount: { total: params.totalAmount },
      currency: params.currency,
      orderName: params.orderName,
    })
    send(res, 200, { transactionType: 'PAYMENT', paymentId: params.paymentId, txId: randomUUID() })
  }

  const signWebhook = (payload: object, options: SignOptions = {}) => {
    const body = JSON.stringify(payload)
    const id = `msg_${randomUUID()}`
    const at = options.at ?? new Date()
    const signature = new Webhook(options.secret ?? webhookSecret).sign(id, at, body)
    const headers = {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': signature,
    }
    return { body, headers }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url,
    secret,
    webhookSecret,
    storeId,
    setPayment,
    payment: (paymentId) => payments.get(paymentId),
    misbehave: (paymentId, how) => void faults.set(paymentId, how),
    cancels,
    signWebhook,
    async sendWebhook(target, payload, options) {
      const { body, headers } = signWebhook(payload, options)
      const answer = await fetch(target, { method: 'POST', headers, body })
      return { status: answer.status, body: await answer.text() }
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        // Slow answers still being held back would keep close() waiting.
        server.closeAllConnections()
      }),
  }
}

function portOnePayment(paymentId: string, storeId: string, seed: StandinPaymentSeed): StoredPayment {
  const now = new Date().toISOString()
  const paid = seed.amount.paid ?? (seed.status === 'PAID' ? seed.amount.total : 0)
  const base = {
    status: seed.status,
    id: paymentId,
    transactionId: randomUUID(),
    merchantId: 'merchant-standin',
    storeId,
    channel: { type: 'TEST', id: 'channel-standin', key: 'channel-key-standin', name: 'stand-in', pgProvider: 'TOSSPAYMENTS', pgMerchantId: 'standin' },
    version: 'V2',
    requestedAt: now,
    updatedAt: now,
    statusChangedAt: now,
    orderName: seed.orderName ?? 'Colophon order',
    amount: { total: seed.amount.total, taxFree: 0, discount: 0, paid, cancelled: 0, cancelledTaxFree: 0 },
    currency: seed.currency,
    customer: {},
    disputes: [],
  }
  if (seed.status === 'PAID') return { ...base, paidAt: seed.paidAt ?? now, method: { type: 'PaymentMethodCard' } }
  if (seed.status === 'FAILED') return { ...base, failedAt: now, failure: seed.failure ?? { reason: 'declined by the card company' } }
  return base
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

// Pages of the store call the stand-in from another origin.
const CORS = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type' }

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = body === undefined ? '' : JSON.stringify(body)
  res.writeHead(status, { ...CORS, 'content-type': 'application/json' }).end(text)
}

function sendScript(res: ServerResponse, script: string): void {
  res.writeHead(200, { ...CORS, 'content-type': 'text/javascript; charset=utf-8' }).end(script)
}

function browserSdk(origin: string): string {
  return `window.PortOne = {
  async requestPayment(params) {
    const answer = await fetch(${JSON.stringify(`${origin}/v2/stand-in/pay`)}, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(params),
    })
    return answer.json()
  },
}
`
}

import { PaymentClient, type Payment } from '@portone/server-sdk'
import { InputError } from '../../core/errors'
import { callPortOne } from './call'
import { PortOneRefusedError, PortOneUnavailableError } from './errors'
import { verifyPortOneWebhook, type VerifiedWebhook } from './webhook'

export interface PortOneConfig {
  storeId: string
  channelKey: string
  apiSecret: string
  webhookSecret?: string
  /** Default https://api.portone.io */
  baseUrl?: string
  /** Default 10000 */
  timeoutMs?: number
}

export type PaymentCheck =
  | { outcome: 'paid'; paidAt: string; amount: number; currency: string }
  | { outcome: 'pending'; reason: string }
  | { outcome: 'refused'; reason: string; cancelled: boolean }

/** What PortOne's browser SDK `requestPayment` takes; nothing secret. */
export interface PaymentWindowParams {
  storeId: string
  channelKey: string
  paymentId: string
  orderName: string
  totalAmount: number
  currency: 'KRW'
  payMethod: 'CARD'
  customer: { fullName: string; phoneNumber: string; email: string }
}

interface WarnLog {
  warn(obj: object, msg: string): void
}

const silent: WarnLog = { warn() {} }

/**
 * PortOne V2 card payments. The browser's word that a payment is done is never
 * taken: `check` asks PortOne and accepts only the order's amount and currency.
 */
export class PortOne {
  readonly #config: PortOneConfig
  readonly #payments: ReturnType<typeof PaymentClient>
  readonly #timeoutMs: number
  readonly #log: WarnLog

  constructor(config: PortOneConfig, log: WarnLog = silent) {
    this.#config = config
    this.#payments = PaymentClient({ secret: config.apiSecret, baseUrl: config.baseUrl, storeId: config.storeId })
    this.#timeoutMs = config.timeoutMs ?? 10_000
    this.#log = log
  }

  /** What the browser's payment window needs (no secrets). */
  windowParams(
    paymentId: string,
    order: { name: string; amount: number; currency: 'KRW'; buyer: { name: string; phone: string; email: string } },
  ): PaymentWindowParams {
    assertWon(order.amount)
    return {
      storeId: this.#config.storeId,
      channelKey: this.#config.channelKey,
      paymentId,
      orderName: order.name,
      totalAmount: order.amount,
      currency: order.currency,
      payMethod: 'CARD',
      customer: { fullName: order.buyer.name, phoneNumber: order.buyer.phone, email: order.buyer.email },
    }
  }

  /**
   * Asks PortOne how the payment stands. A paid payment of another amount or
   * currency is cancelled at PortOne before it is refused. When PortOne does
   * not answer the outcome is `pending`, never a verdict.
   */
  async check(paymentId: string, expected: { amount: number; currency: string }): Promise<PaymentCheck> {
    let payment: Payment.Payment
    try {
      payment = await callPortOne('getPayment', paymentId, this.#timeoutMs, () =>
        this.#payments.getPayment({ paymentId }),
      )
    } catch (err) {
      if (err instanceof PortOneUnavailableError) {
        this.#log.warn({ paymentId }, err.message)
        return { outcome: 'pending', reason: err.message }
      }
      if (err instanceof PortOneRefusedError && err.code === 'PAYMENT_NOT_FOUND') {
        return { outcome: 'refused', reason: `PortOne knows no payment ${paymentId}`, cancelled: false }
      }
      throw err
    }
    return this.#judge(paymentId, payment, expected)
  }

  /** Refunds the whole payment, or `amount` won of it. Throws PortOneRefusedError or PortOneUnavailableError. */
  async cancel(paymentId: string, reason: string, amount?: number): Promise<void> {
    if (amount !== undefined) assertWon(amount)
    let answer: Payment.CancelPaymentResponse
    try {
      answer = await callPortOne('cancelPayment', paymentId, this.#timeoutMs, () =>
        this.#payments.cancelPayment({ paymentId, reason, amount }),
      )
    } catch (err) {
      // A full refund repeated after a lost answer: the first one went through.
      if (amount === undefined && err instanceof PortOneRefusedError && err.code === 'PAYMENT_ALREADY_CANCELLED') return
      throw err
    }
    if (answer.cancellation.status === 'FAILED') {
      throw new PortOneRefusedError('cancelPayment', paymentId, 'CANCELLATION_FAILED', 'the card company refused the refund')
    }
  }

  /** Checks a webhook's Standard Webhooks signature against the webhook secret. */
  verifyWebhook(rawBody: string, headers: Record<string, string | undefined>): Promise<VerifiedWebhook> {
    return verifyPortOneWebhook(this.#config.webhookSecret, rawBody, headers)
  }

  async #judge(
    paymentId: string,
    payment: Payment.Payment,
    expected: { amount: number; currency: string },
  ): Promise<PaymentCheck> {
    switch (payment.status) {
      case 'PAID': {
        const { total } = payment.amount
        if (total === expected.amount && payment.currency === expected.currency) {
          return { outcome: 'paid', paidAt: payment.paidAt, amount: total, currency: payment.currency }
        }
        const reason = `paid ${total} ${payment.currency}, the order is ${expected.amount} ${expected.currency}`
        return { outcome: 'refused', reason, cancelled: await this.#cancelMismatch(paymentId, reason) }
      }
      case 'READY':
      case 'PAY_PENDING':
      case 'VIRTUAL_ACCOUNT_ISSUED':
        return { outcome: 'pending', reason: `PortOne reports ${payment.status}` }
      case 'FAILED': {
        const why = payment.failure.reason ?? payment.failure.pgMessage ?? 'no reason given'
        return { outcome: 'refused', reason: `the payment failed: ${why}`, cancelled: false }
      }
      case 'CANCELLED':
      case 'PARTIAL_CANCELLED':
        return { outcome: 'refused', reason: `the payment was cancelled at PortOne`, cancelled: false }
      default:
        this.#log.warn({ paymentId, status: String(payment.status) }, 'PortOne reported a payment status we do not know')
        return { outcome: 'pending', reason: `PortOne reports ${String(payment.status)}` }
    }
  }

  async #cancelMismatch(paymentId: string, reason: string): Promise<boolean> {
    try {
      await this.cancel(paymentId, `amount does not match the order: ${reason}`)
      return true
    } catch (err) {
      // The caller sees cancelled=false and must refund by hand or try again.
      this.#log.warn({ paymentId, error: err instanceof Error ? err.message : String(err) }, 'could not cancel a mismatched payment')
      return false
    }
  }
}

function assertWon(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw new InputError('amount', `expected a whole number of won above zero, got ${amount}`)
  }
}

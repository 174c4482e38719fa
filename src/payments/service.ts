import type { Actor, Order, OrderService, Refunder } from '../commerce'
import { InputError, NotFoundError } from '../core/errors'
import { createLogger, type Logger } from '../core/logger'
import type { Database, Kysely } from '../store'
import { matchDeposits, parseStatement, type AwaitingOrder, type DepositMatch, type StatementLine } from './bank-transfer'
import type { PaymentCheck, PortOne } from './portone'
import * as repo from './repo'
import type { CardOutcome, ExpiryReport, PaymentsOptions, StatementReport, WebhookOutcome } from './types'

const DAY = 24 * 3600_000
/** The depositor column's width (bank_deposit.depositor). */
const DEPOSITOR_CHARS = 100
/** A step that lost a race with another process, or that the order can no longer take. */
const MOVED = ['order_changed', 'order_bad_step']

const hasMoved = (err: unknown) => err instanceof InputError && MOVED.includes(err.code)
/** Deposits left for a person: the statement could not tell which order they pay. */
const UNDECIDED = ['ambiguous', 'unmatched']

/**
 * Money in and out for orders: bank transfers confirmed by staff or matched
 * from a statement, card payments checked with PortOne (never taken on the
 * browser's word), refunds, and the deadline after which unpaid orders are
 * cancelled.
 */
export class PaymentsService implements Refunder {
  private readonly portone: PortOne | undefined
  private readonly log: Logger
  private readonly now: () => Date
  private timer: NodeJS.Timeout | undefined
  private running: Promise<unknown> | undefined

  constructor(
    private readonly db: Kysely<Database>,
    private readonly orders: OrderService,
    { portone, logger = createLogger('silent'), now = () => new Date() }: PaymentsOptions = {},
  ) {
    this.portone = portone
    this.log = logger
    this.now = now
  }

  /** Gives money back the way it came; throws when PortOne refuses, so the order is left as it was. */
  async refund(order: Order, amount: number, reason: string): Promise<void> {
    if (order.paymentMethod === 'bank_transfer') {
      // Nothing to call: staff send the money back by transfer, from this log line and the order's timeline.
      this.log.info({ order: order.number, amount }, 'bank transfer to refund by hand')
      return
    }
    if (!this.portone || !order.paymentId) {
      throw new InputError('payment', `order ${order.number} was paid by card, but PortOne is not configured to refund it`, { code: 'portone_off', params: { number: order.number } })
    }
    // The whole amount is cancelled without naming it, which PortOne answers the same when asked twice (a retry after a lost answer).
    await this.portone.cancel(order.paymentId, reason, amount === order.total ? undefined : amount)
    this.log.info({ order: order.number, amount }, 'card payment refunded at PortOne')
  }

  /** Staff saw the money of a bank transfer arrive; false when the order was paid already. */
  async confirmDeposit(number: string, actor: Actor): Promise<boolean> {
    const order = await this.orders.byNumber(number)
    if (order.paymentMethod !== 'bank_transfer') {
      throw new InputError('number', `order ${number} is paid by card: PortOne confirms it, not a deposit`, { code: 'not_bank_transfer', params: { number } })
    }
    return this.orders.markPaid(number, actor, 'deposit confirmed')
  }

  /**
   * Reads a bank statement and pays the orders its deposits match. A deposit
   * is recorded by its key before anything is credited, so a statement
   * imported twice, or by two people at once, credits each deposit once.
   */
  async importStatement(bytes: Buffer, file: string, actor: Actor = 'bank'): Promise<StatementReport> {
    const { lines, errors } = parseStatement(bytes, file)
    const known = await repo.knownDepositKeys(this.db, lines.map((l) => l.key))
    const fresh = lines.filter((l) => !known.has(l.key))
    const awaiting = await this.orders.awaiting('bank_transfer')
    const byNumber = new Map(awaiting.map((o) => [o.number, o]))
    const matches = matchDeposits(fresh, awaiting.map(toAwaiting))
    const report: StatementReport = { file, read: lines.length, repeated: lines.length - fresh.length, matched: [], ambiguous: [], unmatched: [], errors }
    const importedAt = this.now().toISOString()
    for (const match of matches) {
      const order = match.outcome === 'matched' ? byNumber.get(match.orderNumber) : undefined
      const { line } = match
      const isNew = await repo.recordDeposit(this.db, {
        key: line.key, imported_at: importedAt, deposited_on: line.date, depositor: line.depositor.slice(0, DEPOSITOR_CHARS),
        amount: line.amount, order_id: order?.id ?? null, outcome: match.outcome, source: file,
      })
      if (!isNew) report.repeated++
      else await this.settle(match, actor, report)
    }
    return report
  }

  /**
   * The deposits a person has still to decide, each with the orders awaiting a
   * transfer that it could pay now (orders are placed and paid after the
   * import, so the candidates are worked out afresh).
   */
  async undecidedDeposits(limit = 200): Promise<Pick<StatementReport, 'ambiguous' | 'unmatched'>> {
    const rows = await repo.depositsWithOutcome(this.db, UNDECIDED, limit)
    const lines: StatementLine[] = rows.map((r) => ({ key: r.key, date: r.deposited_on, depositor: r.depositor, amount: Number(r.amount), line: 0 }))
    const awaiting = await this.orders.awaiting('bank_transfer')
    const undecided: Pick<StatementReport, 'ambiguous' | 'unmatched'> = { ambiguous: [], unmatched: [] }
    for (const match of matchDeposits(lines, awaiting.map(toAwaiting))) {
      // Even a single fitting order is only proposed: the statement did not settle it, a person does.
      if (match.outcome === 'matched') undecided.ambiguous.push({ line: match.line, candidates: [match.orderNumber] })
      else if (match.outcome === 'ambiguous') undecided.ambiguous.push({ line: match.line, candidates: match.candidates })
      else undecided.unmatched.push({ line: match.line, reason: match.reason })
    }
    return undecided
  }

  /**
   * A person decides which order an undecided deposit pays: the order is
   * marked paid (as `confirmDeposit` does) and the deposit is confirmed for
   * it. The deposit is claimed first, so it pays one order however many
   * people assign it at once; if the order cannot be paid, it is let go again.
   */
  async assignDeposit(key: string, number: string, actor: Actor): Promise<void> {
    const deposit = await repo.depositByKey(this.db, key)
    if (!deposit) throw new NotFoundError('deposit', key)
    const taken = () => new InputError('deposit', `deposit ${key} was decided already (${deposit.outcome})`, { code: 'deposit_decided', params: { number } })
    if (!UNDECIDED.includes(deposit.outcome)) throw taken()
    const order = await this.orders.byNumber(number)
    if (order.paymentMethod !== 'bank_transfer') {
      throw new InputError('number', `order ${number} is paid by card: PortOne confirms it, not a deposit`, { code: 'not_bank_transfer', params: { number } })
    }
    if (!(await repo.claimDeposit(this.db, key, deposit.outcome, order.id))) throw taken()
    try {
      if (!(await this.confirmDeposit(number, actor))) throw new InputError('number', `order ${number} was paid already`, { code: 'order_paid_already', params: { number } })
    } catch (err) {
      await repo.setDepositOutcome(this.db, key, deposit.outcome, null)
      throw err
    }
  }

  private async settle(match: DepositMatch, actor: Actor, report: StatementReport): Promise<void> {
    const { line } = match
    if (match.outcome === 'ambiguous') return void report.ambiguous.push({ line, candidates: match.candidates })
    if (match.outcome === 'unmatched') return void report.unmatched.push({ line, reason: match.reason })
    if (await this.creditDeposit(match.orderNumber, actor)) return void report.matched.push({ line, orderNumber: match.orderNumber })
    // Paid or cancelled since the statement was read: the money is for a person to look at, never credited twice.
    await repo.setDepositOutcome(this.db, line.key, 'ambiguous', null)
    report.ambiguous.push({ line, candidates: [match.orderNumber] })
  }

  private async creditDeposit(number: string, actor: Actor): Promise<boolean> {
    try {
      return await this.orders.markPaid(number, actor, 'deposit matched')
    } catch (err) {
      if (hasMoved(err)) return false
      throw err
    }
  }

  /**
   * Settles an order's card payment by asking PortOne, as many times as it is
   * asked (the return from the payment window, webhooks, the scheduler).
   */
  async completeCard(paymentId: string, actor: Actor = 'portone'): Promise<CardOutcome> {
    const order = await this.orders.byPaymentId(paymentId)
    if (!order) {
      this.log.warn({ paymentId }, 'a payment for no order')
      throw new InputError('paymentId', `no order has payment ${paymentId}`, { code: 'payment_unknown', params: { paymentId } })
    }
    if (order.paidAt) return { outcome: 'already_paid' }
    const check = await this.checkCard(order)
    if (order.status === 'cancelled') return this.refundLate(order, check)
    if (check.outcome === 'pending') return { outcome: 'pending', reason: check.reason }
    if (check.outcome === 'refused') return { outcome: 'refused', reason: check.reason }
    try {
      return { outcome: (await this.orders.markPaid(order.number, actor, 'card payment confirmed')) ? 'paid' : 'already_paid' }
    } catch (err) {
      if (!hasMoved(err)) throw err
      // Paid by another report of the same payment, or cancelled by the deadline a moment ago: look again.
      const now = await this.orders.byNumber(order.number)
      return now.paidAt ? { outcome: 'already_paid' } : this.refundLate(now, check)
    }
  }

  private checkCard(order: Order): Promise<PaymentCheck> {
    if (!this.portone || !order.paymentId) {
      throw new InputError('payment', `order ${order.number} is paid by card, but PortOne is not configured`, { code: 'portone_off', params: { number: order.number } })
    }
    return this.portone.check(order.paymentId, { amount: order.total, currency: order.currency })
  }

  /** Money that arrived after its order was cancelled goes back: a late payment is never shipped. */
  private async refundLate(order: Order, check: PaymentCheck): Promise<CardOutcome> {
    if (check.outcome !== 'paid') return { outcome: check.outcome, reason: check.reason }
    await this.portone!.cancel(order.paymentId!, 'the order was cancelled before the payment arrived')
    this.log.warn({ order: order.number, amount: check.amount }, 'a card payment for a cancelled order was refunded')
    return { outcome: 'refunded_late', reason: 'order_cancelled' }
  }

  /** A PortOne webhook: checked by its signature, then the payment it names is asked about (never taken from the body). */
  async webhook(rawBody: string, headers: Record<string, string | undefined>): Promise<WebhookOutcome> {
    if (!this.portone) throw new InputError('webhook', 'PortOne is not configured, so no webhook can be trusted', { code: 'webhook_signature', params: { reason: 'NO_PORTONE' } })
    const hook = await this.portone.verifyWebhook(rawBody, headers)
    if (!hook.paymentId || !hook.type.startsWith('Transaction.')) return { type: hook.type, outcome: 'ignored' }
    try {
      return { type: hook.type, ...(await this.completeCard(hook.paymentId)) }
    } catch (err) {
      // Another shop's payment on the same PortOne store: sending it again would not help.
      if (err instanceof InputError && err.code === 'payment_unknown') return { type: hook.type, outcome: 'ignored' }
      throw err
    }
  }

  /**
   * Cancels the orders whose payment deadline has passed. A card payment is
   * asked about first: paid, the order is paid; still in the window, it gets
   * until a day past its deadline.
   */
  async expireOverdue(): Promise<ExpiryReport> {
    const report: ExpiryReport = { cancelled: [], paid: [] }
    for (const order of await this.orders.overdue()) {
      try {
        const verdict = await this.cardVerdict(order)
        if (verdict === 'paid' && (await this.orders.markPaid(order.number, 'portone', 'card payment confirmed'))) report.paid.push(order.number)
        if (verdict !== 'unpaid') continue
        await this.orders.cancel(order.number, 'system', 'payment_deadline')
        report.cancelled.push(order.number)
      } catch (err) {
        // Another process took this order first (both workers run the deadline): theirs stands.
        if (hasMoved(err)) continue
        this.log.error({ err, order: order.number }, 'payment deadline not applied')
      }
    }
    return report
  }

  private async cardVerdict(order: Order): Promise<'paid' | 'wait' | 'unpaid'> {
    if (order.paymentMethod !== 'card' || !this.portone || !order.paymentId) return 'unpaid'
    const check = await this.checkCard(order)
    if (check.outcome === 'paid') return 'paid'
    const isLong = this.now().getTime() - Date.parse(order.payBy ?? order.placedAt) > DAY
    return check.outcome === 'pending' && !isLong ? 'wait' : 'unpaid'
  }

  /** Applies the payment deadline every `intervalMs`; the timer does not keep the process alive, and a failed round is logged. */
  start(intervalMs = 60_000): void {
    if (this.timer) return
    this.timer = setInterval(() => {
      if (this.running) return
      this.running = this.expireOverdue()
        .then((r) => (r.cancelled.length || r.paid.length ? this.log.info(r, 'payment deadline applied') : undefined))
        .catch((err: unknown) => this.log.error({ err }, 'payment deadline round failed'))
        .finally(() => (this.running = undefined))
    }, intervalMs)
    this.timer.unref()
  }

  async stop(): Promise<void> {
    clearInterval(this.timer)
    this.timer = undefined
    await this.running
  }
}

const toAwaiting = (o: Order): AwaitingOrder => ({ orderNumber: o.number, amount: o.total, depositorNames: [o.depositorName ?? '', o.buyer.name].filter(Boolean), placedAt: o.placedAt })

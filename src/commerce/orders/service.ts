import { randomUUID } from 'node:crypto'
import { isDigital, type CatalogService } from '../../catalog'
import { InputError, NotFoundError } from '../../core/errors'
import type { Database, Kysely, Transactor, UnitOfWork } from '../../store'
import * as cartRepo from '../repo'
import type { CommerceService } from '../service'
import { priceCart, type PricingRules } from '../pricing'
import { carrierCode, parseTrackingNumber } from '../shipping'
import * as repo from './repo'
import { assertMove, HOLDS_STOCK } from './states'
import type { Actor, CheckoutInput, Order, OrderListener, OrderNotice, OrderStatus, OrderWitness, PointEntry, Refunder } from './types'

const HOUR = 3600_000
const DAY = 24 * HOUR
/** Korea has one time zone and no daylight saving: its date is UTC+9's. */
const SEOUL = 9 * HOUR

export const seoulDay = (at: Date) => new Date(at.getTime() + SEOUL).toISOString().slice(0, 10)

export interface OrderRules {
  pricing: PricingRules
  /** How long a bank transfer may take to arrive before the order is cancelled. */
  bankTransferDays: number
  /** How long a card payment window may stay open before the order is cancelled. */
  cardMinutes: number
  /** Days after delivery within which a return may be asked for. */
  returnDays: number
  /** The delivery date promised at checkout (YYYY-MM-DD), if the store gives one. */
  arrivesOn?: (placedAt: Date) => string | undefined
}

export const DEFAULT_ORDER_RULES: Omit<OrderRules, 'pricing'> = { bankTransferDays: 3, cardMinutes: 60, returnDays: 7 }

export interface Placing {
  /** The cart's owner (a session id or `customer:<id>`). */
  owner: string
  customerId: string | null
  input: CheckoutInput
}

/** Orders from checkout to the reader's door and back: placing, paying, shipping, cancelling, returns, points. */
export class OrderService {
  private readonly listeners: OrderListener[] = []
  private readonly witnesses: OrderWitness[] = []

  constructor(
    private readonly db: Kysely<Database>,
    private readonly work: Transactor,
    private readonly catalog: CatalogService,
    private readonly commerce: CommerceService,
    private readonly rules: OrderRules,
    private readonly refunder?: Refunder,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Tells `listener` of every step an order takes, once it is committed. */
  listen(listener: OrderListener): void {
    this.listeners.push(listener)
  }

  /** Tells `witness` of every step inside the step's unit of work, before it commits: what it writes commits with the step, and its throw undoes it. */
  witness(witness: OrderWitness): void {
    this.witnesses.push(witness)
  }

  /**
   * Places the owner's cart as one order, in one unit of work: number, stock,
   * points, lines, first event, empty cart. The same form submitted again (its
   * idempotency key) finds the order it made instead of making another.
   */
  async place({ owner, customerId, input }: Placing): Promise<Order> {
    const again = await this.placedBefore(owner, input.idempotencyKey)
    if (again) return again
    const { lines } = await this.commerce.cart(owner)
    if (lines.length === 0) {
      // The same form's first submission may have committed since we looked: its order, not an error.
      const placed = await this.placedBefore(owner, input.idempotencyKey)
      if (placed) return placed
      throw new InputError('cart', 'is empty: add a book before ordering', { code: 'cart_empty' })
    }
    const currencies = [...new Set(lines.map((l) => l.book.currency))]
    if (currencies.length > 1) throw new InputError('cart', `mixes currencies (${currencies.join(', ')}): order them separately`, { code: 'cart_mixed_currency', params: { currencies: currencies.join(', ') } })
    if (input.pointsToSpend > 0 && !customerId) throw new InputError('pointsToSpend', 'points are for signed-in customers', { code: 'points_need_account' })
    const balance = customerId && input.pointsToSpend > 0 ? await repo.pointBalance(this.db, customerId) : 0
    if (input.pointsToSpend > balance) throw new InputError('pointsToSpend', `only ${balance} points to spend`, { code: 'points_over_balance', params: { balance } })
    const priced = priceCart(lines.map((l) => ({ listPrice: l.price.listPrice, salePrice: l.book.salePrice, currency: l.book.currency ?? 'KRW', quantity: l.quantity, isDigital: isDigital(l.book) })), this.rules.pricing, { pointsToSpend: input.pointsToSpend, pointsBalance: balance })
    const placedAt = this.now()
    const at = placedAt.toISOString()
    const id = randomUUID()
    const orderLines = lines.map((l, i) => {
      const p = priced.lines[i]!
      return { isbn13: l.book.isbn13, title: l.book.title, quantity: l.quantity, unitPrice: p.unitPrice, listPrice: p.listPrice, discount: p.discount, points: p.points }
    })
    const isCard = input.paymentMethod === 'card'
    const payBy = new Date(placedAt.getTime() + (isCard ? this.rules.cardMinutes * 60_000 : this.rules.bankTransferDays * DAY)).toISOString()
    const actor = customerId ? `customer:${customerId}` : 'guest'
    const first = { at, from: null, to: 'awaiting_payment', actor, reason: null } as const
    let placed: repo.OrderRow
    try {
      placed = await this.work(async (unit) => {
        await this.catalog.takeStock(unit, orderLines)
        if (priced.pointsSpent > 0) await this.spendPoints(unit, customerId!, id, priced.pointsSpent, at)
        // The day's counter is taken last: its row stays locked until the commit (on PostgreSQL), so checkouts queue on it as briefly as possible.
        const day = seoulDay(placedAt).replaceAll('-', '')
        const number = `${day}-${String(await repo.nextOrderSerial(unit.db, day)).padStart(6, '0')}`
        const { buyer, delivery } = input
        const row: repo.OrderRow = {
            id, number, session_id: owner, customer_id: customerId, status: 'awaiting_payment', lang: input.lang, placed_at: at, updated_at: at,
            currency: priced.currency, total: priced.amountToPay, books_total: priced.booksTotal, shipping_fee: priced.shippingFee,
            points_spent: priced.pointsSpent, points_earned: customerId ? priced.pointsEarned : 0,
            buyer_name: buyer.name, buyer_phone: buyer.phone, buyer_email: buyer.email,
            recipient_name: delivery.recipientName, recipient_phone: delivery.recipientPhone, postal_code: delivery.postalCode,
            address: delivery.address, address_detail: delivery.addressDetail, delivery_note: delivery.note,
            payment_method: input.paymentMethod, payment_id: isCard ? `colophon-${id}` : null, depositor_name: isCard ? null : input.depositorName,
            pay_by: payBy, paid_at: null, arrives_on: this.rules.arrivesOn?.(placedAt) ?? null,
            carrier: null, tracking_number: null, delivered_at: null, idempotency_key: input.idempotencyKey,
        }
        await repo.insertOrder(unit.db, row, orderLines)
        await repo.appendEvent(unit.db, id, first, 1)
        await cartRepo.clearCart(unit.db, owner)
        for (const w of this.witnesses) await w(unit, { order: repo.toOrder(row, orderLines, [first]), event: first })
        return row
      })
    } catch (err) {
      // Two submissions of one form racing: the loser finds the winner's order.
      const winner = await this.placedBefore(owner, input.idempotencyKey)
      if (winner) return winner
      throw err
    }
    // The order as written, its lines in the order a read gives them: nothing to read back.
    const byTitle = [...orderLines].sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0))
    const order = repo.toOrder(placed, byTitle, [first])
    for (const l of order.lines) this.commerce.recordPurchase(owner, l.isbn13)
    this.announce({ order, event: first })
    return order
  }

  private async placedBefore(owner: string, key: string): Promise<Order | undefined> {
    const row = await repo.orderByKey(this.db, key)
    if (!row) return undefined
    if (row.session_id !== owner) throw new InputError('idempotencyKey', 'belongs to another checkout', { code: 'checkout_form_expired' })
    return this.load(row)
  }

  /** An order by its number, for whoever may see it: the cart owner that placed it or its customer. */
  async forOwner(number: string, owner: { session?: string; customerId?: string }): Promise<Order> {
    const row = await repo.orderByNumber(this.db, number)
    const mine = row && ((owner.customerId && row.customer_id === owner.customerId) || (owner.session && row.session_id === owner.session && !row.customer_id))
    if (!row || !mine) throw new NotFoundError('order', number)
    return this.load(row)
  }

  /** A guest finds an order by its number and the buyer's email or phone; anything else finds nothing. */
  async lookUp(number: string, emailOrPhone: string): Promise<Order> {
    const row = await repo.orderByNumber(this.db, number.trim())
    const given = emailOrPhone.trim().toLowerCase()
    const digits = given.replace(/\D/g, '')
    const matches = row && ((row.buyer_email ?? '') === given || (digits.length >= 10 && (row.buyer_phone ?? '').replace(/\D/g, '') === digits))
    if (!row || !matches) throw new NotFoundError('order', number)
    return this.load(row)
  }

  /** An order by number, for staff and the store's own jobs. */
  async byNumber(number: string): Promise<Order> {
    const row = await repo.orderByNumber(this.db, number)
    if (!row) throw new NotFoundError('order', number)
    return this.load(row)
  }

  async byPaymentId(paymentId: string): Promise<Order | undefined> {
    const row = await repo.orderByPaymentId(this.db, paymentId)
    return row && this.load(row)
  }

  private async byId(id: string): Promise<Order> {
    const row = await repo.orderById(this.db, id)
    if (!row) throw new NotFoundError('order', id)
    return this.load(row)
  }

  private async load(row: repo.OrderRow): Promise<Order> {
    const [lines, events] = await Promise.all([repo.orderLines(this.db, row.id), repo.orderEvents(this.db, row.id)])
    return repo.toOrder(row, lines, events)
  }

  /** Many orders with their lines and timelines: three queries, however many orders. */
  private async loadMany(rows: repo.OrderRow[]): Promise<Order[]> {
    const ids = rows.map((r) => r.id)
    const [lines, events] = await Promise.all([repo.linesOfOrders(this.db, ids), repo.eventsOfOrders(this.db, ids)])
    return rows.map((r) => repo.toOrder(r, lines.get(r.id)!, events.get(r.id)!))
  }

  async ofCustomer(customerId: string, limit = 50): Promise<Order[]> {
    return this.loadMany(await repo.customerOrders(this.db, customerId, limit))
  }

  async withStatus(statuses: OrderStatus[], limit = 100): Promise<Order[]> {
    return this.loadMany(await repo.ordersByStatus(this.db, statuses, limit))
  }

  /**
   * A page of the orders in some states, or of those whose number, buyer,
   * recipient, email or phone holds the words; with how many there are in all.
   */
  async find(filter: repo.OrderFilter, { page = 1, perPage = 50, newestFirst = true }: { page?: number; perPage?: number; newestFirst?: boolean } = {}): Promise<{ orders: Order[]; total: number }> {
    const [rows, total] = await Promise.all([repo.findOrders(this.db, filter, { newestFirst, offset: (page - 1) * perPage, limit: perPage }), repo.countOrders(this.db, filter)])
    return { orders: await this.loadMany(rows), total }
  }

  /** How many orders each status holds (the back office's queues). */
  async counts(): Promise<Map<OrderStatus, number>> {
    return repo.countByStatus(this.db)
  }

  /**
   * Today in Seoul, for the back office's dashboard: orders placed, what
   * those not cancelled came to, and how many unpaid orders run out of time
   * before the day ends.
   */
  async today(): Promise<{ day: string; orders: number; sales: number; expiringToday: number }> {
    const now = this.now()
    const day = seoulDay(now)
    const dayEnd = new Date(Date.parse(`${day}T00:00:00Z`) + 24 * HOUR - SEOUL).toISOString()
    const [figures, expiringToday] = await Promise.all([repo.dayFigures(this.db, day.replaceAll('-', '')), repo.countAwaitingBefore(this.db, dayEnd)])
    return { day, ...figures, expiringToday }
  }

  /** Orders waiting for a payment by `method` (a statement is matched against the bank transfers). */
  async awaiting(method: Order['paymentMethod']): Promise<Order[]> {
    return this.loadMany(await repo.ordersAwaiting(this.db, method))
  }

  /** Orders whose payment deadline has passed, oldest first. */
  async overdue(limit = 100): Promise<Order[]> {
    return this.loadMany(await repo.overdueOrders(this.db, this.now().toISOString(), limit))
  }

  async points(customerId: string): Promise<{ balance: number; history: PointEntry[] }> {
    const [balance, history] = await Promise.all([repo.pointBalance(this.db, customerId), repo.pointHistory(this.db, customerId, 100)])
    return { balance, history }
  }

  /** The money arrived. A second report of the same payment changes nothing and says so (false). */
  async markPaid(number: string, actor: Actor, reason: string | null = null): Promise<boolean> {
    const order = await this.byNumber(number)
    if (order.status !== 'awaiting_payment') {
      if (order.paidAt) return false
      assertMove(number, order.status, 'paid')
    }
    const at = this.now().toISOString()
    return this.step(order, 'paid', actor, reason, { paid_at: at })
  }

  async prepare(number: string, actor: Actor): Promise<void> {
    await this.step(await this.byNumber(number), 'preparing', actor, null)
  }

  /** The books left with a carrier: its code (cj, epost, hanjin, lotte, logen) and tracking number. */
  async ship(number: string, carrier: string, trackingNumber: string, actor: Actor): Promise<void> {
    const code = carrierCode.safeParse(carrier)
    if (!code.success) throw new InputError('carrier', `unknown carrier "${carrier}"`, { code: 'carrier_unknown', params: { carrier } })
    const tracking = parseTrackingNumber(code.data, trackingNumber)
    await this.step(await this.byNumber(number), 'shipped', actor, null, { carrier: code.data, tracking_number: tracking })
  }

  /** The books reached the reader: the points earned are credited now. */
  async deliver(number: string, actor: Actor): Promise<void> {
    const order = await this.byNumber(number)
    const at = this.now().toISOString()
    await this.step(order, 'delivered', actor, null, { delivered_at: at }, async (unit) => {
      if (order.customerId && order.pointsEarned > 0) await this.pointChange(unit, order.customerId, order.id, order.pointsEarned, 'earned', at)
    })
  }

  /**
   * Cancels an order before it ships: stock back on the shelf, points spent
   * given back, and a paid order refunded through the way it was paid (the
   * refund goes first: if it fails, the order stays as it was).
   */
  async cancel(number: string, actor: Actor, reason: string): Promise<void> {
    const order = await this.byNumber(number)
    assertMove(number, order.status, 'cancelled')
    const refunded = order.paidAt ? order.total : 0
    if (refunded > 0) await this.refunder?.refund(order, refunded, reason)
    const at = this.now().toISOString()
    await this.step(order, 'cancelled', actor, reason, {}, async (unit) => {
      if (HOLDS_STOCK.includes(order.status)) await this.catalog.returnStock(unit, order.lines)
      if (order.customerId && order.pointsSpent > 0) await this.pointChange(unit, order.customerId, order.id, order.pointsSpent, 'restored', at)
    }, refunded)
  }

  /** The reader asks to send the books back, within the store's days after delivery. */
  async requestReturn(number: string, actor: Actor, reason: string): Promise<void> {
    const order = await this.byNumber(number)
    assertMove(number, order.status, 'return_requested')
    const deadline = new Date(order.deliveredAt ?? order.placedAt).getTime() + this.rules.returnDays * DAY
    if (this.now().getTime() > deadline) throw new InputError('status', `order ${number} was delivered more than ${this.rules.returnDays} days ago`, { code: 'return_too_late', params: { number, days: this.rules.returnDays } })
    await this.step(order, 'return_requested', actor, reason)
  }

  /** The returned books arrived back: they go on the shelf again. */
  async receiveReturn(number: string, actor: Actor): Promise<void> {
    const order = await this.byNumber(number)
    await this.step(order, 'returned', actor, null, {}, (unit) => this.catalog.returnStock(unit, order.lines))
  }

  /** Pays back a returned order: the money, the points spent; the points it earned are taken back. */
  async refund(number: string, actor: Actor): Promise<void> {
    const order = await this.byNumber(number)
    assertMove(number, order.status, 'refunded')
    if (order.total > 0) await this.refunder?.refund(order, order.total, 'return')
    const at = this.now().toISOString()
    await this.step(order, 'refunded', actor, null, {}, async (unit) => {
      if (!order.customerId) return
      if (order.pointsSpent > 0) await this.pointChange(unit, order.customerId, order.id, order.pointsSpent, 'restored', at)
      if (order.pointsEarned > 0) await this.pointChange(unit, order.customerId, order.id, -order.pointsEarned, 'revoked', at)
    }, order.total)
  }

  /** One step of an order's life in one unit of work; refused when the order moved meanwhile. */
  private async step(order: Order, to: OrderStatus, actor: Actor, reason: string | null, set: Partial<repo.NewOrderRow> = {}, also?: (unit: UnitOfWork) => Promise<void>, refunded?: number): Promise<boolean> {
    assertMove(order.number, order.status, to)
    const at = this.now().toISOString()
    const event = { at, from: order.status, to, actor, reason }
    await this.work(async (unit) => {
      if (!(await repo.moveOrder(unit.db, order.id, order.status, to, { ...set, updated_at: at }))) {
        throw new InputError('status', `order ${order.number} changed meanwhile; look again`, { code: 'order_changed', params: { number: order.number } })
      }
      await repo.appendEvent(unit.db, order.id, event)
      await also?.(unit)
      const moved = this.witnesses.length ? await repo.orderById(unit.db, order.id) : undefined
      for (const w of this.witnesses) await w(unit, { order: repo.toOrder(moved!, order.lines, [...order.events, event]), event, refunded })
    })
    this.announce({ order: await this.byId(order.id), event, refunded })
    return true
  }

  private async spendPoints(unit: UnitOfWork, customerId: string, orderId: string, points: number, at: string): Promise<void> {
    if (!(await repo.takePoints(unit.db, customerId, points))) throw new InputError('pointsToSpend', 'more points than the balance', { code: 'points_over_balance', params: { balance: await repo.pointBalance(unit.db, customerId) } })
    await repo.recordPoints(unit.db, { id: randomUUID(), customerId, orderId, at, delta: -points, reason: 'spent' })
  }

  private async pointChange(unit: UnitOfWork, customerId: string, orderId: string, delta: number, reason: PointEntry['reason'], at: string): Promise<void> {
    const made = await repo.givePoints(unit.db, customerId, delta)
    if (made !== 0) await repo.recordPoints(unit.db, { id: randomUUID(), customerId, orderId, at, delta: made, reason })
  }

  private announce(notice: OrderNotice): void {
    for (const listener of this.listeners) {
      Promise.resolve()
        .then(() => listener(notice))
        .catch(() => undefined)
    }
  }
}

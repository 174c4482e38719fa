import type { UnitOfWork } from '../../store'

/** Where an order is in its life; `states.ts` says which steps are allowed. */
export type OrderStatus = 'awaiting_payment' | 'paid' | 'preparing' | 'shipped' | 'delivered' | 'return_requested' | 'returned' | 'refunded' | 'cancelled'

export type PaymentMethod = 'bank_transfer' | 'card'

export type OrderLang = 'ko' | 'en'

/** Who moved an order: 'customer:<id>', 'guest', 'staff:<name>', 'system' (the scheduler), 'bank' (a statement), 'portone'. */
export type Actor = string

export interface Buyer {
  name: string
  /** 010-0000-0000 */
  phone: string
  email: string
}

export interface Delivery {
  recipientName: string
  recipientPhone: string
  /** The five-digit 우편번호 (국가기초구역번호). */
  postalCode: string
  /** 도로명주소. */
  address: string
  addressDetail: string
  /** 경비실에 맡겨 주세요, and the like. */
  note: string
}

/** What the checkout form gives, checked. */
export interface CheckoutInput {
  buyer: Buyer
  delivery: Delivery
  paymentMethod: PaymentMethod
  /** The name a bank transfer will come from, when not the buyer's. */
  depositorName: string
  /** Points (적립금) to pay with: a signed-in customer's only. */
  pointsToSpend: number
  /** The form's one-time key: a resubmission finds the order it made. */
  idempotencyKey: string
  lang: OrderLang
}

export interface OrderLine {
  isbn13: string
  title: string
  quantity: number
  /** What one copy sold for, and per copy its 정가. */
  unitPrice: number
  listPrice: number
  /** The whole line's discount and points earned. */
  discount: number
  points: number
}

export interface OrderEvent {
  at: string
  from: OrderStatus | null
  to: OrderStatus
  actor: Actor
  reason: string | null
}

export interface Order {
  id: string
  /** YYYYMMDD-NNNNNN: the only id shown to people. */
  number: string
  status: OrderStatus
  customerId: string | null
  lang: OrderLang
  placedAt: string
  currency: string
  booksTotal: number
  shippingFee: number
  pointsSpent: number
  pointsEarned: number
  /** What is paid with money: books + shipping - points. */
  total: number
  buyer: Buyer
  delivery: Delivery
  paymentMethod: PaymentMethod
  paymentId: string | null
  depositorName: string | null
  payBy: string | null
  paidAt: string | null
  arrivesOn: string | null
  carrier: string | null
  trackingNumber: string | null
  deliveredAt: string | null
  lines: OrderLine[]
  events: OrderEvent[]
}

/** A line of a customer's points history. */
export interface PointEntry {
  at: string
  delta: number
  reason: 'earned' | 'spent' | 'restored' | 'revoked'
  orderNumber: string | null
}

/** What happened to an order, for whoever sends mail about it. */
export interface OrderNotice {
  order: Order
  event: OrderEvent
  /** Set on a refund: how much went back. */
  refunded?: number
}

/** Told of each step an order takes, after it is committed (mail listens). */
export interface OrderListener {
  (notice: OrderNotice): void | Promise<void>
}

/** Told of each step inside its unit of work, before the commit (webhooks queue their deliveries there). */
export type OrderWitness = (unit: UnitOfWork, notice: OrderNotice) => Promise<void>

/** Gives money back through the way it was paid; implemented by the payments domain. */
export interface Refunder {
  refund(order: Order, amount: number, reason: string): Promise<void>
}

/** The account a bank transfer (무통장입금) goes to. */
export interface BankAccount {
  bankName: string
  bankAccount: string
  accountHolder: string
}

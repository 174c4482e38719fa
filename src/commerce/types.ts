import type { BookSummary } from '../catalog'

export interface CartLine {
  book: BookSummary
  quantity: number
  /** In the book's currency's minor unit. */
  unitPrice: number
  lineTotal: number
}

/** A sum in one currency (a cart may mix currencies; the demo store's never does). */
export interface Money {
  amount: number
  currency: string
}

export interface Cart {
  lines: CartLine[]
  totals: Money[]
  count: number
}

export interface OrderLine {
  isbn13: string
  title: string
  quantity: number
  unitPrice: number
}

export interface Order {
  id: string
  placedAt: string
  currency: string
  total: number
  lines: OrderLine[]
}

/** Where the cart reports what shoppers put in it and buy (recommendations listen). */
export interface ShopperSignals {
  record(sessionId: string, isbn13: string, kind: 'cart' | 'purchase'): void
}

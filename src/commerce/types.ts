import type { BookSummary } from '../catalog'
import type { PricedCart, PricedLine } from './pricing'

export interface CartLine {
  book: BookSummary
  quantity: number
  /** In the book's currency's minor unit: what a copy sells for under the pricing rules. */
  unitPrice: number
  lineTotal: number
  /** List price, discount and points of the line. */
  price: PricedLine
}

/** A sum in one currency (a cart may mix currencies; the demo store's never does). */
export interface Money {
  amount: number
  currency: string
}

/** A currency's part of the cart: `amount` is the books' total; shipping, points and what is left to pay beside it. */
export type CartTotal = Money & Omit<PricedCart, 'lines' | 'currency'>

export interface Cart {
  lines: CartLine[]
  totals: CartTotal[]
  count: number
}

/** Where the cart reports what shoppers put in it and buy (recommendations listen). */
export interface ShopperSignals {
  record(sessionId: string, isbn13: string, kind: 'cart' | 'purchase'): void
}

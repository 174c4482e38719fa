import type { Book, BookFormat } from './types'

/**
 * How a book can be had today, before any pre-order: what the buy box says,
 * whether it can go in the cart, whether checkout takes copies from stock.
 * - `digital`: an e-book has no copies; it is sold whenever it is on sale.
 * - `to_order`: nobody counted copies (a feed said "available" without a
 *   count, or the supplier prints or sends to order): orderable, shipped
 *   `leadDays` after the order when that is known.
 * - `in_stock` / `out_of_stock`: a count was given; only that is a count.
 */
export type Availability =
  | { kind: 'not_sold' }
  | { kind: 'digital' }
  | { kind: 'in_stock'; count: number }
  | { kind: 'to_order'; leadDays: number | null }
  | { kind: 'out_of_stock' }

/** Formats delivered as files: no stock, no parcel. (An audiobook may be a CD, so it counts as physical.) */
export const DIGITAL_FORMATS: readonly BookFormat[] = ['ebook']

export function isDigital(book: Pick<Book, 'format'>): boolean {
  return DIGITAL_FORMATS.includes(book.format)
}

export function availabilityOf(book: Pick<Book, 'format' | 'stock' | 'leadDays' | 'onSale'>): Availability {
  if (!book.onSale) return { kind: 'not_sold' }
  if (isDigital(book)) return { kind: 'digital' }
  if (book.stock === null) return { kind: 'to_order', leadDays: book.leadDays }
  return book.stock > 0 ? { kind: 'in_stock', count: book.stock } : { kind: 'out_of_stock' }
}

/** Whether a shopper may put the book in the cart and order it. */
export function isOrderable(book: Pick<Book, 'format' | 'stock' | 'leadDays' | 'onSale'>): boolean {
  const { kind } = availabilityOf(book)
  return kind !== 'not_sold' && kind !== 'out_of_stock'
}

import type { BookSummary } from '../catalog'

/** A shopper signal: a product page seen, a book put in the cart, a book bought. */
export type EventKind = 'view' | 'cart' | 'purchase'

export const REASON_KINDS = ['bought', 'viewed', 'series', 'author', 'category', 'similar'] as const
export type ReasonKind = (typeof REASON_KINDS)[number]

/** Why a book is recommended; a 'category' reason names the category it shares. */
export interface Reason {
  kind: ReasonKind
  categoryId?: string
}

export interface Recommended {
  book: BookSummary
  reason: Reason
}

/** Counts of one rebuild, for the CLI and the benchmark. */
export interface RebuildStats {
  books: number
  events: number
  sessions: number
  lists: number
  rows: number
  seconds: number
}

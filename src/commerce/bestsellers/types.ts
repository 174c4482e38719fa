export const PERIODS = ['daily', 'weekly', 'monthly'] as const
/** A list's period: the last 24 hours, 7 days or 30 days, rolling, before the rebuild. */
export type Period = (typeof PERIODS)[number]

export const PERIOD_DAYS: Record<Period, number> = { daily: 1, weekly: 7, monthly: 30 }

/** The store-wide list's shelf id; a category's list is kept under its id. */
export const OVERALL = ''

/** One place on a list: `previousRank` is the book's place on the same shelf in the period before (null: it sold none then). */
export interface BestsellerPlace {
  rank: number
  isbn13: string
  copies: number
  previousRank: number | null
}

export type Movement = { kind: 'new' } | { kind: 'up' | 'down'; by: number } | { kind: 'same' }

/** Where a book stands this week: overall and on each shelf it is ranked on, and its sales index. */
export interface BookRanks {
  overall: number | null
  categories: Array<{ categoryId: string; rank: number }>
  salesIndex: number
}

/** Copies of one book sold in one paid order, at the time it was paid (ms). */
export interface Sale {
  isbn13: string
  paidAt: number
  copies: number
}

/** One row of the stored lists. */
export interface ListRow extends BestsellerPlace {
  period: Period
  categoryId: string
}

export interface BestsellerRebuild {
  sales: number
  rows: number
  /** Books whose places or index changed: their cached pages were dropped. */
  changed: number
}

/** How a book's reviews are listed: most helpful first (then newest), or newest first. */
export const REVIEW_SORTS = ['helpful', 'newest'] as const
export type ReviewSort = (typeof REVIEW_SORTS)[number]

/** The shortest and longest review, in characters (code points) once trimmed. */
export const REVIEW_MIN_CHARS = 10
export const REVIEW_MAX_CHARS = 5000

/** A reader's review as pages show it. */
export interface Review {
  id: string
  isbn13: string
  customerId: string
  /** The reader's name as shown to others: its first letter, the rest masked ("김**"). */
  authorName: string
  rating: number
  /** Plain text; pages escape it. */
  body: string
  createdAt: string
  updatedAt: string
  helpfulCount: number
  /** The reader bought the book here: an order of theirs with it was paid and not cancelled or returned. */
  isVerified: boolean
}

/** A review in the moderation queue: with its reports and, once hidden, why. */
export interface ModeratedReview extends Review {
  reportCount: number
  reportReasons: string[]
  hiddenAt: string | null
  hiddenReason: string | null
}

/** A book's ratings: how many, their average (one decimal), and how many gave each star (index 0 is one star). */
export interface RatingSummary {
  count: number
  average: number
  distribution: [number, number, number, number, number]
}

export interface ReviewPage {
  summary: RatingSummary
  reviews: Review[]
  sort: ReviewSort
  page: number
  pageCount: number
}

/** What a reader writes: 1 to 5 stars and the text. */
export interface ReviewInput {
  rating: number
  body: string
}

/** A staff action on a review, for the audit log (the audit service takes entries of this shape). */
export interface ReviewAuditEntry {
  actor: string
  actorName: string
  via: string
  action: 'hide' | 'restore'
  recordType: 'review'
  recordId: string
  changes: Array<{ field: string; before: unknown; after: unknown }>
}

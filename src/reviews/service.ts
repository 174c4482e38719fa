import { randomUUID } from 'node:crypto'
import type { CatalogService, Isbn13 } from '../catalog'
import { InputError, NotFoundError } from '../core/errors'
import { transactor, type Database, type Kysely, type UnitOfWork } from '../store'
import * as repo from './repo'
import { REVIEW_MAX_CHARS, REVIEW_MIN_CHARS, type ModeratedReview, type RatingSummary, type Review, type ReviewAuditEntry, type ReviewInput, type ReviewPage, type ReviewSort } from './types'

/** Reviews on a product page, and on each page of a book's reviews. */
export const PRODUCT_REVIEWS = 5
export const REVIEWS_PER_PAGE = 10
const QUEUE_PAGE = 50

export interface ReviewsOptions {
  /** Writes the audit entries of a staff action in its unit of work (the audit log). */
  onModeration?: (unit: UnitOfWork, entries: ReviewAuditEntry[]) => Promise<void>
  now?: () => Date
}

/** Who acts in the back office, as the audit log records them. */
export interface Moderator {
  actor: string
  actorName: string
  via: string
}

// Control characters other than line breaks and tabs have no place in a review.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g

/** A review's text as kept: plain text (pages escape it), line breaks normalised, trimmed; refused outside 10–5,000 characters. */
export function reviewText(raw: string): string {
  const text = raw.replace(/\r\n?/g, '\n').replace(CONTROL, '').trim()
  const length = [...text].length
  if (length < REVIEW_MIN_CHARS) throw new InputError('body', `a review needs at least ${REVIEW_MIN_CHARS} characters, got ${length}`, { code: 'too_short', params: { min: REVIEW_MIN_CHARS } })
  if (length > REVIEW_MAX_CHARS) throw new InputError('body', `a review may have at most ${REVIEW_MAX_CHARS} characters, got ${length}`, { code: 'too_long', params: { max: REVIEW_MAX_CHARS } })
  return text
}

function rating(raw: number): number {
  if (!Number.isInteger(raw) || raw < 1 || raw > 5) throw new InputError('rating', `expected a whole number of stars from 1 to 5, got ${raw}`, { code: 'rating' })
  return raw
}

/**
 * Readers' reviews and ratings: one per book per reader, edited and deleted
 * by their writer, voted helpful by others (once each, never by the writer),
 * reported, and hidden by staff with a reason. Every change drops the cached
 * pages of the book it is about.
 */
export class ReviewsService {
  private readonly now: () => Date

  constructor(
    private readonly db: Kysely<Database>,
    private readonly catalog: CatalogService,
    private readonly options: ReviewsOptions = {},
  ) {
    this.now = options.now ?? (() => new Date())
  }

  /** The ratings and the most helpful reviews, for the product page. */
  async onProduct(isbn13: string): Promise<{ summary: RatingSummary; reviews: Review[] }> {
    const summary = await repo.summary(this.db, isbn13)
    // Most books have no review: their page needs no second read.
    return { summary, reviews: summary.count ? await repo.visibleReviews(this.db, isbn13, 'helpful', PRODUCT_REVIEWS, 0) : [] }
  }

  async page(isbn13: string, sort: ReviewSort, page: number): Promise<ReviewPage> {
    const summary = await repo.summary(this.db, isbn13)
    const pageCount = Math.max(1, Math.ceil(summary.count / REVIEWS_PER_PAGE))
    const reviews = await repo.visibleReviews(this.db, isbn13, sort, REVIEWS_PER_PAGE, (Math.min(page, pageCount) - 1) * REVIEWS_PER_PAGE)
    return { summary, reviews, sort, page: Math.min(page, pageCount), pageCount }
  }

  /** The reader's own review of a book (hidden or not), if any. */
  async own(customerId: string, isbn13: string): Promise<ModeratedReview | undefined> {
    return repo.reviewOf(this.db, customerId, isbn13)
  }

  async ofCustomer(customerId: string): Promise<ModeratedReview[]> {
    return repo.reviewsOfCustomer(this.db, customerId)
  }

  /** Writes the reader's review of a book, or replaces their earlier one: one per book per reader. */
  async write(customerId: string, isbn13: Isbn13, input: ReviewInput): Promise<ModeratedReview> {
    const stars = rating(input.rating)
    const body = reviewText(input.body)
    await this.catalog.getBook(isbn13)
    const at = this.now().toISOString()
    const existing = await repo.reviewOf(this.db, customerId, isbn13)
    if (existing) await repo.updateReview(this.db, existing.id, stars, body, at)
    else {
      try {
        await repo.insertReview(this.db, { id: randomUUID(), isbn13, customerId, rating: stars, body, at })
      } catch (err) {
        // Two tabs posting a first review at once: the key keeps one; this one becomes its edit.
        const raced = await repo.reviewOf(this.db, customerId, isbn13)
        if (!raced) throw err
        await repo.updateReview(this.db, raced.id, stars, body, at)
      }
    }
    await this.catalog.markStale([isbn13])
    return (await repo.reviewOf(this.db, customerId, isbn13))!
  }

  async remove(customerId: string, isbn13: string): Promise<void> {
    const own = await repo.reviewOf(this.db, customerId, isbn13)
    if (!own) throw new NotFoundError('review', isbn13)
    await transactor(this.db)((unit) => repo.deleteReview(unit.db, own.id))
    await this.catalog.markStale([isbn13])
  }

  /** A reader finds a review helpful: counted once per reader, never for one's own; false when already counted. */
  async helpful(customerId: string, reviewId: string): Promise<{ review: Review; isCounted: boolean }> {
    const review = await this.visible(reviewId)
    if (review.customerId === customerId) throw new InputError('review', 'a reader cannot vote for their own review', { code: 'own_review' })
    const isCounted = await transactor(this.db)((unit) => repo.addVote(unit.db, { reviewId, customerId, kind: 'helpful', reason: null, at: this.now().toISOString() }))
    if (isCounted) await this.catalog.markStale([review.isbn13])
    return { review, isCounted }
  }

  /** A reader reports a review as abuse, once; it goes up the moderation queue. */
  async report(customerId: string, reviewId: string, reason: string): Promise<Review> {
    const review = await this.visible(reviewId)
    if (review.customerId === customerId) throw new InputError('review', 'a reader cannot report their own review', { code: 'own_review' })
    const why = reason.replace(CONTROL, '').trim().slice(0, 500) || null
    await transactor(this.db)((unit) => repo.addVote(unit.db, { reviewId, customerId, kind: 'report', reason: why, at: this.now().toISOString() }))
    return review
  }

  async queue(page: number, showHidden = false): Promise<{ reviews: ModeratedReview[]; total: number; page: number; pageCount: number }> {
    const { reviews, total } = await repo.moderationQueue(this.db, { showHidden, limit: QUEUE_PAGE, offset: (page - 1) * QUEUE_PAGE })
    return { reviews, total, page, pageCount: Math.max(1, Math.ceil(total / QUEUE_PAGE)) }
  }

  /** Staff hide a review with a reason: gone from the pages and the average, kept with its reason and in the audit log. */
  async hide(reviewId: string, reason: string, by: Moderator): Promise<ModeratedReview> {
    const why = reason.replace(CONTROL, '').trim()
    if (!why) throw new InputError('reason', 'a hidden review needs a reason', { code: 'required' })
    if (why.length > 500) throw new InputError('reason', 'a reason may have at most 500 characters', { code: 'too_long', params: { max: 500 } })
    return this.moderate(reviewId, { at: this.now().toISOString(), reason: why }, by)
  }

  /** Staff show a hidden review again. */
  async restore(reviewId: string, by: Moderator): Promise<ModeratedReview> {
    return this.moderate(reviewId, null, by)
  }

  private async moderate(reviewId: string, hidden: { at: string; reason: string } | null, by: Moderator): Promise<ModeratedReview> {
    const review = await repo.reviewById(this.db, reviewId)
    if (!review) throw new NotFoundError('review', reviewId)
    await transactor(this.db)(async (unit) => {
      await repo.setHidden(unit.db, reviewId, hidden)
      await this.options.onModeration?.(unit, [
        {
          ...by,
          action: hidden ? 'hide' : 'restore',
          recordType: 'review',
          recordId: reviewId,
          changes: [
            { field: 'hidden', before: review.hiddenAt !== null, after: hidden !== null },
            { field: 'hiddenReason', before: review.hiddenReason, after: hidden?.reason ?? null },
          ],
        },
      ])
    })
    await this.catalog.markStale([review.isbn13])
    return (await repo.reviewById(this.db, reviewId))!
  }

  private async visible(reviewId: string): Promise<ModeratedReview> {
    const review = await repo.reviewById(this.db, reviewId)
    if (!review || review.hiddenAt) throw new NotFoundError('review', reviewId)
    return review
  }
}

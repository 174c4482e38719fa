import { sql, type Kysely, type Transaction } from 'kysely'
import { preparedQuery, type Database } from '../store'
import type { ModeratedReview, RatingSummary, Review, ReviewSort } from './types'

type Db = Kysely<Database> | Transaction<Database>

/**
 * The order statuses that make a review "verified": the reader paid and the
 * order was not cancelled, returned or refunded. A return asked for but not
 * yet received still counts as bought until it is.
 */
export const BOUGHT_STATUSES = ['paid', 'preparing', 'shipped', 'delivered', 'return_requested']

function reviewSelect(db: Db) {
  return db
    .selectFrom('review')
    .innerJoin('customer', 'customer.id', 'review.customer_id')
    .select([
      'review.id',
      'review.isbn13',
      'review.customer_id',
      'customer.name as author',
      'review.rating',
      'review.body',
      'review.created_at',
      'review.updated_at',
      'review.helpful_count',
      'review.report_count',
      'review.hidden_at',
      'review.hidden_reason',
    ])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('orders')
            .innerJoin('order_item', 'order_item.order_id', 'orders.id')
            .select(sql`1`.as('one'))
            .whereRef('orders.customer_id', '=', 'review.customer_id')
            .whereRef('order_item.isbn13', '=', 'review.isbn13')
            .where('orders.status', 'in', BOUGHT_STATUSES),
        )
        .as('verified'),
    )
}

type Row = Awaited<ReturnType<ReturnType<typeof reviewSelect>['executeTakeFirstOrThrow']>>

const masked = (name: string) => {
  const [first = '?'] = [...name.trim()]
  return `${first}**`
}

function toReview(r: Row): ModeratedReview {
  return {
    id: r.id,
    isbn13: r.isbn13,
    customerId: r.customer_id,
    authorName: masked(r.author),
    rating: Number(r.rating),
    body: r.body,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    helpfulCount: Number(r.helpful_count),
    reportCount: Number(r.report_count),
    isVerified: Boolean(r.verified),
    hiddenAt: r.hidden_at,
    hiddenReason: r.hidden_reason,
    reportReasons: [],
  }
}

/** Every product page reads its book's ratings: built and compiled once. */
const ratingCounts = preparedQuery((db: Db, a: { isbn13: string }) =>
  db
    .selectFrom('review')
    .select(['rating', (eb) => eb.fn.countAll<number>().as('n')])
    .where('isbn13', '=', a.isbn13)
    .where('hidden_at', 'is', null)
    .groupBy('rating'),
)

export async function summary(db: Db, isbn13: string): Promise<RatingSummary> {
  const rows = await ratingCounts(db, { isbn13 })
  const distribution: RatingSummary['distribution'] = [0, 0, 0, 0, 0]
  for (const r of rows) distribution[Number(r.rating) - 1] = Number(r.n)
  const count = distribution.reduce((a, b) => a + b, 0)
  const total = distribution.reduce((a, n, i) => a + n * (i + 1), 0)
  return { count, average: count ? Math.round((total / count) * 10) / 10 : 0, distribution }
}

export async function visibleReviews(db: Db, isbn13: string, sort: ReviewSort, limit: number, offset: number): Promise<Review[]> {
  let q = reviewSelect(db).where('review.isbn13', '=', isbn13).where('review.hidden_at', 'is', null)
  if (sort === 'helpful') q = q.orderBy('review.helpful_count', 'desc')
  const rows = await q.orderBy('review.created_at', 'desc').orderBy('review.id').limit(limit).offset(offset).execute()
  return rows.map(toReview)
}

export async function reviewById(db: Db, id: string): Promise<ModeratedReview | undefined> {
  const row = await reviewSelect(db).where('review.id', '=', id).executeTakeFirst()
  return row && toReview(row)
}

export async function reviewOf(db: Db, customerId: string, isbn13: string): Promise<ModeratedReview | undefined> {
  const row = await reviewSelect(db).where('review.customer_id', '=', customerId).where('review.isbn13', '=', isbn13).executeTakeFirst()
  return row && toReview(row)
}

export async function reviewsOfCustomer(db: Db, customerId: string): Promise<ModeratedReview[]> {
  return (await reviewSelect(db).where('review.customer_id', '=', customerId).orderBy('review.updated_at', 'desc').limit(200).execute()).map(toReview)
}

export async function insertReview(db: Db, row: { id: string; isbn13: string; customerId: string; rating: number; body: string; at: string }): Promise<void> {
  await db
    .insertInto('review')
    .values({ id: row.id, isbn13: row.isbn13, customer_id: row.customerId, rating: row.rating, body: row.body, created_at: row.at, updated_at: row.at, hidden_at: null, hidden_reason: null })
    .execute()
}

export async function updateReview(db: Db, id: string, rating: number, body: string, at: string): Promise<void> {
  await db.updateTable('review').set({ rating, body, updated_at: at }).where('id', '=', id).execute()
}

export async function deleteReview(db: Db, id: string): Promise<void> {
  await db.deleteFrom('review_vote').where('review_id', '=', id).execute()
  await db.deleteFrom('review').where('id', '=', id).execute()
}

/** Records one reader's vote of a kind; false when they had cast it already (the key refuses a second). */
export async function addVote(db: Db, vote: { reviewId: string; customerId: string; kind: 'helpful' | 'report'; reason: string | null; at: string }): Promise<boolean> {
  const result = await db
    .insertInto('review_vote')
    .values({ review_id: vote.reviewId, customer_id: vote.customerId, kind: vote.kind, reason: vote.reason, created_at: vote.at })
    .onConflict((oc) => oc.columns(['review_id', 'customer_id', 'kind']).doNothing())
    .executeTakeFirst()
  if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return false
  const column = vote.kind === 'helpful' ? 'helpful_count' : 'report_count'
  await db
    .updateTable('review')
    .set((eb) => ({ [column]: eb(column, '+', 1) }))
    .where('id', '=', vote.reviewId)
    .execute()
  return true
}

export async function setHidden(db: Db, id: string, hidden: { at: string; reason: string } | null): Promise<void> {
  await db.updateTable('review').set({ hidden_at: hidden?.at ?? null, hidden_reason: hidden?.reason ?? null }).where('id', '=', id).execute()
}

/** Reviews for staff: reported ones first (most reports), then the newest; hidden ones only when asked for. */
export async function moderationQueue(db: Db, { showHidden, limit, offset }: { showHidden: boolean; limit: number; offset: number }): Promise<{ reviews: ModeratedReview[]; total: number }> {
  const filter = showHidden ? ('is not' as const) : ('is' as const)
  const rows = await reviewSelect(db).where('review.hidden_at', filter, null).orderBy('review.report_count', 'desc').orderBy('review.created_at', 'desc').orderBy('review.id').limit(limit).offset(offset).execute()
  const total = await db.selectFrom('review').select((eb) => eb.fn.countAll<number>().as('n')).where('hidden_at', filter, null).executeTakeFirstOrThrow()
  const reviews = rows.map(toReview)
  const reasons = reviews.length
    ? await db.selectFrom('review_vote').select(['review_id', 'reason']).where('kind', '=', 'report').where('review_id', 'in', reviews.map((r) => r.id)).where('reason', 'is not', null).execute()
    : []
  for (const r of reasons) reviews.find((v) => v.id === r.review_id)?.reportReasons.push(r.reason!)
  return { reviews, total: Number(total.n) }
}

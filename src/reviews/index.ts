export { ReviewsService, PRODUCT_REVIEWS, REVIEWS_PER_PAGE, reviewText, type Moderator, type ReviewsOptions } from './service'
export { REVIEW_SORTS, REVIEW_MAX_CHARS, REVIEW_MIN_CHARS, type ModeratedReview, type RatingSummary, type Review, type ReviewAuditEntry, type ReviewPage, type ReviewSort } from './types'

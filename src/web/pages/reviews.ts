import type { Book } from '../../catalog'
import type { ModeratedReview, RatingSummary, Review, ReviewPage } from '../../reviews'
import { html, type SafeHtml } from '../html'
import { fill, formatDate } from '../i18n'
import { href, type PageContext } from './context'
import { layout } from './layout'
import { displayTitle, formFields, pager } from './parts'
import { reviewWordsOf } from './review-words'

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/

/** Who is reading a review list: a signed-in reader gets the voting forms and a link to their own review. */
export interface ReviewViewer {
  customerId: string
}

export function starsOf(ctx: PageContext, rating: number): SafeHtml {
  const full = Math.round(rating)
  return html`<span class="stars" role="img" aria-label="${fill(reviewWordsOf(ctx).outOfFive, { n: rating })}">${'★'.repeat(full)}${'☆'.repeat(5 - full)}</span>`
}

/** The average, the count and the share of each star, as a table a screen reader reads row by row. */
function ratingSummary(ctx: PageContext, summary: RatingSummary): SafeHtml {
  const w = reviewWordsOf(ctx)
  const pct = (n: number) => `${summary.count ? Math.round((n * 100) / summary.count) : 0}%`
  return html`<div class="rating-summary"><p class="average"><span class="vh">${w.average}: </span>${starsOf(ctx, summary.average)} <strong>${summary.average.toFixed(1)}</strong> <span>(${fill(w.reviewCount, { n: summary.count })})</span></p>
<table class="distribution"><caption class="vh">${w.distribution}</caption><thead><tr><th scope="col">${w.stars}</th><th scope="col">${w.readers}</th><th scope="col">${w.share}</th></tr></thead><tbody>
${[5, 4, 3, 2, 1].map((n) => html`<tr><th scope="row">${fill(w.starsN, { n })}</th><td>${summary.distribution[n - 1]}</td><td>${pct(summary.distribution[n - 1]!)}</td></tr>`)}
</tbody></table></div>`
}

function reviewBody(ctx: PageContext, body: string): SafeHtml {
  const paragraphs = html`${body.split(/\n{2,}/).map((p) => html`<p>${p}</p>`)}`
  // On an English page a Korean review stays, marked as Korean and labelled.
  if (ctx.lang === 'ko' || !HANGUL.test(body)) return html`<div class="review-body">${paragraphs}</div>`
  return html`<p class="in-other-lang">${ctx.t.inKorean}</p><div class="review-body" lang="ko">${paragraphs}</div>`
}

/** One review; the forms only for a signed-in reader's own (personal, never cached) page, and never on their own review. */
function reviewItem(ctx: PageContext, review: Review, viewer?: ReviewViewer): SafeHtml {
  const w = reviewWordsOf(ctx)
  const isOwn = viewer?.customerId === review.customerId
  const controls = !viewer
    ? ''
    : isOwn
      ? html`<p><a href="${href(ctx, `/account/reviews/${review.isbn13}`)}">${w.editOwn}</a></p>`
      : html`<div class="review-actions"><form action="${href(ctx, `/reviews/${review.id}/helpful`)}" method="post" class="inline">${formFields(ctx)}<button class="btn" type="submit" aria-label="${fill(w.helpfulFor, { who: review.authorName })}">${w.helpful}</button></form>
<form action="${href(ctx, `/reviews/${review.id}/report`)}" method="post" class="inline">${formFields(ctx)}<label for="reason-${review.id}">${w.reportReason}</label> <input id="reason-${review.id}" name="reason" type="text" maxlength="500"> <button class="btn" type="submit" aria-label="${fill(w.reportFor, { who: review.authorName })}">${w.report}</button></form></div>`
  return html`<li class="review" id="review-${review.id}"><p class="review-head">${starsOf(ctx, review.rating)} <span class="who">${review.authorName}</span> <time datetime="${review.createdAt}">${formatDate(ctx.lang, review.createdAt.slice(0, 10))}</time>${review.isVerified ? html` <span class="badge verified">${w.verified}</span>` : ''}${isOwn ? html` <span class="badge">${w.yours}</span>` : ''}</p>
${reviewBody(ctx, review.body)}
${review.helpfulCount ? html`<p class="helpful-count">${fill(w.helpfulCount, { n: review.helpfulCount })}</p>` : ''}${controls}</li>`
}

/**
 * The product page's reviews: the ratings, the most helpful few and links.
 * The product page is shared through the cache, so nothing here is anyone's
 * own: no forms and no edit controls; those live on personal pages.
 */
export function productReviews(ctx: PageContext, isbn13: string, { summary, reviews }: { summary: RatingSummary; reviews: Review[] }): SafeHtml {
  const w = reviewWordsOf(ctx)
  return html`<section id="reviews" class="book-section" aria-labelledby="reviews-h"><h2 id="reviews-h">${w.reviews}</h2>
${summary.count ? html`${ratingSummary(ctx, summary)}<ul class="reviews">${reviews.map((r) => reviewItem(ctx, r))}</ul>` : html`<p class="empty">${w.noReviews}</p>`}
<p class="review-links">${summary.count ? html`<a href="${href(ctx, `/books/${isbn13}/reviews`)}">${w.allReviews} (${summary.count})</a> · ` : ''}<a href="${href(ctx, `/account/reviews/${isbn13}`)}">${w.writeReview}</a></p></section>`
}

/** schema.org aggregateRating and review, only when the book has reviews. */
export function reviewsJsonLd({ summary, reviews }: { summary: RatingSummary; reviews: Review[] }): Record<string, unknown> {
  if (!summary.count) return {}
  return {
    aggregateRating: { '@type': 'AggregateRating', ratingValue: summary.average, reviewCount: summary.count, bestRating: 5, worstRating: 1 },
    review: reviews.map((r) => ({
      '@type': 'Review',
      author: { '@type': 'Person', name: r.authorName },
      datePublished: r.createdAt.slice(0, 10),
      reviewRating: { '@type': 'Rating', ratingValue: r.rating, bestRating: 5, worstRating: 1 },
      reviewBody: r.body,
    })),
  }
}

/** All of a book's reviews, paged and sorted; with a viewer it is their own page (never cached) and carries the forms. */
export function reviewsPage(ctx: PageContext, book: Book, view: ReviewPage, viewer?: ReviewViewer): string {
  const w = reviewWordsOf(ctx)
  const title = fill(w.reviewsOf, { title: displayTitle(ctx, book) })
  const base = `/books/${book.isbn13}/reviews`
  const link = (sort: string, page = 1) => href(ctx, `${base}?sort=${sort}${page > 1 ? `&page=${page}` : ''}`)
  const sorts = html`<nav class="sorts" aria-label="${w.sortBy}"><ul>${(['helpful', 'newest'] as const).map((s) => html`<li>${s === view.sort ? html`<a href="${link(s)}" aria-current="page">${s === 'helpful' ? w.sortHelpful : w.sortNewest}</a>` : html`<a href="${link(s)}">${s === 'helpful' ? w.sortHelpful : w.sortNewest}</a>`}</li>`)}</ul></nav>`
  const body = html`<h1>${title}</h1><p><a href="${href(ctx, `/books/${book.isbn13}`)}">${w.backToBook}</a> · <a href="${href(ctx, `/account/reviews/${book.isbn13}`)}">${w.writeReview}</a></p>
${view.summary.count ? html`${ratingSummary(ctx, view.summary)}${sorts}<ul class="reviews">${view.reviews.map((r) => reviewItem(ctx, r, viewer))}</ul>${pager(ctx, view.page, view.pageCount, (n) => link(view.sort, n))}` : html`<p class="empty">${w.noReviews}</p>`}
${viewer ? '' : html`<p>${w.signInToVote} <a href="${href(ctx, '/account/sign-in')}">${w.signIn}</a></p>`}`
  return layout(ctx, { title, canonicalPath: view.sort === 'helpful' && view.page === 1 ? base : `${base}?sort=${view.sort}&page=${view.page}` }, body)
}

export interface ReviewForm {
  values: { rating: string; body: string }
  errors: Partial<Record<'rating' | 'body', string>>
}

/** The reader's own review of a book: write it, or edit and delete the one they wrote. */
export function reviewFormPage(ctx: PageContext, book: Book, own: ModeratedReview | undefined, form: ReviewForm): string {
  const w = reviewWordsOf(ctx)
  const title = fill(w.formTitle, { title: displayTitle(ctx, book) })
  const action = `/account/reviews/${book.isbn13}`
  const errors = Object.entries(form.errors)
  const ratingError = form.errors.rating
  const bodyError = form.errors.body
  const body = html`<h1>${title}</h1>
${own?.hiddenAt ? html`<p class="notice">${fill(w.hiddenNote, { reason: own.hiddenReason ?? '' })}</p>` : ''}
${errors.length ? html`<div class="form-errors" role="alert"><p>${w.formErrors}</p><ul>${errors.map(([name, message]) => html`<li><a href="#${name === 'rating' ? 'rating-5' : name}">${message}</a></li>`)}</ul></div>` : ''}
<form action="${href(ctx, action)}" method="post" novalidate>${formFields(ctx)}
<fieldset class="rating-input"${ratingError ? html` aria-describedby="rating-error"` : ''}><legend>${w.rating}</legend>
${[5, 4, 3, 2, 1].map((n) => html`<span><input type="radio" id="rating-${n}" name="rating" value="${n}"${form.values.rating === String(n) ? html` checked` : ''}> <label for="rating-${n}">${fill(w.starsN, { n })}</label></span> `)}
${ratingError ? html`<span class="field-error" id="rating-error">${w.rating}: ${ratingError}</span>` : ''}</fieldset>
<p class="field"><label for="body">${w.body}</label>
<textarea id="body" name="body" rows="10" maxlength="5000" aria-describedby="body-hint${bodyError ? ' body-error' : ''}"${bodyError ? html` aria-invalid="true"` : ''}>${form.values.body}</textarea>
<span class="hint" id="body-hint">${w.bodyHint}</span>${bodyError ? html`<span class="field-error" id="body-error">${w.body}: ${bodyError}</span>` : ''}</p>
<button class="btn" type="submit">${w.save}</button></form>
${own ? html`<form action="${href(ctx, `${action}/delete`)}" method="post">${formFields(ctx)}<button class="btn" type="submit">${w.remove}</button></form>` : ''}
<p><a href="${href(ctx, `/books/${book.isbn13}`)}">${w.backToBook}</a></p>`
  return layout(ctx, { title, canonicalPath: action, noindex: true }, body)
}

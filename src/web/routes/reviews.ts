import { Hono, type Context } from 'hono'
import { z } from 'zod'
import type { Customer } from '../../accounts'
import { parseIsbn, type CatalogService } from '../../catalog'
import { InputError } from '../../core/errors'
import { REVIEW_MAX_CHARS, REVIEW_SORTS, type ReviewsService } from '../../reviews'
import type { AppEnv } from '../env'
import { fill } from '../i18n'
import { readerOnly } from '../middleware/signed-in'
import { valid } from '../middleware/validate'
import type { SendPage } from '../page-sender'
import { href } from '../pages/context'
import { accountPage } from '../pages/account'
import { reviewWordsOf } from '../pages/review-words'
import { reviewFormPage, reviewsPage, type ReviewForm } from '../pages/reviews'
import { html } from '../html'

const pageQuery = z.object({ sort: z.enum(REVIEW_SORTS).catch('helpful'), page: z.coerce.number().int().min(1).max(10_000).catch(1) })
const reviewForm = z.object({ rating: z.string().max(2).default(''), body: z.string().max(REVIEW_MAX_CHARS * 4).default('') })
const reportForm = z.object({ reason: z.string().max(2000).default('') })


const customerOf = (c: Context<AppEnv>): Customer => c.var.customer!

/** A refused vote or report, said in the reader's language, with the way back. */
function refused(c: Context<AppEnv>, message: string, isbn13: string) {
  const w = reviewWordsOf(c.var.page)
  return c.html(accountPage(c.var.page, `/books/${isbn13}/reviews`, w.reviews, html`<p role="alert">${message}</p><p><a href="${href(c.var.page, `/books/${isbn13}/reviews`)}">${w.allReviews}</a></p>`), 400, { 'Cache-Control': 'no-store' })
}

/**
 * Reviews: a book's reviews page (shared through the cache for visitors not
 * signed in, and then without forms; a signed-in reader's is their own and
 * carries the vote and report forms), the reader's own review form under
 * /account, and the votes and reports.
 */
export const reviewRoutes = ({ reviews, catalog, sendPage }: { reviews: ReviewsService; catalog: CatalogService; sendPage: SendPage }) =>
  new Hono<AppEnv>()
    .get('/books/:isbn/reviews', valid('query', pageQuery), (c) => {
      const isbn13 = parseIsbn(c.req.param('isbn'))
      const { sort, page } = c.req.valid('query')
      const customer = c.var.customer
      // The gate never shares a signed-in reader's answer, either way: their forms stay theirs.
      return sendPage(c, 'reviews', async () => reviewsPage(c.var.page, await catalog.getBook(isbn13), await reviews.page(isbn13, sort, page), customer && { customerId: customer.id }), { deps: () => [isbn13] })
    })
    .use('/account/reviews/*', readerOnly)
    .get('/account/reviews/:isbn', async (c) => {
      const isbn13 = parseIsbn(c.req.param('isbn'))
      const book = await catalog.getBook(isbn13)
      const own = await reviews.own(customerOf(c).id, isbn13)
      return c.html(reviewFormPage(c.var.page, book, own, { values: { rating: own ? String(own.rating) : '', body: own?.body ?? '' }, errors: {} }))
    })
    .post('/account/reviews/:isbn', valid('form', reviewForm), async (c) => {
      const isbn13 = parseIsbn(c.req.param('isbn'))
      const book = await catalog.getBook(isbn13)
      const values = c.req.valid('form')
      const w = reviewWordsOf(c.var.page)
      const form: ReviewForm = { values, errors: {} }
      try {
        await reviews.write(customerOf(c).id, isbn13, { rating: Number(values.rating || NaN), body: values.body })
      } catch (err) {
        if (!(err instanceof InputError) || (err.field !== 'rating' && err.field !== 'body')) throw err
        form.errors[err.field] = fill(err.field === 'rating' ? w.error_rating : err.code === 'too_long' ? w.error_too_long : w.error_too_short, err.params)
        // Both fields at once: a bad rating does not hide a body that is too short.
        if (err.field === 'rating' && [...values.body.trim()].length < 10) form.errors.body = fill(w.error_too_short, { min: 10 })
        return c.html(reviewFormPage(c.var.page, book, await reviews.own(customerOf(c).id, isbn13), form), 400)
      }
      return c.redirect(href(c.var.page, `/books/${isbn13}/reviews?sort=newest`), 303)
    })
    .post('/account/reviews/:isbn/delete', async (c) => {
      const isbn13 = parseIsbn(c.req.param('isbn'))
      await reviews.remove(customerOf(c).id, isbn13)
      return c.redirect(href(c.var.page, `/books/${isbn13}/reviews`), 303)
    })
    .use('/reviews/*', readerOnly)
    .post('/reviews/:id/helpful', async (c) => {
      const w = reviewWordsOf(c.var.page)
      try {
        const { review, isCounted } = await reviews.helpful(customerOf(c).id, c.req.param('id'))
        if (!isCounted) return refused(c, w.voted, review.isbn13)
        return c.redirect(href(c.var.page, `/books/${review.isbn13}/reviews`) + `#review-${review.id}`, 303)
      } catch (err) {
        if (err instanceof InputError && err.code === 'own_review') return refused(c, w.ownReview, (await reviewBook(reviews, c)) ?? '')
        throw err
      }
    })
    .post('/reviews/:id/report', valid('form', reportForm), async (c) => {
      const w = reviewWordsOf(c.var.page)
      try {
        const review = await reviews.report(customerOf(c).id, c.req.param('id'), c.req.valid('form').reason)
        return c.html(accountPage(c.var.page, `/books/${review.isbn13}/reviews`, w.reviews, html`<p role="status">${w.reported}</p><p><a href="${href(c.var.page, `/books/${review.isbn13}/reviews`)}">${w.allReviews}</a></p>`))
      } catch (err) {
        if (err instanceof InputError && err.code === 'own_review') return refused(c, w.ownReview, (await reviewBook(reviews, c)) ?? '')
        throw err
      }
    })

/** The book of the review a request names (the reader's own, when a vote on it was refused). */
async function reviewBook(reviews: ReviewsService, c: Context<AppEnv>): Promise<string | undefined> {
  return (await reviews.ofCustomer(customerOf(c).id)).find((r) => r.id === c.req.param('id'))?.isbn13
}

import type { Customer } from '../../accounts'
import type { BookSummary } from '../../catalog'
import { html, type SafeHtml } from '../html'
import { fill, formatMoney } from '../i18n'
import { accountPage } from './account'
import { href, type PageContext } from './context'
import { byline, displayTitle, formFields } from './parts'
import { reviewWordsOf } from './review-words'

/** The form id of the wishlist button on a shared page: its token comes from the visitor slot. */
export const WISH_FORM = 'wish'

/**
 * The 찜 button of a shared page: a plain POST form, no script needed. Its
 * form token is not in it: the page names WISH_FORM among its visitor forms
 * and each answer adds the visitor's token there.
 */
export function wishButton(ctx: PageContext, book: Pick<BookSummary, 'isbn13' | 'title' | 'translations'>): SafeHtml {
  const w = reviewWordsOf(ctx)
  return html`<form class="wish" id="${WISH_FORM}" action="${href(ctx, '/account/wishlist')}" method="post"><input type="hidden" name="isbn" value="${book.isbn13}"><button class="btn secondary" type="submit" aria-label="${fill(w.wishFor, { title: displayTitle(ctx, book) })}">♡ ${w.wish}</button></form>`
}

/** A list card's 찜: a link to the reader's own page that asks, so the list itself carries no form and stays shared. */
export function cardWishLink(ctx: PageContext, book: Pick<BookSummary, 'isbn13' | 'title' | 'translations'>): SafeHtml {
  const w = reviewWordsOf(ctx)
  return html`<a class="wish-card" href="${href(ctx, `/account/wishlist/add?isbn=${book.isbn13}`)}" aria-label="${fill(w.wishFor, { title: displayTitle(ctx, book) })}" title="${w.wish}">♡</a>`
}

/** The page a list's 찜 leads to: the book, and the button that adds it. */
export function wishConfirmPage(ctx: PageContext, customer: Customer, book: BookSummary): string {
  const w = reviewWordsOf(ctx)
  const title = displayTitle(ctx, book)
  const body = html`<p><a href="${href(ctx, `/books/${book.isbn13}`)}">${title}</a> <span class="c">${byline(ctx, book.contributors.slice(0, 2))}</span></p>
<form action="${href(ctx, '/account/wishlist')}" method="post">${formFields(ctx)}<input type="hidden" name="isbn" value="${book.isbn13}"><button class="btn" type="submit" aria-label="${fill(w.wishFor, { title })}">♡ ${w.wish}</button></form>`
  return accountPage(ctx, '/account/wishlist', w.wishlist, body, customer)
}

/** The reader's wishlist, each book with a button to take it off. */
export function wishlistPage(ctx: PageContext, customer: Customer, books: BookSummary[]): string {
  const w = reviewWordsOf(ctx)
  const item = (b: BookSummary) => {
    const title = displayTitle(ctx, b)
    const price = b.salePrice ?? b.listPrice
    return html`<li class="wished"><a href="${href(ctx, `/books/${b.isbn13}`)}">${title}</a> <span class="c">${byline(ctx, b.contributors.slice(0, 2))}</span>${price != null ? html` <span class="p">${formatMoney(ctx.lang, price, b.currency)}</span>` : ''}
<form action="${href(ctx, '/account/wishlist/remove')}" method="post" class="inline">${formFields(ctx)}<input type="hidden" name="isbn" value="${b.isbn13}"><button class="btn" type="submit" aria-label="${fill(w.unwishFor, { title })}">${w.unwish}</button></form></li>`
  }
  const body = html`<p>${w.wishlistHint}</p>${books.length ? html`<ul class="wishlist">${books.map(item)}</ul>` : html`<p class="empty">${w.wishlistEmpty}</p>`}`
  return accountPage(ctx, '/account/wishlist', w.wishlist, body, customer)
}

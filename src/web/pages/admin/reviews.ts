import type { StaffMember } from '../../../accounts'
import type { ModeratedReview } from '../../../reviews'
import { html, type SafeHtml } from '../../html'
import { fill, formatDate } from '../../i18n'
import { href, type PageContext } from '../context'
import { formFields, pager } from '../parts'
import { staffLayout } from './layout'

const words = {
  ko: {
    title: '리뷰 관리',
    intro: '신고가 많은 리뷰가 먼저, 그다음 최신 리뷰 순입니다. 숨긴 리뷰는 상품 페이지와 평균 별점에서 빠지고, 숨긴 까닭과 함께 기록에 남습니다.',
    visible: '보이는 리뷰',
    hidden: '숨긴 리뷰',
    empty: '해당하는 리뷰가 없습니다.',
    caption: '리뷰 {n}개',
    book: '책',
    rating: '별점',
    author: '쓴 사람',
    body: '내용',
    reports: '신고',
    date: '작성일',
    actions: '할 일',
    verified: '구매 인증',
    reason: '숨기는 까닭',
    reasonFor: '숨기는 까닭: {who}님의 리뷰',
    hide: '숨기기',
    hideFor: '숨기기: {who}님의 리뷰',
    restore: '다시 보이기',
    restoreFor: '다시 보이기: {who}님의 리뷰',
    hiddenBecause: '숨김: {reason}',
    reasonRequired: '숨기는 까닭을 적어 주세요.',
    reasonTooLong: '까닭은 500자까지 적을 수 있습니다.',
    done: '리뷰를 숨겼습니다.',
    restored: '리뷰를 다시 보이게 했습니다.',
  },
  en: {
    title: 'Review moderation',
    intro: 'Most reported first, then newest. A hidden review leaves the product page and the average rating, and is kept with the reason in the history.',
    visible: 'Visible reviews',
    hidden: 'Hidden reviews',
    empty: 'No reviews here.',
    caption: '{n} reviews',
    book: 'Book',
    rating: 'Stars',
    author: 'By',
    body: 'Review',
    reports: 'Reports',
    date: 'Written',
    actions: 'Actions',
    verified: 'Verified purchase',
    reason: 'Reason for hiding',
    reasonFor: 'Reason for hiding the review by {who}',
    hide: 'Hide',
    hideFor: 'Hide the review by {who}',
    restore: 'Show again',
    restoreFor: 'Show the review by {who} again',
    hiddenBecause: 'Hidden: {reason}',
    reasonRequired: 'Say why the review is hidden.',
    reasonTooLong: 'A reason may have at most 500 characters.',
    done: 'The review is hidden.',
    restored: 'The review is shown again.',
  },
}

export interface ReviewQueueView {
  reviews: ModeratedReview[]
  total: number
  page: number
  pageCount: number
  showHidden: boolean
  mayWrite: boolean
  /** What the last action came to, or what was wrong with it. */
  notice?: 'done' | 'restored' | 'reasonRequired' | 'reasonTooLong'
}

function actions(ctx: PageContext, r: ModeratedReview, view: ReviewQueueView): SafeHtml {
  const w = words[ctx.lang]
  if (!view.mayWrite) return html``
  if (r.hiddenAt) {
    return html`<form action="${href(ctx, `/admin/reviews/${r.id}/restore`)}" method="post">${formFields(ctx)}<button class="btn" type="submit" aria-label="${fill(w.restoreFor, { who: r.authorName })}">${w.restore}</button></form>`
  }
  return html`<form action="${href(ctx, `/admin/reviews/${r.id}/hide`)}" method="post">${formFields(ctx)}<label for="reason-${r.id}" class="vh">${fill(w.reasonFor, { who: r.authorName })}</label><input id="reason-${r.id}" name="reason" type="text" maxlength="500" required placeholder="${w.reason}"> <button class="btn" type="submit" aria-label="${fill(w.hideFor, { who: r.authorName })}">${w.hide}</button></form>`
}

/** The moderation queue: reviews most reported first, each hidden with a reason (or shown again) by one form. */
export function reviewQueuePage(ctx: PageContext, staff: StaffMember, view: ReviewQueueView): string {
  const w = words[ctx.lang]
  const tab = (isHidden: boolean, label: string) =>
    isHidden === view.showHidden ? html`<a href="${href(ctx, `/admin/reviews${isHidden ? '?show=hidden' : ''}`)}" aria-current="page">${label}</a>` : html`<a href="${href(ctx, `/admin/reviews${isHidden ? '?show=hidden' : ''}`)}">${label}</a>`
  const row = (r: ModeratedReview) => html`<tr id="review-${r.id}"><td><a href="${href(ctx, `/books/${r.isbn13}`)}">${r.isbn13}</a></td><td>${r.rating}</td><td>${r.authorName}${r.isVerified ? html` <span class="badge">${w.verified}</span>` : ''}</td>
<td>${r.body.length > 300 ? `${r.body.slice(0, 300)}…` : r.body}${r.hiddenAt ? html`<p>${fill(w.hiddenBecause, { reason: r.hiddenReason ?? '' })}</p>` : ''}${r.reportReasons.length ? html`<ul>${r.reportReasons.map((reason) => html`<li>${reason}</li>`)}</ul>` : ''}</td>
<td>${r.reportCount}</td><td><time datetime="${r.createdAt}">${formatDate(ctx.lang, r.createdAt.slice(0, 10))}</time></td><td>${actions(ctx, r, view)}</td></tr>`
  const notice = view.notice ? html`<p role="${view.notice === 'done' || view.notice === 'restored' ? 'status' : 'alert'}" class="${view.notice === 'done' || view.notice === 'restored' ? 'notice' : 'form-errors'}">${w[view.notice]}</p>` : ''
  const body = html`<h1>${w.title}</h1><p>${w.intro}</p>${notice}
<nav aria-label="${w.title}"><ul class="tabs"><li>${tab(false, w.visible)}</li><li>${tab(true, w.hidden)}</li></ul></nav>
${view.reviews.length
  ? html`<table class="data"><caption>${fill(w.caption, { n: view.total })}</caption><thead><tr><th scope="col">${w.book}</th><th scope="col">${w.rating}</th><th scope="col">${w.author}</th><th scope="col">${w.body}</th><th scope="col">${w.reports}</th><th scope="col">${w.date}</th><th scope="col">${w.actions}</th></tr></thead>
<tbody>${view.reviews.map(row)}</tbody></table>${pager(ctx, view.page, view.pageCount, (n) => href(ctx, `/admin/reviews?page=${n}${view.showHidden ? '&show=hidden' : ''}`))}`
  : html`<p class="empty">${w.empty}</p>`}`
  return staffLayout(ctx, staff, { title: w.title, path: '/admin/reviews' }, body)
}

import type { StaffMember } from '../../../accounts'
import type { DuplicateGroup, DuplicateMember, DuplicatePage, MergeResult } from '../../../catalog'
import { html, type SafeHtml } from '../../html'
import { fill, formatMoney } from '../../i18n'
import { href, type PageContext } from '../context'
import { formFields } from '../parts'
import { fieldName } from './history'
import { staffLayout } from './layout'

const words = {
  ko: {
    title: '중복 의심 책', intro: '제목과 첫 저자가 같은 책들입니다. 띄어쓰기, 문장 부호, 대소문자, 전각 문자는 무시하고 비교합니다.',
    unkeyed: '아직 비교하지 않은 예전 책이 {n}권 있습니다. 이 화면을 열 때마다 차례로 비교하니 다시 열어 주세요.', empty: '결정을 기다리는 중복 의심 책이 없습니다.',
    kind_duplicates: '중복 의심 (같은 형태)', kind_editions: '같은 작품의 다른 판 (다른 형태)', group: '{title}: {n}권', caption: '{title}의 책들',
    isbn: 'ISBN', bookTitle: '제목', contributors: '저자', publisher: '출판사', format: '형태', price: '판매가', stock: '재고', notCounted: '세지 않음', sale: '판매', actions: '할 일',
    onSale: '판매 중', offSale: '중지', none: '없음',
    merge: '이 책으로 합치기', mergeDetail: '같은 형태의 {isbns}을(를) {isbn}에 합칩니다', link: '같은 작품의 판으로 잇기', dismiss: '중복 아님',
    linkDetail: '{title}의 책 {n}권', next: '다음 쪽', first: '첫 쪽', back: '중복 의심 목록으로', openBook: '{isbn} 고치기', openPage: '{isbn} 상품 페이지',
    doneTitle: '처리 결과', merged: '{merged}을(를) {kept}에 합쳤습니다. 합친 책의 페이지는 {kept}(으)로 넘어가고, 두 책의 내력은 그대로 남습니다.',
    filled: '{kept}에 채우거나 바꾼 항목: {fields}', filledNothing: '{kept}에 채운 항목은 없습니다.', linked: '{n}권을 한 작품의 판으로 이었습니다: {isbns}. 상품 페이지마다 "다른 판"에 서로 보입니다.',
    dismissed: '{isbns}은(는) 중복이 아니라고 기록했습니다. 이 묶음은 다시 나오지 않습니다.',
    problemTitle: '처리하지 못했습니다', problem_invalid: '{field} 값이 올바르지 않습니다.', problem_too_few_books: '서로 다른 책이 두 권 이상 있어야 합니다 ({field}).',
    problem_already_merged: '{isbns}은(는) 이미 다른 책에 합쳐졌습니다.', problem_invalid_isbn: '{field}: 올바른 ISBN이 아닙니다.',
    field_keep: '남길 책', field_merge: '합칠 책', field_isbn: '책', field_after: '쪽 위치',
  },
  en: {
    title: 'Likely duplicates', intro: 'Books with the same title and first author, compared without spaces, punctuation, case or full-width forms.',
    unkeyed: '{n} older books are not compared yet. Each visit to this page compares more of them: open it again.', empty: 'No likely duplicates are waiting for a decision.',
    kind_duplicates: 'Likely duplicate (same format)', kind_editions: 'Editions of one work (different formats)', group: '{title}: {n} books', caption: 'Books of {title}',
    isbn: 'ISBN', bookTitle: 'Title', contributors: 'Authors', publisher: 'Publisher', format: 'Format', price: 'Price', stock: 'Stock', notCounted: 'not counted', sale: 'Sale', actions: 'Actions',
    onSale: 'On sale', offSale: 'Off', none: 'none',
    merge: 'Merge into this one', mergeDetail: 'merge {isbns}, of the same format, into {isbn}', link: 'Link as editions of one work', dismiss: 'Not duplicates',
    linkDetail: '{n} books of {title}', next: 'Next page', first: 'First page', back: 'Back to likely duplicates', openBook: 'Edit {isbn}', openPage: 'Product page of {isbn}',
    doneTitle: 'Done', merged: '{merged} merged into {kept}. The merged book’s page now leads to {kept}; both books keep their history.',
    filled: 'Filled in or changed on {kept}: {fields}', filledNothing: 'Nothing needed filling in on {kept}.', linked: '{n} books linked as editions of one work: {isbns}. Each product page lists the others under "Other editions".',
    dismissed: '{isbns} recorded as not duplicates. This group will not come back.',
    problemTitle: 'Nothing was changed', problem_invalid: '{field} is not valid.', problem_too_few_books: 'At least two different books are needed ({field}).',
    problem_already_merged: '{isbns} was merged into another book already.', problem_invalid_isbn: '{field}: not a valid ISBN.',
    field_keep: 'Book to keep', field_merge: 'Books to merge', field_isbn: 'Books', field_after: 'Page position',
  },
}
type Words = (typeof words)['ko']

/** What a decision came to, for the confirmation page. */
export type DuplicateOutcome =
  | { kind: 'merged'; result: MergeResult }
  | { kind: 'linked'; isbns: string[] }
  | { kind: 'dismissed'; isbns: string[] }
  | { kind: 'problem'; field: string; code: string; params: Record<string, string | number> }

export interface DuplicatesView {
  page: DuplicatePage
  mayWrite: boolean
  isFirstPage: boolean
}

const listHref = (ctx: PageContext, after?: string) => href(ctx, `/admin/duplicates${after ? `?${new URLSearchParams({ after })}` : ''}`)

function hiddenIsbns(name: string, isbns: string[]): SafeHtml {
  return html`${isbns.map((isbn) => html`<input type="hidden" name="${name}" value="${isbn}">`)}`
}

function mergeForm(ctx: PageContext, group: DuplicateGroup, member: DuplicateMember, w: Words): SafeHtml | string {
  const others = group.members.filter((m) => m.isbn13 !== member.isbn13 && m.format === member.format).map((m) => m.isbn13)
  if (others.length === 0) return ''
  return html`<form method="post" action="${href(ctx, '/admin/duplicates/merge')}">${formFields(ctx)}<input type="hidden" name="keep" value="${member.isbn13}">${hiddenIsbns('merge', others)}<button class="btn small" type="submit">${w.merge}<span class="vh"> (${fill(w.mergeDetail, { isbns: others.join(', '), isbn: member.isbn13 })})</span></button></form>`
}

function memberRow(ctx: PageContext, group: DuplicateGroup, m: DuplicateMember, view: DuplicatesView, w: Words): SafeHtml {
  const price = m.salePrice ?? m.listPrice
  return html`<tr><th scope="row"><a href="${href(ctx, `/admin/books/${m.isbn13}`)}">${m.isbn13}</a></th><td>${m.title}</td><td>${m.contributors.map((c) => c.name).join(', ') || w.none}</td>
<td>${m.publisher ?? w.none}</td><td>${ctx.t[`format_${m.format}`]}</td><td class="num">${price == null ? w.none : formatMoney(ctx.lang, price, m.currency)}</td><td class="num">${m.stock ?? w.notCounted}</td><td>${m.onSale ? w.onSale : w.offSale}</td>
${view.mayWrite ? html`<td>${mergeForm(ctx, group, m, w)}</td>` : ''}</tr>`
}

function groupBlock(ctx: PageContext, group: DuplicateGroup, index: number, view: DuplicatesView, w: Words): SafeHtml {
  const title = group.members[0]!.title
  const isbns = group.members.map((m) => m.isbn13)
  const id = `group-${index}`
  const actions = view.mayWrite
    ? html`<div class="address-actions"><form method="post" action="${href(ctx, '/admin/duplicates/link')}">${formFields(ctx)}${hiddenIsbns('isbn', isbns)}<button class="btn" type="submit">${w.link}<span class="vh"> (${fill(w.linkDetail, { n: isbns.length, title })})</span></button></form>
<form method="post" action="${href(ctx, '/admin/duplicates/dismiss')}">${formFields(ctx)}${hiddenIsbns('isbn', isbns)}<button class="btn secondary" type="submit">${w.dismiss}<span class="vh"> (${fill(w.linkDetail, { n: isbns.length, title })})</span></button></form></div>`
    : ''
  return html`<section class="dup-group" aria-labelledby="${id}"><h2 id="${id}">${fill(w.group, { title, n: isbns.length })}</h2><p>${w[`kind_${group.kind}`]}</p>
<table class="cart-table"><caption class="vh">${fill(w.caption, { title })}</caption><thead><tr><th scope="col">${w.isbn}</th><th scope="col">${w.bookTitle}</th><th scope="col">${w.contributors}</th><th scope="col">${w.publisher}</th><th scope="col">${w.format}</th><th scope="col">${w.price}</th><th scope="col">${w.stock}</th><th scope="col">${w.sale}</th>${view.mayWrite ? html`<th scope="col">${w.actions}</th>` : ''}</tr></thead>
<tbody>${group.members.map((m) => memberRow(ctx, group, m, view, w))}</tbody></table>
${actions}</section>`
}

/** The groups waiting for a decision, each with its books and the forms that decide. */
export function duplicatesPage(ctx: PageContext, staff: StaffMember, view: DuplicatesView): string {
  const w = words[ctx.lang]
  const { page } = view
  const pager = [view.isFirstPage ? '' : html`<a href="${listHref(ctx)}">${w.first}</a>`, page.next ? html`<a href="${listHref(ctx, page.next)}">${w.next}</a>` : ''].filter(Boolean)
  return staffLayout(
    ctx,
    staff,
    { title: w.title, path: '/admin/books' },
    html`<h1>${w.title}</h1><p>${w.intro}</p>
${page.unkeyed ? html`<p class="flash" role="status">${fill(w.unkeyed, { n: page.unkeyed })}</p>` : ''}
${page.groups.length ? page.groups.map((g, i) => groupBlock(ctx, g, i, view, w)) : html`<p>${w.empty}</p>`}
${pager.length ? html`<nav aria-label="${w.title}"><p>${pager.map((a, i) => html`${i ? ' · ' : ''}${a}`)}</p></nav>` : ''}`,
  )
}

const bookLinks = (ctx: PageContext, isbns: string[], w: Words) =>
  html`<ul>${isbns.map((isbn) => html`<li><a href="${href(ctx, `/admin/books/${isbn}`)}">${fill(w.openBook, { isbn })}</a> · <a href="${href(ctx, `/books/${isbn}`)}">${fill(w.openPage, { isbn })}</a></li>`)}</ul>`

function outcomeText(ctx: PageContext, outcome: DuplicateOutcome, w: Words): SafeHtml {
  if (outcome.kind === 'problem') {
    const field = (w as Record<string, string>)[`field_${outcome.field}`] ?? outcome.field
    const template = (w as Record<string, string>)[`problem_${outcome.code}`] ?? w.problem_invalid
    return html`<p class="flash error" role="alert">${fill(template, { ...outcome.params, field })}</p>`
  }
  if (outcome.kind === 'merged') {
    const { kept, merged, filled } = outcome.result
    const fields = filled.map((f) => fieldName(ctx, f)).join(', ')
    return html`<p class="flash" role="status">${fill(w.merged, { merged: merged.join(', '), kept })}</p><p>${fields ? fill(w.filled, { kept, fields }) : fill(w.filledNothing, { kept })}</p>${bookLinks(ctx, [kept], w)}`
  }
  if (outcome.kind === 'linked') return html`<p class="flash" role="status">${fill(w.linked, { n: outcome.isbns.length, isbns: outcome.isbns.join(', ') })}</p>${bookLinks(ctx, outcome.isbns, w)}`
  return html`<p class="flash" role="status">${fill(w.dismissed, { isbns: outcome.isbns.join(', ') })}</p>`
}

/** What a merge, link or dismissal did, or why nothing was done. */
export function duplicateOutcomePage(ctx: PageContext, staff: StaffMember, outcome: DuplicateOutcome): string {
  const w = words[ctx.lang]
  const title = outcome.kind === 'problem' ? w.problemTitle : w.doneTitle
  return staffLayout(ctx, staff, { title, path: '/admin/books' }, html`<h1>${title}</h1>${outcomeText(ctx, outcome, w)}<p><a href="${listHref(ctx)}">${w.back}</a></p>`)
}

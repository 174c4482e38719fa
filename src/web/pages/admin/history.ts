import type { StaffMember } from '../../../accounts'
import { importRunOf, type AuditChange, type AuditEntry } from '../../../audit'
import type { FieldError } from '../../../catalog'
import { html, type SafeHtml } from '../../html'
import { fill } from '../../i18n'
import { href, type PageContext } from '../context'
import { formFields } from '../parts'
import { staffLayout } from './layout'

/** What the history page shows of one book. */
export interface BookHistoryView {
  isbn13: string
  title: string
  entries: AuditEntry[]
  /** The reader may put fields back (catalog.write). */
  mayRevert: boolean
  /** After a put-back: done, or nothing to do (the field already holds that value). */
  notice?: 'reverted' | 'unchanged'
  /** Why a put-back was refused: the catalog's field error for that field. */
  refusal?: { field: string; error: FieldError }
  /** The book this one was merged into on the duplicates screen. */
  mergedInto?: string
}

/**
 * Fields put back from the history. Not an uploaded cover (its old files are
 * gone: it is uploaded again), nor what the duplicates screen records (a
 * merge or a link is a decision about two books, not a field of one).
 */
export const isRevertible = (field: string) => !['cover', 'work', 'mergedFrom', 'mergedInto', 'notDuplicateOf'].includes(field)

const FIELD_WORDS = {
  ko: {
    title: '제목', subtitle: '부제', originalTitle: '원제', translations: '번역 제목', contributors: '저자 등', publisher: '출판사', imprint: '임프린트',
    issuedOn: '발행일', language: '언어', format: '형태', series: '시리즈', seriesNumber: '시리즈 번호', pageCount: '쪽수', weightG: '무게 (g)',
    dimensions: '크기 (mm)', currency: '통화', listPrice: '정가', salePrice: '판매가', stock: '재고', leadDays: '발송까지 일수', onSale: '판매 중', descriptionHeadline: '책소개 제목',
    descriptionHtml: '책소개', toc: '목차', reviewHtml: '출판사 리뷰', authorBioHtml: '저자 소개', excerptsHtml: '책 속으로', coverUrl: '표지 이미지 URL', cover: '표지', categoryIds: '분야',
    work: '작품 (판 묶음)', mergedFrom: '합쳐 들인 책', mergedInto: '합쳐 간 책', notDuplicateOf: '중복 아님',
  },
  en: {
    title: 'Title', subtitle: 'Subtitle', originalTitle: 'Original title', translations: 'Translated titles', contributors: 'Contributors', publisher: 'Publisher', imprint: 'Imprint',
    issuedOn: 'Date of issue', language: 'Language', format: 'Format', series: 'Series', seriesNumber: 'Number in series', pageCount: 'Pages', weightG: 'Weight (g)',
    dimensions: 'Size (mm)', currency: 'Currency', listPrice: 'List price', salePrice: 'Sale price', stock: 'Stock', leadDays: 'Days to dispatch', onSale: 'On sale', descriptionHeadline: 'Introduction headline',
    descriptionHtml: 'Introduction', toc: 'Table of contents', reviewHtml: "Publisher's review", authorBioHtml: 'About the author', excerptsHtml: 'From the book', coverUrl: 'Cover image URL', cover: 'Cover', categoryIds: 'Categories',
    work: 'Work (its editions)', mergedFrom: 'Books merged in', mergedInto: 'Merged into', notDuplicateOf: 'Not a duplicate of',
  },
} satisfies Record<'ko' | 'en', Record<string, string>>

const words = {
  ko: {
    heading: '{title}: 바뀐 내력', edit: '책 고치기', empty: '기록된 변경이 없습니다.', field: '항목', before: '이전', after: '이후',
    putBack: '되돌리기', none: '(없음)', yes: '예', no: '아니요', unknownActor: '알 수 없음',
    reverted: '이전 값으로 되돌렸습니다. 되돌린 일도 기록했습니다.', unchanged: '이미 그 값이라 바꾼 것이 없습니다.', refused: '{field}을(를) 되돌리지 못했습니다: {reason}',
    created: '책을 만들었습니다.', importRun: '가져오기 #{id}', viaForm: '고치기 화면', viaBulk: '일괄 작업', viaCli: '명령줄', viaUnknown: '알 수 없는 경로',
    action_edit: '수정', action_create: '생성', action_bulk: '일괄 수정', action_import: '가져오기', action_revert: '되돌리기',
    action_merge: '합치기', action_link: '판 잇기', action_dismiss: '중복 아님', viaMerge: '중복 화면에서 합치기', viaLink: '중복 화면에서 판 잇기', viaDismiss: '중복 화면',
    mergedInto: '이 책은 {isbn}에 합쳐졌습니다. 상품 페이지는 그 책으로 넘어갑니다.', mergedIntoLink: '{isbn}의 내력',
    when: '언제', who: '누가', how: '어떻게', changes: '바뀐 항목',
  },
  en: {
    heading: 'History of {title}', edit: 'Edit the book', empty: 'No changes recorded.', field: 'Field', before: 'Before', after: 'After',
    putBack: 'Put back', none: '(none)', yes: 'yes', no: 'no', unknownActor: 'unknown',
    reverted: 'Put back to the earlier value. The put-back is recorded too.', unchanged: 'The field already holds that value: nothing changed.', refused: '{field} was not put back: {reason}',
    created: 'Book created.', importRun: 'import #{id}', viaForm: 'edit form', viaBulk: 'bulk action', viaCli: 'command line', viaUnknown: 'unknown way',
    action_edit: 'edit', action_create: 'created', action_bulk: 'bulk edit', action_import: 'import', action_revert: 'put back',
    action_merge: 'merge', action_link: 'editions linked', action_dismiss: 'not duplicates', viaMerge: 'merged on the duplicates screen', viaLink: 'linked on the duplicates screen', viaDismiss: 'duplicates screen',
    mergedInto: 'This book was merged into {isbn}; its product page leads there.', mergedIntoLink: 'History of {isbn}',
    when: 'When', who: 'Who', how: 'How', changes: 'Changes',
  },
}

type Words = (typeof words)['ko']

const seoulTime = (lang: 'ko' | 'en') => new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-GB', { timeZone: 'Asia/Seoul', dateStyle: 'medium', timeStyle: 'medium' })

/** Long texts (descriptions, contents) are cut: the page says what changed, the book page shows it whole. */
const MAX_SHOWN = 400

function valueText(value: unknown, w: Words): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return w.none
  if (typeof value === 'boolean') return value ? w.yes : w.no
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text
}

/** A book field's name as staff read it. */
export const fieldName = (ctx: PageContext, field: string) => (FIELD_WORDS[ctx.lang] as Record<string, string>)[field] ?? field

function viaText(ctx: PageContext, via: string, w: Words): SafeHtml | string {
  const run = importRunOf(via)
  if (run !== undefined) return html`<a href="${href(ctx, `/admin/imports/${run}`)}">${fill(w.importRun, { id: run })}</a>`
  return ({ form: w.viaForm, bulk: w.viaBulk, cli: w.viaCli, merge: w.viaMerge, link: w.viaLink, dismiss: w.viaDismiss } as Record<string, string>)[via] ?? w.viaUnknown
}

function changeRow(ctx: PageContext, view: BookHistoryView, entry: AuditEntry, change: AuditChange, w: Words): SafeHtml {
  const name = fieldName(ctx, change.field)
  // An uploaded cover is uploaded again, not put back (its old files are gone).
  const button = !view.mayRevert ? '' : !isRevertible(change.field) ? html`<td></td>` : html`<td><form method="post" action="${href(ctx, `/admin/books/${view.isbn13}/history/revert`)}">${formFields(ctx)}<input type="hidden" name="entry" value="${entry.id}"><input type="hidden" name="field" value="${change.field}"><button class="btn" type="submit">${w.putBack}<span class="vh"> (${name})</span></button></form></td>`
  return html`<tr><th scope="row">${name}</th><td class="audit-value">${valueText(change.before, w)}</td><td class="audit-value">${valueText(change.after, w)}</td>${button}</tr>`
}

function entryBlock(ctx: PageContext, view: BookHistoryView, entry: AuditEntry, w: Words): SafeHtml {
  const actionWord = (w as Record<string, string>)[`action_${entry.action}`] ?? entry.action
  const who = entry.actor === 'unknown' ? w.unknownActor : entry.actorName
  const changes = entry.changes.length
    ? html`<table class="audit-changes"><caption class="vh">${w.changes}</caption><thead><tr><th scope="col">${w.field}</th><th scope="col">${w.before}</th><th scope="col">${w.after}</th>${view.mayRevert ? html`<th scope="col"><span class="vh">${w.putBack}</span></th>` : ''}</tr></thead>
<tbody>${entry.changes.map((c) => changeRow(ctx, view, entry, c, w))}</tbody></table>`
    : html`<p>${w.created}</p>`
  return html`<li class="audit-entry" id="entry-${entry.id}"><p><time datetime="${entry.at}">${seoulTime(ctx.lang).format(new Date(entry.at))}</time> · <strong>${who}</strong> · ${actionWord} · ${viaText(ctx, entry.via, w)}</p>${changes}</li>`
}

/** A book's history: each recorded change, newest first, with a put-back button per field for those who may edit. */
export function bookHistoryPage(ctx: PageContext, staff: StaffMember | undefined, view: BookHistoryView): string {
  const w = words[ctx.lang]
  const title = fill(w.heading, { title: view.title })
  const refusal = view.refusal && fill(w.refused, { field: fieldName(ctx, view.refusal.field), reason: fill((ctx.t as unknown as Record<string, string>)[`fieldError_${view.refusal.error.code}`] ?? ctx.t.fieldError_invalid, view.refusal.error.params) })
  return staffLayout(
    ctx,
    staff,
    { title, path: '/admin/books' },
    html`<p><a href="${href(ctx, `/admin/books/${view.isbn13}`)}">${w.edit}</a></p>
<h1>${title}</h1>
${view.notice ? html`<p class="flash" role="status">${w[view.notice]}</p>` : ''}
${view.mergedInto ? html`<p class="flash">${fill(w.mergedInto, { isbn: view.mergedInto })} <a href="${href(ctx, `/admin/books/${view.mergedInto}/history`)}">${fill(w.mergedIntoLink, { isbn: view.mergedInto })}</a></p>` : ''}
${refusal ? html`<p class="flash error" role="alert">${refusal}</p>` : ''}
${view.entries.length ? html`<ol class="audit-log">${view.entries.map((e) => entryBlock(ctx, view, e, w))}</ol>` : html`<p>${w.empty}</p>`}`,
  )
}

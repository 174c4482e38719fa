import type { StaffMember } from '../../../accounts'
import { STAFF_MISSING, type BulkResult, type CategoryNode, type StaffListPage, type StaffMissing, type StaffSort } from '../../../catalog'
import { html, type SafeHtml } from '../../html'
import { fill, formatMoney } from '../../i18n'
import { href, type PageContext } from '../context'
import { formFields } from '../parts'
import { staffLayout } from './layout'

const words = {
  ko: {
    title: '책 목록', duplicates: '중복 의심 책 보기', filters: '찾기와 거르기', text: 'ISBN, 제목 또는 저자 (앞부분)', missing: '빠진 것', missing_cover: '표지 없음', missing_description: '책소개 없음',
    missing_toc: '목차 없음', missing_category: '분야 없음', offSale: '판매 중지', priceLaw: '도서정가제 위반 판매가', stock: '재고가 이 수 이하', run: '가져오기 실행 번호',
    category: '분야', anyCategory: '모든 분야', apply: '거르기', clear: '모두 보기', found: '{n}권', foundMany: '1만 권 넘음', pageN: '{n}쪽', caption: '책 목록, {sort} {dir}',
    asc: '오름차순', desc: '내림차순', select: '선택', selectBook: '{title} 선택', isbn: 'ISBN', bookTitle: '제목', contributors: '저자', price: '판매가', stockCol: '재고', notCounted: '세지 않음',
    onSaleCol: '판매', issued: '발행일', updated: '고친 때', gaps: '빠진 것', yes: '판매 중', no: '중지', none: '없음', next: '다음 쪽', first: '첫 쪽', empty: '맞는 책이 없습니다.',
    bulk: '한꺼번에 바꾸기', action: '할 일', act_onSale: '판매 시작', act_offSale: '판매 중지', act_categoryReplace: '분야를 이것으로 바꾸기', act_categoryAdd: '분야에 더하기',
    act_salePrice: '판매가 정하기 (비우면 정가로)', bulkCategory: '분야', bulkPrice: '판매가 (원)', scope: '어느 책에', scope_selected: '고른 책', scope_filter: '거른 책 모두 (1만 권까지)',
    run_bulk: '바꾸기', export: 'CSV로 내보내기', exportSelected: '고른 책을 CSV로', sortBy: '{col} 순으로 정렬',
    resultTitle: '한꺼번에 바꾼 결과', applied: '{n}권에 적용했습니다.', refused: '{n}권은 바꾸지 않았습니다:', reason: '까닭', back: '책 목록으로',
    problem_invalid: '할 일과 대상을 다시 골라 주세요.', problem_nothingSelected: '고른 책이 없습니다. 책을 고르거나 "거른 책 모두"를 고르세요.',
  },
  en: {
    title: 'Books', duplicates: 'Likely duplicates', filters: 'Find and filter', text: 'ISBN, title or author (its start)', missing: 'Missing', missing_cover: 'No cover', missing_description: 'No description',
    missing_toc: 'No contents', missing_category: 'No category', offSale: 'Off sale', priceLaw: 'Sale price against the book price law', stock: 'Stock at or under', run: 'Import run number',
    category: 'Category', anyCategory: 'Any category', apply: 'Filter', clear: 'Show all', found: '{n} books', foundMany: 'more than 10,000 books', pageN: 'page {n}', caption: 'Books, {sort} {dir}',
    asc: 'ascending', desc: 'descending', select: 'Select', selectBook: 'Select {title}', isbn: 'ISBN', bookTitle: 'Title', contributors: 'Authors', price: 'Price', stockCol: 'Stock', notCounted: 'not counted',
    onSaleCol: 'Sale', issued: 'Issued', updated: 'Updated', gaps: 'Missing', yes: 'On sale', no: 'Off', none: 'none', next: 'Next page', first: 'First page', empty: 'No books match.',
    bulk: 'Change many at once', action: 'Action', act_onSale: 'Put on sale', act_offSale: 'Take off sale', act_categoryReplace: 'Move to this category', act_categoryAdd: 'Add this category',
    act_salePrice: 'Set the sale price (empty: the list price)', bulkCategory: 'Category', bulkPrice: 'Sale price (won)', scope: 'Which books', scope_selected: 'The selected books', scope_filter: 'Every book the filter finds (up to 10,000)',
    run_bulk: 'Apply', export: 'Export as CSV', exportSelected: 'Selected books as CSV', sortBy: 'Sort by {col}',
    resultTitle: 'Bulk change result', applied: 'Applied to {n} books.', refused: '{n} books were left unchanged:', reason: 'Reason', back: 'Back to the books',
    problem_invalid: 'Choose the action and the books again.', problem_nothingSelected: 'No books were selected. Select some, or choose "every book the filter finds".',
  },
}
type Words = (typeof words)['ko']

/** The list's filter and order as the form and the column links carry them. */
export interface ListForm {
  q?: string
  missing: StaffMissing[]
  offSale?: '1'
  priceLaw?: '1'
  stock?: number
  run?: number
  category?: string
  sort?: StaffSort
  dir?: 'asc' | 'desc'
}

export interface BooksListView {
  form: ListForm
  page: StaffListPage
  categories: CategoryNode[]
  mayWrite: boolean
}

const COLUMNS: Array<{ key: keyof Words; sort?: StaffSort }> = [
  { key: 'isbn', sort: 'isbn' }, { key: 'bookTitle', sort: 'title' }, { key: 'contributors' }, { key: 'price', sort: 'price' }, { key: 'stockCol', sort: 'stock' },
  { key: 'onSaleCol' }, { key: 'issued', sort: 'issued' }, { key: 'updated', sort: 'updated' }, { key: 'gaps' },
]

/** The filter as query parameters, without paging: column links and the pager add theirs. */
function filterParams(form: ListForm): Array<[string, string]> {
  const out: Array<[string, string]> = []
  const put = (k: string, v: string | number | undefined) => v !== undefined && v !== '' && out.push([k, String(v)])
  put('q', form.q)
  for (const m of form.missing) put('missing', m)
  put('offSale', form.offSale)
  put('priceLaw', form.priceLaw)
  put('stock', form.stock)
  put('run', form.run)
  put('category', form.category)
  return out
}

const listHref = (ctx: PageContext, params: Array<[string, string]>) => href(ctx, `/admin/books${params.length ? `?${new URLSearchParams(params)}` : ''}`)

function flatCategories(nodes: CategoryNode[], ctx: PageContext, depth = 0): Array<[string, string]> {
  return nodes.flatMap((n) => [[n.id, `${'— '.repeat(depth)}${n.name[ctx.lang]}`] as [string, string], ...flatCategories(n.children, ctx, depth + 1)])
}

const options = (choices: Array<[string, string]>, chosen: string | undefined) => choices.map(([v, label]) => html`<option value="${v}"${v === chosen ? html` selected` : ''}>${label}</option>`)
const langField = (ctx: PageContext) => (ctx.lang === 'en' || ctx.explicit ? html`<input type="hidden" name="lang" value="${ctx.lang}">` : '')

function filterForm(ctx: PageContext, w: Words, form: ListForm, categories: Array<[string, string]>): SafeHtml {
  const box = (name: string, value: string, label: string, checked: boolean, id: string) =>
    html`<label for="${id}"><input type="checkbox" id="${id}" name="${name}" value="${value}"${checked ? html` checked` : ''}> ${label}</label>`
  return html`<form class="office-filters" method="get" action="/admin/books" role="search" aria-label="${w.filters}">${langField(ctx)}
<div class="field"><label for="bl-q">${w.text}</label><input id="bl-q" name="q" value="${form.q ?? ''}" autocomplete="off"></div>
<fieldset><legend>${w.missing}</legend>${STAFF_MISSING.map((m) => box('missing', m, w[`missing_${m}`], form.missing.includes(m), `bl-missing-${m}`))}</fieldset>
<div class="field">${box('offSale', '1', w.offSale, form.offSale === '1', 'bl-off')} ${box('priceLaw', '1', w.priceLaw, form.priceLaw === '1', 'bl-law')}</div>
<div class="field"><label for="bl-stock">${w.stock}</label><input id="bl-stock" name="stock" type="number" min="0" value="${form.stock ?? ''}"></div>
<div class="field"><label for="bl-run">${w.run}</label><input id="bl-run" name="run" type="number" min="1" value="${form.run ?? ''}"></div>
<div class="field"><label for="bl-category">${w.category}</label><select id="bl-category" name="category"><option value="">${w.anyCategory}</option>${options(categories, form.category)}</select></div>
${form.sort ? html`<input type="hidden" name="sort" value="${form.sort}">` : ''}${form.dir ? html`<input type="hidden" name="dir" value="${form.dir}">` : ''}
<button class="btn" type="submit">${w.apply}</button> <a href="${href(ctx, '/admin/books')}">${w.clear}</a></form>`
}

function headerCell(ctx: PageContext, w: Words, form: ListForm, column: (typeof COLUMNS)[number]): SafeHtml {
  const label = w[column.key]
  if (!column.sort) return html`<th scope="col">${label}</th>`
  const current = (form.sort ?? 'title') === column.sort
  const isDescending = form.dir === 'desc'
  const dir = current && !isDescending ? 'desc' : 'asc'
  const link = listHref(ctx, [...filterParams(form), ['sort', column.sort], ['dir', dir]])
  const ariaSort = current ? (isDescending ? 'descending' : 'ascending') : undefined
  return html`<th scope="col"${ariaSort ? html` aria-sort="${ariaSort}"` : ''}><a href="${link}" aria-label="${fill(w.sortBy, { col: label })}">${label}${current ? (isDescending ? ' ▼' : ' ▲') : ''}</a></th>`
}

function bookRow(ctx: PageContext, w: Words, row: StaffListPage['rows'][number], mayWrite: boolean): SafeHtml {
  const price = row.salePrice ?? row.listPrice
  const id = `bl-pick-${row.isbn13}`
  return html`<tr>${mayWrite ? html`<td><input type="checkbox" id="${id}" name="isbn" value="${row.isbn13}" form="bulk" aria-label="${fill(w.selectBook, { title: row.title })}"></td>` : ''}
<td><a href="${href(ctx, `/admin/books/${row.isbn13}`)}">${row.isbn13}</a></td><td>${row.title}</td><td>${row.contributors.slice(0, 3).join(', ')}</td>
<td class="num">${price == null ? '' : formatMoney(ctx.lang, price, row.currency)}</td><td class="num">${row.stock ?? w.notCounted}</td><td>${row.onSale ? w.yes : w.no}</td>
<td>${row.issuedOn ?? ''}</td><td>${row.updatedAt.slice(0, 10)}</td><td>${row.missing.map((m) => w[`missing_${m}`]).join(', ') || w.none}</td></tr>`
}

function bulkControls(ctx: PageContext, w: Words, form: ListForm, categories: Array<[string, string]>): SafeHtml {
  const acts = (['onSale', 'offSale', 'categoryReplace', 'categoryAdd', 'salePrice'] as const).map((a): [string, string] => [a, w[`act_${a}`]])
  return html`<form id="bulk" class="office-bulk" method="post" action="${href(ctx, '/admin/books/bulk')}">${formFields(ctx)}
${filterParams(form).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}
<fieldset><legend>${w.bulk}</legend>
<div class="field"><label for="bl-action">${w.action}</label><select id="bl-action" name="action">${options(acts, undefined)}</select></div>
<div class="field"><label for="bl-bulk-category">${w.bulkCategory}</label><select id="bl-bulk-category" name="categoryId"><option value=""></option>${options(categories, undefined)}</select></div>
<div class="field"><label for="bl-price">${w.bulkPrice}</label><input id="bl-price" name="salePrice" type="number" min="0"></div>
<fieldset><legend>${w.scope}</legend><label for="bl-scope-s"><input type="radio" id="bl-scope-s" name="scope" value="selected" checked> ${w.scope_selected}</label>
<label for="bl-scope-f"><input type="radio" id="bl-scope-f" name="scope" value="filter"> ${w.scope_filter}</label></fieldset>
<button class="btn" type="submit">${w.run_bulk}</button> <button class="btn" type="submit" formmethod="get" formaction="/admin/books/export.csv">${w.exportSelected}</button></fieldset></form>`
}

/** The back office's books list: filters, a sortable table with a box per book, the pager, bulk changes and CSV. */
export function booksListPage(ctx: PageContext, staff: StaffMember, view: BooksListView): string {
  const w = words[ctx.lang]
  const { form, page } = view
  const categories = flatCategories(view.categories, ctx)
  const count = page.total === '10000+' ? w.foundMany : fill(w.found, { n: page.total.toLocaleString('en-US') })
  const sortColumn = COLUMNS.find((c) => c.sort === (form.sort ?? 'title'))!
  const caption = fill(w.caption, { sort: w[sortColumn.key], dir: form.dir === 'desc' ? w.desc : w.asc })
  const sorted: Array<[string, string]> = [...filterParams(form), ...(form.sort ? [['sort', form.sort] as [string, string]] : []), ...(form.dir ? [['dir', form.dir] as [string, string]] : [])]
  const exportHref = `/admin/books/export.csv${filterParams(form).length ? `?${new URLSearchParams(filterParams(form))}` : ''}`
  return staffLayout(
    ctx,
    staff,
    { title: w.title, path: '/admin/books' },
    html`<h1>${w.title}</h1>
<p><a href="${href(ctx, '/admin/duplicates')}">${w.duplicates}</a></p>
${filterForm(ctx, w, form, categories)}
<p role="status">${count} · ${fill(w.pageN, { n: page.page })} · <a href="${exportHref}">${w.export}</a></p>
${view.mayWrite ? bulkControls(ctx, w, form, categories) : ''}
${page.rows.length
  ? html`<table class="cart-table office-books"><caption>${caption}</caption><thead><tr>${view.mayWrite ? html`<th scope="col">${w.select}</th>` : ''}${COLUMNS.map((c) => headerCell(ctx, w, form, c))}</tr></thead>
<tbody>${page.rows.map((r) => bookRow(ctx, w, r, view.mayWrite))}</tbody></table>`
  : html`<p class="empty">${w.empty}</p>`}
<nav class="pager" aria-label="${w.pageN.replace('{n}', '').trim() || w.title}">${page.page > 1 ? html`<a href="${listHref(ctx, sorted)}">${w.first}</a> ` : ''}${page.next ? html`<a href="${listHref(ctx, [...sorted, ['after', page.next]])}" rel="next">${w.next}</a>` : ''}</nav>`,
  )
}

/** What a bulk change did: how many books it changed, and each it left alone with the reason. */
export function bulkResultPage(ctx: PageContext, staff: StaffMember, view: { result?: BulkResult; problem?: 'invalid' | 'nothingSelected' }): string {
  const w = words[ctx.lang]
  const t = ctx.t as unknown as Record<string, string>
  const reason = (r: BulkResult['refused'][number]) => fill(t[`fieldError_${r.error.code}`] ?? t.fieldError_invalid!, r.error.params)
  const { result } = view
  return staffLayout(
    ctx,
    staff,
    { title: w.resultTitle, path: '/admin/books' },
    html`<h1>${w.resultTitle}</h1>
${view.problem ? html`<p class="flash error" role="alert">${w[`problem_${view.problem}`]}</p>` : ''}
${result ? html`<p class="flash" role="status">${fill(w.applied, { n: result.applied.length })}</p>` : ''}
${result?.refused.length
  ? html`<p>${fill(w.refused, { n: result.refused.length })}</p><table class="cart-table"><caption class="vh">${w.refused.replace('{n}', String(result.refused.length))}</caption><thead><tr><th scope="col">${w.isbn}</th><th scope="col">${w.reason}</th></tr></thead>
<tbody>${result.refused.map((r) => html`<tr><td>${/^\d{13}$/.test(r.isbn13) ? html`<a href="${href(ctx, `/admin/books/${r.isbn13}`)}">${r.isbn13}</a>` : r.isbn13}</td><td>${reason(r)}</td></tr>`)}</tbody></table>`
  : ''}
<p><a href="${href(ctx, '/admin/books')}">${w.back}</a></p>`,
  )
}

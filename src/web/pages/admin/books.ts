import type { StaffMember } from '../../../accounts'
import { BOOK_FORMATS, type CategoryNode } from '../../../catalog'
import { html, type SafeHtml } from '../../html'
import { fill, type Labels } from '../../i18n'
import type { BookForm, FormErrors } from '../../routes/admin/book-form'
import { href, type PageContext } from '../context'
import { staffLayout } from './layout'

export interface AdminDashboard {
  books: number
  flash?: string
}

/** The back office's words: staff read it in Korean by default, in English by ?lang=en or their own setting. */
const words = {
  ko: {
    backOffice: '관리자 화면',
    booksInCatalog: '카탈로그에 책 {n}권이 있습니다.',
    findByIsbn: 'ISBN으로 책 찾아 고치기',
    open: '열기',
    edit: '{title} 고치기',
    saved: '저장했습니다. 상품 페이지에 바로 반영됩니다.',
    needFixing: '고쳐야 할 항목이 {n}개 있습니다:',
    save: '저장',
    onSale: '판매 중',
    legendPeople: '제목과 사람',
    legendEdition: '판',
    legendPrice: '가격과 재고',
    legendTexts: '소개 글',
    legendCategories: '분야',
    title: '제목',
    subtitle: '부제',
    titleEn: '영어 제목',
    contributors: '저자 등 (한 줄에 한 명: 이름 | 역할)',
    publisher: '출판사',
    issuedOn: '발행일 (YYYY-MM-DD)',
    format: '형태',
    language: '언어 (ISO 639-2, 예: kor)',
    series: '시리즈',
    seriesNumber: '시리즈 번호',
    pageCount: '쪽수',
    weightG: '무게 (g)',
    size: '크기 가로*세로*두께 (mm)',
    currency: '통화',
    listPrice: '정가 (최소 단위)',
    salePrice: '판매가 (최소 단위)',
    stock: '재고',
    descriptionHeadline: '책소개 제목',
    descriptionHtml: '책소개 (HTML 또는 일반 텍스트)',
    toc: '목차 (장마다 한 줄 "01 제목"; 그 밖은 front: / back:)',
    reviewHtml: '출판사 리뷰',
    authorBioHtml: '저자 소개',
    coverUrl: '표지 이미지 URL',
    categoryIds: '분야 id (공백으로 구분)',
  },
  en: {
    backOffice: 'Back office',
    booksInCatalog: '{n} books in the catalog.',
    findByIsbn: 'Edit a book by ISBN',
    open: 'Open',
    edit: 'Edit {title}',
    saved: 'Saved. The product page shows the change now.',
    needFixing: '{n} field(s) need fixing:',
    save: 'Save',
    onSale: 'On sale',
    legendPeople: 'Title and people',
    legendEdition: 'Edition',
    legendPrice: 'Price and stock',
    legendTexts: 'Texts',
    legendCategories: 'Categories',
    title: 'Title',
    subtitle: 'Subtitle',
    titleEn: 'English title',
    contributors: 'Contributors (one per line: name | role)',
    publisher: 'Publisher',
    issuedOn: 'Date of issue (YYYY-MM-DD)',
    format: 'Format',
    language: 'Language (ISO 639-2, e.g. kor)',
    series: 'Series',
    seriesNumber: 'Number in series',
    pageCount: 'Pages',
    weightG: 'Weight (g)',
    size: 'Size W*H*D (mm)',
    currency: 'Currency',
    listPrice: 'List price (minor units)',
    salePrice: 'Sale price (minor units)',
    stock: 'Stock',
    descriptionHeadline: 'Introduction headline',
    descriptionHtml: 'Book introduction (HTML or plain text)',
    toc: 'Table of contents (01 Title per chapter; front: / back: for the rest)',
    reviewHtml: "Publisher's review",
    authorBioHtml: 'About the author',
    coverUrl: 'Cover image URL',
    categoryIds: 'Category ids, separated by spaces',
  },
}

function adminLayout(ctx: PageContext, staff: StaffMember, title: string, body: SafeHtml): string {
  return staffLayout(ctx, staff, { title }, body)
}

export function adminHomePage(ctx: PageContext, staff: StaffMember, view: AdminDashboard): string {
  const w = words[ctx.lang]
  return adminLayout(
    ctx,
    staff,
    w.backOffice,
    html`<h1>${w.backOffice}</h1>
${view.flash ? html`<p class="flash" role="status">${view.flash}</p>` : ''}
<p>${fill(w.booksInCatalog, { n: view.books.toLocaleString('en-US') })}</p>
<form class="admin-find" action="/admin/books" method="get"><label for="admin-isbn">${w.findByIsbn}</label>
<input id="admin-isbn" name="isbn" required inputmode="numeric" autocomplete="off">${ctx.lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''} <button class="btn" type="submit">${w.open}</button></form>`,
  )
}

/** A field error's code and facts in the page's language. */
function errorText(t: Labels, error: FormErrors[string]): string {
  const words = t as unknown as Record<string, string>
  return fill(words[`fieldError_${error.code}`] ?? t.fieldError_invalid, error.params)
}

const field = (name: string, label: string, errors: Record<string, string>, input: (id: string, describedBy: string | undefined) => SafeHtml) => {
  const id = `f-${name}`
  const err = errors[name]
  return html`<div class="field${err ? ' invalid' : ''}"><label for="${id}">${label}</label>${input(id, err ? `${id}-err` : undefined)}${err ? html`<p class="error" id="${id}-err">${err}</p>` : ''}</div>`
}

export function bookEditPage(ctx: PageContext, staff: StaffMember, view: { isbn13: string; form: BookForm; errors: FormErrors; categories: CategoryNode[]; saved: boolean }): string {
  const { form } = view
  const errors = Object.fromEntries(Object.entries(view.errors).map(([name, error]) => [name, errorText(ctx.t, error)]))
  const text = (name: string, label: string, type = 'text') =>
    field(name, label, errors, (id, d) => html`<input id="${id}" name="${name}" type="${type}" value="${form[name] ?? ''}"${d ? html` aria-invalid="true" aria-describedby="${d}"` : ''}>`)
  const area = (name: string, label: string, rows = 6) =>
    field(name, label, errors, (id, d) => html`<textarea id="${id}" name="${name}" rows="${rows}"${d ? html` aria-invalid="true" aria-describedby="${d}"` : ''}>${form[name] ?? ''}</textarea>`)
  const flat: Array<[string, string]> = []
  const walk = (nodes: CategoryNode[], depth: number) => nodes.forEach((n) => (flat.push([n.id, `${'— '.repeat(depth)}${n.name.ko} (${n.id})`]), walk(n.children, depth + 1)))
  walk(view.categories, 0)
  const count = Object.keys(errors).length
  const w = words[ctx.lang]
  return adminLayout(
    ctx,
    staff,
    fill(w.edit, { title: view.isbn13 }),
    html`<p><a href="${href(ctx, '/admin')}">${w.backOffice}</a> › <a href="${href(ctx, `/books/${view.isbn13}`)}">${view.isbn13}</a></p>
<h1>${fill(w.edit, { title: form.title || view.isbn13 })}</h1>
${view.saved ? html`<p class="flash" role="status">${w.saved}</p>` : ''}
${count ? html`<div class="flash error" role="alert"><p>${fill(w.needFixing, { n: count })}</p><ul>${Object.entries(errors).map(([k, v]) => html`<li><a href="#f-${k}">${(w as Record<string, string>)[k] ?? k}</a>: ${v}</li>`)}</ul></div>` : ''}
<form class="admin-form" method="post" action="${href(ctx, `/admin/books/${view.isbn13}`)}"><input type="hidden" name="_csrf" value="${ctx.formToken()}">
<fieldset><legend>${w.legendPeople}</legend>${text('title', w.title)}${text('subtitle', w.subtitle)}${text('titleEn', w.titleEn)}${area('contributors', w.contributors, 3)}${text('publisher', w.publisher)}</fieldset>
<fieldset><legend>${w.legendEdition}</legend>${text('issuedOn', w.issuedOn)}
${field('format', w.format, errors, (id) => html`<select id="${id}" name="format">${BOOK_FORMATS.map((f) => html`<option${f === form.format ? html` selected` : ''}>${f}</option>`)}</select>`)}
${text('language', w.language)}${text('series', w.series)}${text('seriesNumber', w.seriesNumber)}
${text('pageCount', w.pageCount, 'number')}${text('weightG', w.weightG, 'number')}${text('size', w.size)}</fieldset>
<fieldset><legend>${w.legendPrice}</legend>${text('currency', w.currency)}${text('listPrice', w.listPrice, 'number')}${text('salePrice', w.salePrice, 'number')}${text('stock', w.stock, 'number')}
<input type="hidden" name="hasOnSale" value="1"><div class="field"><label><input type="checkbox" name="onSale"${form.onSale === 'on' ? html` checked` : ''}> ${w.onSale}</label></div></fieldset>
<fieldset><legend>${w.legendTexts}</legend>${text('descriptionHeadline', w.descriptionHeadline)}${area('descriptionHtml', w.descriptionHtml, 8)}${area('toc', w.toc, 10)}${area('reviewHtml', w.reviewHtml, 8)}${area('authorBioHtml', w.authorBioHtml, 4)}${text('coverUrl', w.coverUrl, 'url')}</fieldset>
<fieldset><legend>${w.legendCategories}</legend>${field('categoryIds', w.categoryIds, errors, (id, d) => html`<input id="${id}" name="categoryIds" list="cat-ids" value="${form.categoryIds ?? ''}"${d ? html` aria-invalid="true" aria-describedby="${d}"` : ''}>`)}
<datalist id="cat-ids">${flat.map(([id, label]) => html`<option value="${id}">${label}</option>`)}</datalist></fieldset>
<button class="btn" type="submit">${w.save}</button></form>`,
  )
}

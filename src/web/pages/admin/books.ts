import type { StaffMember } from '../../../accounts'
import { BOOK_FORMATS, type CategoryNode } from '../../../catalog'
import { html, type SafeHtml } from '../../html'
import { fill, type Labels } from '../../i18n'
import type { BookForm, FormErrors } from '../../routes/admin/book-form'
import { href, type PageContext } from '../context'
import { staffLayout } from './layout'

/** The back office's words: staff read it in Korean by default, in English by ?lang=en or their own setting. */
const words = {
  ko: {
    backOffice: '관리자 화면',
    history: '변경 이력',
    cover: '표지',
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
    newBook: '새 책 등록',
    isbn: 'ISBN (10자리 또는 13자리)',
    create: '등록',
    created: '등록했습니다. 상품 페이지: {isbn}',
    addBook: '새 책 등록하기',
    legendTranslations: '다른 언어 제목',
    trLang: '언어 (ISO 639-1, 예: en)',
    trTitle: '제목',
    trSubtitle: '부제',
    trRow: '{n}번째 번역',
    legendToc: '목차',
    tocHelp: '항목마다 종류, 번호, 제목을 적고, 단추로 순서와 들여쓰기를 바꿉니다. 저장해야 반영됩니다. 장소와 연도는 비워 두면 제목에서 읽습니다("베이징 1618"). 지명 사전에 없는 곳은 "이름 @ 위도, 경도", 장소가 없으면 "-"로 적습니다. 적은 값은 다음 가져오기에도 남습니다.',
    tocRow: '{n}번째 항목',
    tocKind: '종류',
    tocNumber: '번호',
    tocTitle: '제목',
    tocPlace: '장소',
    tocYear: '연도',
    tocPlaceAuto: '자동',
    kind_front: '앞부분',
    kind_part: '부',
    kind_chapter: '장',
    kind_back: '뒷부분',
    op_up: '위로: {title}',
    op_down: '아래로: {title}',
    op_indent: '들여쓰기: {title}',
    op_outdent: '내어쓰기: {title}',
    op_remove: '삭제: {title}',
    op_add: '아래에 항목 추가: {title}',
    addEntry: '항목 추가',
    tocText: '목차를 텍스트로 붙여 넣기 (입력하면 위 목록을 대신합니다. 한 줄에 하나: "01 제목", "part: 제목", "front: 제목", "back: 제목")',
    toc: '목차',
    translations: '다른 언어 제목',
    contributors: '저자 등 (한 줄에 한 명: 이름 | 역할)',
    publisher: '출판사',
    issuedOn: '발행일 (YYYY-MM-DD, YYYY-MM 또는 YYYY)',
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
    stock: '재고 (비워 두면 세지 않음: 주문 받아 발송)',
    leadDays: '재고가 없을 때 주문 후 발송까지 일수',
    descriptionHeadline: '책소개 제목',
    descriptionHtml: '책소개 (HTML 또는 일반 텍스트)',
    reviewHtml: '출판사 리뷰',
    authorBioHtml: '저자 소개',
    excerptsHtml: '책 속으로 (책의 한 대목, HTML)',
    coverUrl: '표지 이미지 URL',
    categoryIds: '분야 id (공백으로 구분)',
  },
  en: {
    backOffice: 'Back office',
    history: 'History',
    cover: 'Cover',
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
    newBook: 'New book',
    isbn: 'ISBN (10 or 13 digits)',
    create: 'Create',
    created: 'Created. Product page: {isbn}',
    addBook: 'Add a new book',
    legendTranslations: 'Title in other languages',
    trLang: 'Language (ISO 639-1, e.g. en)',
    trTitle: 'Title',
    trSubtitle: 'Subtitle',
    trRow: 'Translation {n}',
    legendToc: 'Table of contents',
    tocHelp: 'Give each entry its kind, number and title; the buttons change the order and indentation. Nothing is kept until you save. Left empty, the place and year are read from the title ("Beijing 1618"); a place the gazetteer lacks is written "Name @ lat, lon", and "-" means no place. What you set here stays over later imports.',
    tocRow: 'Entry {n}',
    tocKind: 'Kind',
    tocNumber: 'Number',
    tocTitle: 'Title',
    tocPlace: 'Place',
    tocYear: 'Year',
    tocPlaceAuto: 'auto',
    kind_front: 'Front matter',
    kind_part: 'Part',
    kind_chapter: 'Chapter',
    kind_back: 'Back matter',
    op_up: 'Move up: {title}',
    op_down: 'Move down: {title}',
    op_indent: 'Indent: {title}',
    op_outdent: 'Outdent: {title}',
    op_remove: 'Remove: {title}',
    op_add: 'Add an entry after: {title}',
    addEntry: 'Add an entry',
    tocText: 'Paste the contents as text (replaces the list above; one per line: "01 Title", "part: Title", "front: Title", "back: Title")',
    toc: 'Table of contents',
    translations: 'Title in other languages',
    contributors: 'Contributors (one per line: name | role)',
    publisher: 'Publisher',
    issuedOn: 'Date of issue (YYYY-MM-DD, YYYY-MM or YYYY)',
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
    stock: 'Stock (leave empty when not counted: sold to order)',
    leadDays: 'Days from order to dispatch when not in stock',
    descriptionHeadline: 'Introduction headline',
    descriptionHtml: 'Book introduction (HTML or plain text)',
    reviewHtml: "Publisher's review",
    authorBioHtml: 'About the author',
    excerptsHtml: 'From the book (passages, HTML)',
    coverUrl: 'Cover image URL',
    categoryIds: 'Category ids, separated by spaces',
  },
}

function adminLayout(ctx: PageContext, staff: StaffMember, title: string, body: SafeHtml): string {
  return staffLayout(ctx, staff, { title }, body)
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

type Words = (typeof words)['ko']

/** The book form's view: a book of the catalog (isbn13) or a new one (none yet). */
export interface BookFormView {
  isbn13?: string
  /** The ISBN hyphenated by the ISBN Agency's ranges, for the heading. */
  isbnDisplay?: string
  form: BookForm
  errors: FormErrors
  categories: CategoryNode[]
  saved: boolean
}

const rowsOf = (form: BookForm, prefix: string, column: string) =>
  [...new Set(Object.keys(form).flatMap((k) => new RegExp(`^${prefix}\\.(\\d+)\\.${column}$`).exec(k)?.[1] ?? []))].map(Number).sort((a, b) => a - b)

/** The title in other languages: one row per language, and a blank one to add another. */
function translationsFieldset(w: Words, form: BookForm, error: string | undefined): SafeHtml {
  const rows = rowsOf(form, 'tr', 'lang')
  const all = [...rows.map((i, n) => [i, n] as const), [rows.length ? Math.max(...rows) + 1 : 0, rows.length] as const]
  return html`<fieldset><legend>${w.legendTranslations}</legend><input type="hidden" name="hasTranslations" value="1">
${error ? html`<p class="error" id="f-translations-err">${error}</p>` : ''}
<table class="office-table" id="f-translations" tabindex="-1"><thead><tr><th scope="col">${w.trLang}</th><th scope="col">${w.trTitle}</th><th scope="col">${w.trSubtitle}</th></tr></thead><tbody>
${all.map(([i, n]) => {
  const label = fill(w.trRow, { n: n + 1 })
  return html`<tr><td><input name="tr.${i}.lang" value="${form[`tr.${i}.lang`] ?? ''}" size="3" maxlength="2" aria-label="${label}: ${w.trLang}"></td><td><input name="tr.${i}.title" value="${form[`tr.${i}.title`] ?? ''}" aria-label="${label}: ${w.trTitle}"></td><td><input name="tr.${i}.subtitle" value="${form[`tr.${i}.subtitle`] ?? ''}" aria-label="${label}: ${w.trSubtitle}"></td></tr>`
})}</tbody></table></fieldset>`
}

const OPS = [
  ['up', '↑'],
  ['down', '↓'],
  ['outdent', '←'],
  ['indent', '→'],
  ['add', '+'],
  ['remove', '✕'],
] as const

/**
 * The contents tree: a row per entry, indented by its depth, with buttons
 * that post the form back changed (see toc-rows.ts); the page's script
 * makes the same requests without reloading.
 */
export function tocFieldset(w: Words, form: BookForm, error: string | undefined): SafeHtml {
  const rows = rowsOf(form, 'toc', 'title')
  return html`<fieldset id="toc-editor" class="toc-editor"><legend>${w.legendToc}</legend><input type="hidden" name="tocRows" value="1">
<p class="hint">${w.tocHelp}</p>
${error ? html`<p class="error" id="f-toc-err">${error}</p>` : ''}
<ol class="toc-rows" id="f-toc" tabindex="-1">${rows.map((i, n) => {
  const title = form[`toc.${i}.title`] ?? ''
  const label = fill(w.tocRow, { n: n + 1 })
  const depth = Number(form[`toc.${i}.depth`]) || 0
  return html`<li class="toc-row depth-${Math.min(depth, 5)}">
<select name="toc.${n}.kind" aria-label="${label}: ${w.tocKind}">${(['front', 'part', 'chapter', 'back'] as const).map((k) => html`<option value="${k}"${form[`toc.${i}.kind`] === k ? html` selected` : ''}>${w[`kind_${k}`]}</option>`)}</select>
<input name="toc.${n}.number" value="${form[`toc.${i}.number`] ?? ''}" size="4" aria-label="${label}: ${w.tocNumber}">
<input name="toc.${n}.title" value="${title}" aria-label="${label}: ${w.tocTitle}"><input type="hidden" name="toc.${n}.depth" value="${depth}">
<input name="toc.${n}.place" value="${form[`toc.${i}.place`] ?? ''}" size="10" placeholder="${w.tocPlaceAuto}" aria-label="${label}: ${w.tocPlace}"><input name="toc.${n}.year" value="${form[`toc.${i}.year`] ?? ''}" size="5" inputmode="numeric" placeholder="${w.tocPlaceAuto}" aria-label="${label}: ${w.tocYear}">
<span class="toc-ops">${OPS.map(([op, glyph]) => html`<button class="btn small" type="submit" name="tocOp" value="${op}:${n}" formnovalidate aria-label="${fill(w[`op_${op}`], { title: title || label })}" title="${fill(w[`op_${op}`], { title: title || label })}">${glyph}</button>`)}</span></li>`
})}</ol>
<p><button class="btn" type="submit" name="tocOp" value="add:-1" formnovalidate>${w.addEntry}</button></p>
<div class="field"><label for="f-tocText">${w.tocText}</label><textarea id="f-tocText" name="tocText" rows="4">${form.tocText ?? ''}</textarea></div>
</fieldset>`
}

/** The form that creates a book (no isbn13 yet) or edits one, with every field its product page shows. */
export function bookEditPage(ctx: PageContext, staff: StaffMember, view: BookFormView): string {
  const { form } = view
  const errors = Object.fromEntries(Object.entries(view.errors).map(([name, error]) => [name, errorText(ctx.t, error)]))
  const text = (name: string, label: string, type = 'text', extra: SafeHtml | string = '') =>
    field(name, label, errors, (id, d) => html`<input id="${id}" name="${name}" type="${type}" value="${form[name] ?? ''}"${d ? html` aria-invalid="true" aria-describedby="${d}"` : ''}${extra}>`)
  const area = (name: string, label: string, rows = 6) =>
    field(name, label, errors, (id, d) => html`<textarea id="${id}" name="${name}" rows="${rows}"${d ? html` aria-invalid="true" aria-describedby="${d}"` : ''}>${form[name] ?? ''}</textarea>`)
  const flat: Array<[string, string]> = []
  const walk = (nodes: CategoryNode[], depth: number) => nodes.forEach((n) => (flat.push([n.id, `${'— '.repeat(depth)}${n.name[ctx.lang] || n.name.ko} (${n.id})`]), walk(n.children, depth + 1)))
  walk(view.categories, 0)
  const count = Object.keys(errors).length
  const w = words[ctx.lang]
  const isNew = !view.isbn13
  const heading = isNew ? w.newBook : fill(w.edit, { title: form.title || view.isbn13! })
  const action = href(ctx, isNew ? '/admin/books/new' : `/admin/books/${view.isbn13}`)
  return adminLayout(
    ctx,
    staff,
    isNew ? w.newBook : fill(w.edit, { title: view.isbn13! }),
    html`<p><a href="${href(ctx, '/admin/books')}">${w.backOffice}</a>${isNew ? '' : html` › <a href="${href(ctx, `/books/${view.isbn13}`)}">ISBN ${view.isbnDisplay ?? view.isbn13}</a> · <a href="${href(ctx, `/admin/books/${view.isbn13}/history`)}">${w.history}</a> · <a href="${href(ctx, `/admin/books/${view.isbn13}/cover`)}">${w.cover}</a>`}</p>
<h1>${heading}</h1>
${view.saved ? html`<p class="flash" role="status">${w.saved}</p>` : ''}
${count ? html`<div class="flash error" role="alert"><p>${fill(w.needFixing, { n: count })}</p><ul>${Object.entries(errors).map(([k, v]) => html`<li><a href="#f-${k}">${(w as Record<string, string>)[k] ?? k}</a>: ${v}</li>`)}</ul></div>` : ''}
<form class="admin-form" method="post" action="${action}"><input type="hidden" name="_csrf" value="${ctx.formToken()}">
<button class="btn visually-hidden" type="submit" tabindex="-1">${isNew ? w.create : w.save}</button>
${isNew ? html`<fieldset><legend>ISBN</legend>${text('isbn', w.isbn, 'text', html` required inputmode="numeric" autocomplete="off"`)}</fieldset>` : ''}
<fieldset><legend>${w.legendPeople}</legend>${text('title', w.title)}${text('subtitle', w.subtitle)}${area('contributors', w.contributors, 3)}${text('publisher', w.publisher)}</fieldset>
${translationsFieldset(w, form, errors.translations)}
<fieldset><legend>${w.legendEdition}</legend>${text('issuedOn', w.issuedOn)}
${field('format', w.format, errors, (id) => html`<select id="${id}" name="format">${BOOK_FORMATS.map((f) => html`<option${f === form.format ? html` selected` : ''}>${f}</option>`)}</select>`)}
${text('language', w.language)}${text('series', w.series)}${text('seriesNumber', w.seriesNumber)}
${text('pageCount', w.pageCount, 'number')}${text('weightG', w.weightG, 'number')}${text('size', w.size)}</fieldset>
<fieldset><legend>${w.legendPrice}</legend>${text('currency', w.currency)}${text('listPrice', w.listPrice, 'number')}${text('salePrice', w.salePrice, 'number')}${text('stock', w.stock, 'number')}${text('leadDays', w.leadDays, 'number')}
<input type="hidden" name="hasOnSale" value="1"><div class="field"><label><input type="checkbox" name="onSale"${form.onSale === 'on' ? html` checked` : ''}> ${w.onSale}</label></div></fieldset>
<fieldset><legend>${w.legendTexts}</legend>${text('descriptionHeadline', w.descriptionHeadline)}${area('descriptionHtml', w.descriptionHtml, 8)}${area('reviewHtml', w.reviewHtml, 8)}${area('authorBioHtml', w.authorBioHtml, 4)}${area('excerptsHtml', w.excerptsHtml, 6)}${text('coverUrl', w.coverUrl, 'url')}</fieldset>
${tocFieldset(w, form, errors.toc)}
<fieldset><legend>${w.legendCategories}</legend>${field('categoryIds', w.categoryIds, errors, (id, d) => html`<input id="${id}" name="categoryIds" list="cat-ids" value="${form.categoryIds ?? ''}"${d ? html` aria-invalid="true" aria-describedby="${d}"` : ''}>`)}
<datalist id="cat-ids">${flat.map(([id, label]) => html`<option value="${id}">${label}</option>`)}</datalist></fieldset>
<button class="btn" type="submit">${isNew ? w.create : w.save}</button></form>`,
  )
}

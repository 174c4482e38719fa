import type { StaffMember } from '../../../accounts'
import type { AuditEntry } from '../../../audit'
import type { Collection } from '../../../catalog'
import type { InputError } from '../../../core/errors'
import { html, type SafeHtml } from '../../html'
import { fill, type Lang } from '../../i18n'
import { href, type PageContext } from '../context'
import { formFields } from '../parts'
import { staffLayout } from './layout'
import { problemBox } from './staff-problem'

export const PICK_NOTICES = ['added', 'saved', 'deleted'] as const
export type PickNotice = (typeof PICK_NOTICES)[number]
/** What the form held when it was refused, to show again. */
export type PickForm = Partial<Record<'title_ko' | 'title_en' | 'blurb_ko' | 'blurb_en' | 'isbns', string>>

const words = {
  ko: {
    picks: '추천 모음',
    intro: '첫 화면에 보이는 직원 추천 모음입니다. 만든 순서대로 보이고, 책은 적은 순서대로 놓입니다.',
    none: '아직 모음이 없습니다.',
    title: '제목', books: '책', updated: '고친 때', booksN: '{n}권',
    add: '새 모음', save: '저장', delete: '이 모음 지우기', edit: '모음 고치기',
    title_ko: '제목 (한국어)', title_en: '제목 (영어)', blurb_ko: '소개 (한국어)', blurb_en: '소개 (영어)', isbns: 'ISBN (한 줄에 하나, 보일 순서대로)',
    added: '모음을 만들었습니다.', saved: '저장했습니다.', deleted: '모음을 지웠습니다.',
    history: '바뀐 내력', when: '언제', who: '누가', what: '무엇을', emptyHistory: '기록이 없습니다.',
    action_create: '생성', action_edit: '수정', action_delete: '삭제',
    required: '{field}을(를) 입력하세요.', too_long: '{field}이(가) 너무 깁니다 ({max}자까지).', not_isbn: '"{isbn}"은(는) ISBN이 아닙니다.',
    unknown_book: '{isbn}인 책이 카탈로그에 없습니다.', too_many: '한 모음에 책은 {max}권까지입니다.', invalid: '{field}을(를) 확인하세요.',
  },
  en: {
    picks: 'Staff picks',
    intro: 'Collections shown on the home page, in the order they were made, each with its books in the order written.',
    none: 'No collections yet.',
    title: 'Title', books: 'Books', updated: 'Changed', booksN: '{n} books',
    add: 'New collection', save: 'Save', delete: 'Delete this collection', edit: 'Edit the collection',
    title_ko: 'Title (Korean)', title_en: 'Title (English)', blurb_ko: 'Blurb (Korean)', blurb_en: 'Blurb (English)', isbns: 'ISBNs (one a line, in the order shown)',
    added: 'Collection made.', saved: 'Saved.', deleted: 'Collection deleted.',
    history: 'History', when: 'When', who: 'Who', what: 'What', emptyHistory: 'Nothing recorded.',
    action_create: 'Made', action_edit: 'Changed', action_delete: 'Deleted',
    required: 'Enter the {field}.', too_long: 'The {field} is too long (at most {max} characters).', not_isbn: '"{isbn}" is not an ISBN.',
    unknown_book: 'No book {isbn} in the catalog.', too_many: 'A collection holds at most {max} books.', invalid: 'Check the {field}.',
  },
} satisfies Record<Lang, Record<string, string>>

type Field = 'title_ko' | 'title_en' | 'blurb_ko' | 'blurb_en' | 'isbns'

/** A refusal in the member's language, naming the field. */
export function pickProblem(ctx: PageContext, err: Pick<InputError, 'code' | 'field' | 'params'>): string {
  const w = words[ctx.lang]
  const field = (w as Record<string, string>)[err.field] ?? err.field
  const text = (w as Record<string, string>)[err.code] ?? w.invalid
  return fill(text, { field: field.replace(/ \(.*\)$/, ''), ...(err.params as Record<string, string | number>) })
}

export interface PicksView {
  collections: Collection[]
  mayWrite: boolean
  notice?: PickNotice
  problem?: string
  form?: PickForm
}

export interface PickView {
  collection: Collection
  mayWrite: boolean
  history?: AuditEntry[]
  notice?: PickNotice
  problem?: string
  form?: PickForm
}

const flash = (ctx: PageContext, notice: PickNotice | undefined) => (notice ? html`<p class="flash" role="status">${words[ctx.lang][notice]}</p>` : '')

function fieldsOf(c: Collection | undefined): PickForm {
  return c ? { title_ko: c.title.ko, title_en: c.title.en, blurb_ko: c.blurb.ko, blurb_en: c.blurb.en, isbns: c.isbns.join('\n') } : {}
}

/** The collection's form: titles, blurbs and ISBNs, each labelled. */
function pickForm(ctx: PageContext, action: string, button: string, form: PickForm): SafeHtml {
  const w = words[ctx.lang]
  const input = (name: Field) => html`<div class="field"><label for="p-${name}">${w[name]}</label><input id="p-${name}" name="${name}" value="${form[name] ?? ''}" maxlength="200" required></div>`
  const area = (name: Field, rows: number) => html`<div class="field"><label for="p-${name}">${w[name]}</label><textarea id="p-${name}" name="${name}" rows="${rows}">${form[name] ?? ''}</textarea></div>`
  return html`<form class="pick-form" action="${href(ctx, action)}" method="post">${formFields(ctx)}
${input('title_ko')}${input('title_en')}${area('blurb_ko', 3)}${area('blurb_en', 3)}${area('isbns', 8)}
<button class="btn" type="submit">${button}</button></form>`
}

export function picksPage(ctx: PageContext, staff: StaffMember, view: PicksView): string {
  const w = words[ctx.lang]
  const list = view.collections.length
    ? html`<table class="picks"><caption class="vh">${w.picks}</caption><thead><tr><th scope="col">${w.title}</th><th scope="col">${w.books}</th><th scope="col">${w.updated}</th></tr></thead>
<tbody>${view.collections.map((c) => html`<tr><th scope="row"><a href="${href(ctx, `/admin/picks/${c.id}`)}">${c.title[ctx.lang]}</a></th><td>${fill(w.booksN, { n: c.isbns.length })}</td><td><time datetime="${c.updatedAt}">${c.updatedAt.slice(0, 16).replace('T', ' ')}</time></td></tr>`)}</tbody></table>`
    : html`<p class="empty">${w.none}</p>`
  const add = view.mayWrite ? html`<h2 id="add">${w.add}</h2>${problemBox(view.problem)}${pickForm(ctx, '/admin/picks', w.add, view.form ?? {})}` : ''
  return staffLayout(ctx, staff, { title: w.picks, path: '/admin/picks' }, html`<h1>${w.picks}</h1>${flash(ctx, view.notice)}<p>${w.intro}</p>${list}${add}`)
}

export function pickPage(ctx: PageContext, staff: StaffMember, view: PickView): string {
  const w = words[ctx.lang]
  const c = view.collection
  const forms = view.mayWrite
    ? html`<h2>${w.edit}</h2>${problemBox(view.problem)}${pickForm(ctx, `/admin/picks/${c.id}`, w.save, view.form ?? fieldsOf(c))}
<form action="${href(ctx, `/admin/picks/${c.id}/delete`)}" method="post">${formFields(ctx)}<button class="btn danger" type="submit">${w.delete}</button></form>`
    : html`<p>${c.blurb[ctx.lang]}</p><ol>${c.isbns.map((i) => html`<li><a href="${href(ctx, `/books/${i}`)}">${i}</a></li>`)}</ol>`
  const history = view.history
    ? html`<h2 id="history">${w.history}</h2>${view.history.length
        ? html`<table aria-labelledby="history"><thead><tr><th scope="col">${w.when}</th><th scope="col">${w.who}</th><th scope="col">${w.what}</th></tr></thead>
<tbody>${view.history.map((e) => html`<tr><th scope="row"><time datetime="${e.at}">${e.at.slice(0, 16).replace('T', ' ')}</time></th><td>${e.actorName}</td><td>${(w as Record<string, string>)[`action_${e.action}`] ?? e.action}: ${e.changes.map((ch) => (w as Record<string, string>)[ch.field] ?? ch.field).join(', ')}</td></tr>`)}</tbody></table>`
        : html`<p class="empty">${w.emptyHistory}</p>`}`
    : ''
  return staffLayout(ctx, staff, { title: c.title[ctx.lang], path: '/admin/picks' }, html`<p><a href="${href(ctx, '/admin/picks')}">${w.picks}</a></p><h1>${c.title[ctx.lang]}</h1>${flash(ctx, view.notice)}${forms}${history}`)
}

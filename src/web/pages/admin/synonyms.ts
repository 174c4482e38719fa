import type { StaffMember } from '../../../accounts'
import type { AuditEntry } from '../../../audit'
import type { InputError } from '../../../core/errors'
import type { Synonym } from '../../../search'
import { html, type SafeHtml } from '../../html'
import { fill, type Lang } from '../../i18n'
import { href, type PageContext } from '../context'
import { formFields } from '../parts'
import { staffLayout } from './layout'
import { problemBox } from './staff-problem'

export const SYNONYM_NOTICES = ['saved', 'deleted'] as const
export type SynonymNotice = (typeof SYNONYM_NOTICES)[number]
/** What the form held when it was refused, to show again. */
export type SynonymForm = Partial<Record<'term' | 'expansion', string>>

const words = {
  ko: {
    synonyms: '검색 동의어',
    intro: '독자가 치는 줄임말이나 다른 표기(자스)와, 함께 찾을 말(자바스크립트)입니다. 저장하면 바로 검색에 쓰입니다.',
    none: '아직 동의어가 없습니다.',
    term: '검색어', expansion: '함께 찾을 말', updated: '고친 때', actions: '작업',
    add: '동의어 추가', save: '저장', delete: '지우기', edit: '고치기', deleteOf: '{term} 지우기',
    saved: '저장했습니다.', deleted: '지웠습니다.',
    history: '바뀐 내력', when: '언제', who: '누가', what: '무엇을', emptyHistory: '기록이 없습니다.',
    action_create: '생성', action_edit: '수정', action_delete: '삭제',
    required: '{field}을(를) 입력하세요.', too_long: '{field}이(가) 너무 깁니다 ({max}자까지).', invalid: '{field}을(를) 확인하세요.',
  },
  en: {
    synonyms: 'Search synonyms',
    intro: 'Abbreviations and other spellings readers type (자스), and the words searched for as well (자바스크립트). A saved synonym applies to the next search.',
    none: 'No synonyms yet.',
    term: 'Term', expansion: 'Also search for', updated: 'Changed', actions: 'Actions',
    add: 'Add a synonym', save: 'Save', delete: 'Delete', edit: 'Edit', deleteOf: 'Delete {term}',
    saved: 'Saved.', deleted: 'Deleted.',
    history: 'History', when: 'When', who: 'Who', what: 'What', emptyHistory: 'Nothing recorded.',
    action_create: 'Made', action_edit: 'Changed', action_delete: 'Deleted',
    required: 'Enter the {field}.', too_long: 'The {field} is too long (at most {max} characters).', invalid: 'Check the {field}.',
  },
} satisfies Record<Lang, Record<string, string>>

/** A refusal in the member's language, naming the field. */
export function synonymProblem(ctx: PageContext, err: Pick<InputError, 'code' | 'field' | 'params'>): string {
  const w = words[ctx.lang] as Record<string, string>
  return fill(w[err.code] ?? w.invalid!, { field: (w[err.field] ?? err.field).toLowerCase(), ...(err.params as Record<string, string | number>) })
}

export interface SynonymsView {
  synonyms: Synonym[]
  mayWrite: boolean
  notice?: SynonymNotice
  problem?: string
  form?: SynonymForm
}

const flash = (ctx: PageContext, notice: SynonymNotice | undefined) => (notice ? html`<p class="flash" role="status">${words[ctx.lang][notice]}</p>` : '')
const when = (at: string) => html`<time datetime="${at}">${at.slice(0, 16).replace('T', ' ')}</time>`
const path = (term: string) => `/admin/search/synonyms/${encodeURIComponent(term)}`

/** The add-or-replace form: a term and what it also searches for, each labelled. */
function synonymForm(ctx: PageContext, button: string, form: SynonymForm, id: string): SafeHtml {
  const w = words[ctx.lang]
  return html`<form action="${href(ctx, '/admin/search/synonyms')}" method="post">${formFields(ctx)}
<div class="field"><label for="${id}-term">${w.term}</label><input id="${id}-term" name="term" value="${form.term ?? ''}" maxlength="100" required></div>
<div class="field"><label for="${id}-expansion">${w.expansion}</label><input id="${id}-expansion" name="expansion" value="${form.expansion ?? ''}" maxlength="200" required></div>
<button class="btn" type="submit">${button}</button></form>`
}

export function synonymsPage(ctx: PageContext, staff: StaffMember, view: SynonymsView): string {
  const w = words[ctx.lang]
  const remove = (s: Synonym) =>
    view.mayWrite ? html`<form action="${href(ctx, `${path(s.term)}/delete`)}" method="post">${formFields(ctx)}<button class="btn danger" type="submit" aria-label="${fill(w.deleteOf, { term: s.term })}">${w.delete}</button></form>` : ''
  const list = view.synonyms.length
    ? html`<table><caption class="vh">${w.synonyms}</caption><thead><tr><th scope="col">${w.term}</th><th scope="col">${w.expansion}</th><th scope="col">${w.updated}</th>${view.mayWrite ? html`<th scope="col">${w.actions}</th>` : ''}</tr></thead>
<tbody>${view.synonyms.map((s) => html`<tr><th scope="row"><a href="${href(ctx, path(s.term))}">${s.term}</a></th><td>${s.expansion}</td><td>${when(s.updatedAt)}</td>${view.mayWrite ? html`<td>${remove(s)}</td>` : ''}</tr>`)}</tbody></table>`
    : html`<p class="empty">${w.none}</p>`
  const add = view.mayWrite ? html`<h2>${w.add}</h2>${problemBox(view.problem)}${synonymForm(ctx, w.add, view.form ?? {}, 'syn-new')}` : ''
  return staffLayout(ctx, staff, { title: w.synonyms, path: '/admin/search/synonyms' }, html`<h1>${w.synonyms}</h1>${flash(ctx, view.notice)}<p>${w.intro}</p>${list}${add}`)
}

export function synonymPage(ctx: PageContext, staff: StaffMember, view: { synonym: Synonym; mayWrite: boolean; history?: AuditEntry[]; problem?: string; form?: SynonymForm }): string {
  const w = words[ctx.lang]
  const s = view.synonym
  const edit = view.mayWrite ? html`<h2>${w.edit}</h2>${problemBox(view.problem)}${synonymForm(ctx, w.save, view.form ?? s, 'syn-edit')}` : html`<p>${w.expansion}: ${s.expansion}</p>`
  const history = view.history
    ? html`<h2 id="history">${w.history}</h2>${view.history.length
        ? html`<table aria-labelledby="history"><thead><tr><th scope="col">${w.when}</th><th scope="col">${w.who}</th><th scope="col">${w.what}</th></tr></thead>
<tbody>${view.history.map((e) => html`<tr><th scope="row">${when(e.at)}</th><td>${e.actorName}</td><td>${(w as Record<string, string>)[`action_${e.action}`] ?? e.action}: ${e.changes.map((c) => `${String(c.before ?? '∅')} → ${String(c.after ?? '∅')}`).join(', ')}</td></tr>`)}</tbody></table>`
        : html`<p class="empty">${w.emptyHistory}</p>`}`
    : ''
  return staffLayout(ctx, staff, { title: s.term, path: '/admin/search/synonyms' }, html`<p><a href="${href(ctx, '/admin/search/synonyms')}">${w.synonyms}</a></p><h1>${s.term}</h1>${edit}${history}`)
}

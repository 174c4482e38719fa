import type { StaffMember } from '../../../accounts'
import { MAPPING_SCHEMES, type CategoryTree, type SubjectMapping } from '../../../catalog'
import { fill } from '../../i18n'
import { html } from '../../html'
import { href, type PageContext } from '../context'
import { formFields } from '../parts'
import { categorySelect } from './categories'
import { categoryWords, type CategoryNotice } from './categories-words'
import { staffLayout } from './layout'
import { problemBox } from './staff-problem'

export interface MappingView {
  rows: SubjectMapping[]
  tree: CategoryTree
  filter: { scheme: string; text: string }
  mayWrite: boolean
  notice?: CategoryNotice
  problem?: string
  /** The add form as posted, when it was refused. */
  form?: { scheme: string; code: string; categoryId: string }
}

const schemeLabel = (scheme: string) => scheme.toUpperCase()

/** The subject-code table: filter by scheme or text, change a row's category, delete a row, add one. */
export function mappingPage(ctx: PageContext, staff: StaffMember, view: MappingView): string {
  const w = categoryWords[ctx.lang]
  const schemeOptions = (selected: string) => MAPPING_SCHEMES.map((s) => html`<option value="${s}"${s === selected ? html` selected` : ''}>${schemeLabel(s)}</option>`)
  const post = (path: string) => href(ctx, `/admin/categories/mapping${path}`)
  const keys = (r: SubjectMapping) => html`<input type="hidden" name="scheme" value="${r.scheme}"><input type="hidden" name="code" value="${r.code}">`
  const row = (r: SubjectMapping, i: number) => {
    const names = { scheme: schemeLabel(r.scheme), code: r.code }
    const category = view.tree.get(r.categoryId)
    const edit = html`<form action="${post('/edit')}" method="post">${formFields(ctx)}${keys(r)}${categorySelect(ctx, view.tree, { id: `row-${i}`, name: 'categoryId', selected: r.categoryId, label: fill(w.categoryOf, names) })} <button class="btn secondary" type="submit">${w.save}</button></form>`
    const remove = html`<form action="${post('/delete')}" method="post">${formFields(ctx)}${keys(r)}<button class="btn secondary" type="submit" aria-label="${fill(w.deleteRowOf, names)}">${w.deleteRow}</button></form>`
    return html`<tr><td>${schemeLabel(r.scheme)}</td><th scope="row"><code>${r.code}</code></th>
<td>${view.mayWrite ? edit : category ? `${category.name[ctx.lang]} (${r.categoryId})` : r.categoryId}</td>${view.mayWrite ? html`<td>${remove}</td>` : ''}</tr>`
  }
  const langField = ctx.explicit ? html`<input type="hidden" name="lang" value="${ctx.lang}">` : ''
  const add = html`<h2 id="add-row">${w.addRow}</h2>
<form class="mapping-add" action="${post('')}" method="post" aria-labelledby="add-row">${formFields(ctx)}
<div class="field"><label for="a-scheme">${w.scheme}</label><select id="a-scheme" name="scheme">${schemeOptions(view.form?.scheme ?? 'bisac')}</select></div>
<div class="field"><label for="a-code">${w.code}</label><input id="a-code" name="code" required maxlength="32" value="${view.form?.code ?? ''}"></div>
<div class="field"><label for="a-category">${w.category}</label>${categorySelect(ctx, view.tree, { id: 'a-category', name: 'categoryId', selected: view.form?.categoryId })}</div>
<button class="btn" type="submit">${w.addRow}</button></form>`
  return staffLayout(
    ctx,
    staff,
    { title: w.mapping },
    html`<p><a href="${href(ctx, '/admin/categories')}">${w.back}</a></p>
<h1>${w.mapping}</h1>${view.notice ? html`<p class="flash" role="status">${w.done[view.notice]}</p>` : ''}${problemBox(view.problem)}
<p>${w.mappingHelp}</p>
<form class="mapping-filter" action="${href(ctx, '/admin/categories/mapping').split('?')[0]}" method="get" role="search">${langField}
<div class="field"><label for="f-scheme">${w.scheme}</label><select id="f-scheme" name="scheme"><option value="">${w.allSchemes}</option>${schemeOptions(view.filter.scheme)}</select></div>
<div class="field"><label for="f-text">${w.text}</label><input id="f-text" name="q" value="${view.filter.text}" maxlength="64"></div>
<button class="btn secondary" type="submit">${w.filter}</button></form>
${view.rows.length
  ? html`<table class="mapping"><thead><tr><th scope="col">${w.scheme}</th><th scope="col">${w.code}</th><th scope="col">${w.category}</th>${view.mayWrite ? html`<th scope="col">${w.actions}</th>` : ''}</tr></thead>
<tbody>${view.rows.map(row)}</tbody></table>`
  : html`<p>${w.noRows}</p>`}
${view.mayWrite ? add : ''}`,
  )
}

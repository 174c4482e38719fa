import type { StaffMember } from '../../../accounts'
import type { AuditEntry } from '../../../audit'
import type { CategoryNode, CategoryTree } from '../../../catalog'
import { fill } from '../../i18n'
import { html, type SafeHtml } from '../../html'
import { href, type PageContext } from '../context'
import { formFields } from '../parts'
import { categoryWords, type CategoryNotice } from './categories-words'
import { staffLayout } from './layout'
import { problemBox } from './staff-problem'

/** What the forms held when they were refused, to show again. */
export type CategoryForm = Partial<Record<'id' | 'name_ko' | 'name_en' | 'parent' | 'into', string>>

export interface CategoriesView {
  tree: CategoryTree
  books: Map<string, number>
  mayWrite: boolean
  notice?: CategoryNotice
  problem?: string
  form?: CategoryForm
}

export interface CategoryView extends CategoriesView {
  category: CategoryNode
  mappings: number
  /** Its audit entries, newest first, when the reader may see them. */
  history?: AuditEntry[]
}

/** Every category depth first, with its depth, for the choice lists. */
function flatten(nodes: CategoryNode[], depth = 0): Array<{ node: CategoryNode; depth: number }> {
  return nodes.flatMap((node) => [{ node, depth }, ...flatten(node.children, depth + 1)])
}

const label = (ctx: PageContext, c: CategoryNode) => `${c.name[ctx.lang]} (${c.id})`

/** A choice of category, indented by depth; `excluded` are left out (a category's own subtree), `top` offers the top level. */
export function categorySelect(ctx: PageContext, tree: CategoryTree, attrs: { id: string; name: string; selected?: string; excluded?: string[]; top?: string; label?: string }): SafeHtml {
  const excluded = new Set(attrs.excluded ?? [])
  const options = flatten(tree.roots).filter(({ node }) => !excluded.has(node.id))
  return html`<select id="${attrs.id}" name="${attrs.name}"${attrs.label ? html` aria-label="${attrs.label}"` : ''}>${attrs.top !== undefined ? html`<option value="">${attrs.top}</option>` : ''}${options.map(
    ({ node, depth }) => html`<option value="${node.id}"${node.id === attrs.selected ? html` selected` : ''}>${'\u00a0\u00a0'.repeat(depth)}${label(ctx, node)}</option>`,
  )}</select>`
}

const field = (id: string, text: string, input: SafeHtml) => html`<div class="field"><label for="${id}">${text}</label>${input}</div>`
const textInput = (id: string, name: string, value = '', required = true) => html`<input id="${id}" name="${name}" value="${value}" maxlength="100"${required ? html` required` : ''}>`
const flash = (ctx: PageContext, notice: CategoryNotice | undefined) => (notice ? html`<p class="flash" role="status">${categoryWords[ctx.lang].done[notice]}</p>` : '')

/** The tree as nested lists: each category with its names, id and books, linked to its own page. */
export function categoriesPage(ctx: PageContext, staff: StaffMember, view: CategoriesView): string {
  const w = categoryWords[ctx.lang]
  const item = (c: CategoryNode): SafeHtml => {
    const n = view.books.get(c.id) ?? 0
    return html`<li><a href="${href(ctx, `/admin/categories/${c.id}`)}">${c.name.ko} / ${c.name.en}</a> <code>${c.id}</code> <span class="count">${n ? fill(w.books, { n: n.toLocaleString(ctx.lang) }) : w.noBooks}</span>${c.children.length ? html`<ul>${c.children.map(item)}</ul>` : ''}</li>`
  }
  const add = html`<h2 id="add">${w.add}</h2>
<form class="category-add" action="${href(ctx, '/admin/categories')}" method="post" aria-labelledby="add">${formFields(ctx)}
${field('c-name-ko', w.nameKo, textInput('c-name-ko', 'name_ko', view.form?.name_ko))}
${field('c-name-en', w.nameEn, textInput('c-name-en', 'name_en', view.form?.name_en))}
${field('c-id', w.id, html`<input id="c-id" name="id" value="${view.form?.id ?? ''}" maxlength="64">`)}
${field('c-parent', w.parent, categorySelect(ctx, view.tree, { id: 'c-parent', name: 'parent', selected: view.form?.parent, top: w.top }))}
<button class="btn" type="submit">${w.addSubmit}</button></form>`
  return staffLayout(
    ctx,
    staff,
    { title: w.title },
    html`<h1>${w.title}</h1>${flash(ctx, view.notice)}${problemBox(view.problem)}
<p><a href="${href(ctx, '/admin/categories/mapping')}">${w.mapping}</a></p>
<h2 id="tree">${w.tree}</h2>
<ul class="category-tree" aria-labelledby="tree">${view.tree.roots.map(item)}</ul>
${view.mayWrite ? add : ''}`,
  )
}

/** One category: what it holds, and the forms that rename, move, merge or delete it. */
export function categoryPage(ctx: PageContext, staff: StaffMember, view: CategoryView): string {
  const w = categoryWords[ctx.lang]
  const c = view.category
  const own = view.tree.subtreeIds(c.id)
  const action = (name: string) => href(ctx, `/admin/categories/${c.id}/${name}`)
  const held = fill(w.held, { books: view.books.get(c.id) ?? 0, children: c.children.length, mappings: view.mappings })
  const forms = html`<h2 id="rename">${w.rename}</h2>
<form action="${action('rename')}" method="post" aria-labelledby="rename">${formFields(ctx)}
${field('r-name-ko', w.nameKo, textInput('r-name-ko', 'name_ko', view.form?.name_ko ?? c.name.ko))}
${field('r-name-en', w.nameEn, textInput('r-name-en', 'name_en', view.form?.name_en ?? c.name.en))}
<button class="btn" type="submit">${w.renameSubmit}</button></form>
<h2 id="move">${w.move}</h2>
<form action="${action('move')}" method="post" aria-labelledby="move">${formFields(ctx)}
${field('m-parent', w.parent, categorySelect(ctx, view.tree, { id: 'm-parent', name: 'parent', selected: view.form?.parent ?? c.parentId ?? '', excluded: own, top: w.top }))}
<button class="btn" type="submit">${w.moveSubmit}</button></form>
<h2 id="merge">${w.merge}</h2><p>${w.mergeHelp}</p>
<form action="${action('merge')}" method="post" aria-labelledby="merge">${formFields(ctx)}
${field('g-into', w.mergeInto, categorySelect(ctx, view.tree, { id: 'g-into', name: 'into', selected: view.form?.into, excluded: own }))}
<button class="btn" type="submit">${w.mergeSubmit}</button></form>
<h2 id="remove">${w.remove}</h2><p>${w.removeHelp}</p>
<form action="${action('delete')}" method="post" aria-labelledby="remove">${formFields(ctx)}<button class="btn secondary" type="submit">${w.removeSubmit}</button></form>`
  const path = view.tree.pathTo(c.id)
  const change = (e: AuditEntry) =>
    e.changes.map((f) => `${w.fields_[f.field] ?? f.field}: ${f.before == null ? describe(f.after) : `${describe(f.before)} → ${describe(f.after)}`}`).join('; ')
  const history = view.history
    ? html`<h2 id="history">${w.history}</h2>${view.history.length
        ? html`<table class="category-history" aria-labelledby="history"><thead><tr><th scope="col">${w.when}</th><th scope="col">${w.who}</th><th scope="col">${w.what}</th></tr></thead>
<tbody>${view.history.map((e) => html`<tr><th scope="row"><time datetime="${e.at}">${e.at.slice(0, 16).replace('T', ' ')}</time></th><td>${e.actorName}</td><td>${w.actions_[e.action] ?? e.action}: ${change(e)}</td></tr>`)}</tbody></table>`
        : html`<p>${w.noHistory}</p>`}`
    : ''
  return staffLayout(
    ctx,
    staff,
    { title: `${c.name[ctx.lang]} | ${w.title}` },
    html`<p><a href="${href(ctx, '/admin/categories')}">${w.back}</a></p>
<h1>${c.name.ko} / ${c.name.en} <code>${c.id}</code></h1>${flash(ctx, view.notice)}${problemBox(view.problem)}
<p>${path.map((p) => p.name[ctx.lang]).join(' › ')}</p>
<p>${held}</p>
<p><a href="${href(ctx, `/categories/${c.id}`)}">${w.shopPage}</a></p>
${view.mayWrite ? forms : ''}${history}`,
  )
}

/** A recorded value as text: names as "ko / en", nothing as a dash. */
function describe(value: unknown): string {
  if (value === null || value === undefined) return '—'
  if (typeof value === 'object' && 'ko' in value && 'en' in value) return `${String(value.ko)} / ${String(value.en)}`
  return String(value)
}

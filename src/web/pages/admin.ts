import { BOOK_FORMATS, type CategoryNode } from '../../catalog'
import { html, type SafeHtml } from '../html'
import { fill, type Labels } from '../i18n'
import type { BookForm, FormErrors } from '../routes/admin/book-form'
import type { PageContext } from './context'
import { layout } from './layout'

export interface AdminDashboard {
  books: number
  flash?: string
}

function adminLayout(ctx: PageContext, title: string, body: SafeHtml): string {
  return layout(ctx, { title, canonicalPath: ctx.path, noindex: true }, html`<div class="admin">${body}</div>`)
}

export function adminHomePage(ctx: PageContext, view: AdminDashboard): string {
  return adminLayout(
    ctx,
    'Back office',
    html`<h1>Back office</h1>
${view.flash ? html`<p class="flash" role="status">${view.flash}</p>` : ''}
<p>${view.books.toLocaleString('en-US')} books in the catalog.</p>
<form class="admin-find" action="/admin/books" method="get"><label for="admin-isbn">Edit a book by ISBN</label>
<input id="admin-isbn" name="isbn" required inputmode="numeric" autocomplete="off"> <button class="btn" type="submit">Open</button></form>`,
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

export function bookEditPage(ctx: PageContext, view: { isbn13: string; form: BookForm; errors: FormErrors; categories: CategoryNode[]; saved: boolean }): string {
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
  return adminLayout(
    ctx,
    `Edit ${view.isbn13}`,
    html`<p><a href="/admin">Back office</a> › <a href="/books/${view.isbn13}">${view.isbn13}</a></p>
<h1>Edit ${form.title || view.isbn13}</h1>
${view.saved ? html`<p class="flash" role="status">Saved. The product page shows the change now.</p>` : ''}
${count ? html`<div class="flash error" role="alert"><p>${count} field${count > 1 ? 's need' : ' needs'} fixing:</p><ul>${Object.entries(errors).map(([k, v]) => html`<li><a href="#f-${k}">${k}</a>: ${v}</li>`)}</ul></div>` : ''}
<form class="admin-form" method="post" action="/admin/books/${view.isbn13}"><input type="hidden" name="_csrf" value="${ctx.formToken()}">
<fieldset><legend>Title and people</legend>${text('title', 'Title')}${text('subtitle', 'Subtitle')}${text('titleEn', 'English title')}${area('contributors', 'Contributors (one per line: name | role)', 3)}${text('publisher', 'Publisher')}</fieldset>
<fieldset><legend>Edition</legend>${text('issuedOn', 'Date of issue (YYYY-MM-DD)')}
${field('format', 'Format', errors, (id) => html`<select id="${id}" name="format">${BOOK_FORMATS.map((f) => html`<option${f === form.format ? html` selected` : ''}>${f}</option>`)}</select>`)}
${text('language', 'Language (ISO 639-2, e.g. kor)')}${text('series', 'Series')}${text('seriesNumber', 'Number in series')}
${text('pageCount', 'Pages', 'number')}${text('weightG', 'Weight (g)', 'number')}${text('size', 'Size W*H*D (mm)')}</fieldset>
<fieldset><legend>Price and stock</legend>${text('currency', 'Currency')}${text('listPrice', 'List price (minor units)', 'number')}${text('salePrice', 'Sale price (minor units)', 'number')}${text('stock', 'Stock', 'number')}
<input type="hidden" name="hasOnSale" value="1"><div class="field"><label><input type="checkbox" name="onSale"${form.onSale === 'on' ? html` checked` : ''}> On sale</label></div></fieldset>
<fieldset><legend>Texts</legend>${text('descriptionHeadline', 'Introduction headline')}${area('descriptionHtml', 'Book introduction (HTML or plain text)', 8)}${area('toc', 'Table of contents (01 Title per chapter; front: / back: for the rest)', 10)}${area('reviewHtml', "Publisher's review", 8)}${area('authorBioHtml', 'About the author', 4)}${text('coverUrl', 'Cover image URL', 'url')}</fieldset>
<fieldset><legend>Categories</legend>${field('categoryIds', 'Category ids, separated by spaces', errors, (id, d) => html`<input id="${id}" name="categoryIds" list="cat-ids" value="${form.categoryIds ?? ''}"${d ? html` aria-invalid="true" aria-describedby="${d}"` : ''}>`)}
<datalist id="cat-ids">${flat.map(([id, label]) => html`<option value="${id}">${label}</option>`)}</datalist></fieldset>
<button class="btn" type="submit">Save</button></form>`,
  )
}

import type { CategoryNode } from '../../catalog'
import type { CategoryResult } from '../../search'
import { html } from '../html'
import { fill, formatCount } from '../i18n'
import { messages } from '../messages'
import { href, type PageContext } from './context'
import { categoryTreeList } from './home'
import { layout } from './layout'
import { facetsAside, linker, resultsBlock } from './listing'
import { categoryName, crumbs } from './parts'

/** A category's books with the same facets and sorting as search; subcategories lead to their own pages. */
export function categoryPage(ctx: PageContext, listing: CategoryResult, state: Record<string, string>): string {
  const { t } = ctx
  const { category, path, result } = listing
  const { books } = result
  const name = categoryName(ctx, category)
  const base = `/categories/${category.id}`
  const link = linker(ctx, base, state)
  const { category: _chosen, ...kept } = state
  const categoryLink = (id: string | null) => (id === null ? null : linker(ctx, `/categories/${id}`, kept)({}))
  const body = html`${crumbs(ctx, path, t.categories, true)}
<h1>${name} <small class="empty">${fill(t.booksInCategory, { n: formatCount(books.total) })}</small></h1>
<div class="listing">${facetsAside(ctx, result, link, categoryLink, state)}<div class="results">${books.total ? resultsBlock(ctx, result, link) : html`<p class="empty">${messages[ctx.lang].noBooksHere}</p>`}</div></div>`
  return layout(
    ctx,
    {
      title: books.page > 1 ? `${name} (${fill(t.pageN, { n: books.page })})` : name,
      description: `${path.map((c) => categoryName(ctx, c)).join(' > ')}: ${fill(t.booksInCategory, { n: books.total })}`,
      canonicalPath: books.page > 1 ? `${base}?page=${books.page}` : base,
      noindex: Object.keys(state).some((k) => k !== 'page'),
    },
    body,
  )
}

/** Every shelf, as a tree; each leads to its category page with facets and sorting. */
export function categoryTreePage(ctx: PageContext, roots: CategoryNode[]): string {
  const { t } = ctx
  const body = html`<h1>${t.allCategories}</h1>
${categoryTreeList(ctx, roots)}
<p><a href="${href(ctx, '/search')}">${t.searchTitle}</a></p>`
  return layout(ctx, { title: t.allCategories, description: t.allCategories, canonicalPath: '/categories' }, body)
}

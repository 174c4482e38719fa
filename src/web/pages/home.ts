import type { BookSummary, CategoryNode } from '../../catalog'
import { html } from '../html'
import { href, type PageContext } from './context'
import { layout } from './layout'
import { categoryName, shelf } from './parts'

export function categoryTreeList(ctx: PageContext, roots: CategoryNode[]) {
  const item = (c: CategoryNode): ReturnType<typeof html> =>
    html`<li><a href="${href(ctx, `/categories/${c.id}`)}">${categoryName(ctx, c)}</a>${c.children.length ? html`<ul>${c.children.map(item)}</ul>` : ''}</li>`
  // The single root ("국내도서") is a heading, not a list of one.
  const top = roots.length === 1 ? roots[0]!.children : roots
  return html`<ul class="cat-tree">${top.map(item)}</ul>`
}

export function homePage(ctx: PageContext, view: { newArrivals: BookSummary[]; roots: CategoryNode[] }): string {
  const { t } = ctx
  const body = html`<h1 class="vh">${t.siteName}</h1>
<section class="book-section" aria-labelledby="new-h"><h2 id="new-h">${t.newArrivals}</h2>${shelf(ctx, view.newArrivals)}</section>
<section class="book-section" aria-labelledby="cat-h"><h2 id="cat-h">${t.allCategories}</h2>${categoryTreeList(ctx, view.roots)}</section>`
  return layout(ctx, { title: t.siteName, description: t.footer, canonicalPath: '/' }, body)
}

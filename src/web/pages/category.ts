import type { CategoryListing } from '../../catalog'
import { html } from '../html'
import { fill, formatCount } from '../i18n'
import { href, type PageContext } from './context'
import { layout } from './layout'
import { categoryName, crumbs, pager, shelf } from './parts'

export function categoryPage(ctx: PageContext, listing: CategoryListing): string {
  const { t } = ctx
  const { category, path, books } = listing
  const name = categoryName(ctx, category)
  const pages = Math.max(1, Math.ceil(books.total / books.pageSize))
  const pageLink = (n: number) => href(ctx, n === 1 ? `/categories/${category.id}` : `/categories/${category.id}?page=${n}`)
  const body = html`${crumbs(ctx, path, t.categories, true)}
<h1>${name} <small class="empty">${fill(t.booksInCategory, { n: formatCount(books.total) })}</small></h1>
${category.children.length ? html`<nav aria-label="${t.categories}"><ul class="cat-tree">${category.children.map((c) => html`<li><a href="${href(ctx, `/categories/${c.id}`)}">${categoryName(ctx, c)}</a></li>`)}</ul></nav>` : ''}
${shelf(ctx, books.items)}
${pager(ctx, books.page, pages, pageLink)}`
  return layout(
    ctx,
    {
      title: books.page > 1 ? `${name} (${fill(t.pageN, { n: books.page })})` : name,
      description: `${path.map((c) => categoryName(ctx, c)).join(' > ')}: ${fill(t.booksInCategory, { n: books.total })}`,
      canonicalPath: books.page > 1 ? `/categories/${category.id}?page=${books.page}` : `/categories/${category.id}`,
    },
    body,
  )
}

import type { BookSummary, CategoryNode, CategoryTree, Collection } from '../../catalog'
import type { BestsellerPlace } from '../../commerce'
import type { Recommended } from '../../recommend'
import { html } from '../html'
import { bestsellersPath, bestsellerWords, rankedShelf } from './bestsellers'
import { href, type PageContext } from './context'
import { layout } from './layout'
import { categoryName, recommendationShelf, shelf } from './parts'

export function categoryTreeList(ctx: PageContext, roots: CategoryNode[]) {
  const item = (c: CategoryNode): ReturnType<typeof html> =>
    html`<li><a href="${href(ctx, `/categories/${c.id}`)}">${categoryName(ctx, c)}</a>${c.children.length ? html`<ul>${c.children.map(item)}</ul>` : ''}</li>`
  // The single root ("국내도서") is a heading, not a list of one.
  const top = roots.length === 1 ? roots[0]!.children : roots
  return html`<ul class="cat-tree">${top.map(item)}</ul>`
}

export interface HomeView {
  newArrivals: BookSummary[]
  categories: CategoryTree
  /** A returning session's recommendations; empty for everyone else. */
  forYou?: Recommended[]
  /** This week's bestsellers and their books. */
  bestsellers?: { places: BestsellerPlace[]; books: BookSummary[] }
  /** Staff picks, each with its books in order. */
  picks?: Array<{ collection: Collection; books: BookSummary[] }>
}

/** The staff picks: one section per collection, its title, blurb and books. */
function picksSections(ctx: PageContext, picks: NonNullable<HomeView['picks']>) {
  return picks.map(({ collection: c, books }) => html`<section class="book-section pick" aria-labelledby="pick-${c.id}-h"><h2 id="pick-${c.id}-h">${c.title[ctx.lang]}</h2>
${c.blurb[ctx.lang] ? html`<p class="blurb">${c.blurb[ctx.lang]}</p>` : ''}${shelf(ctx, books)}</section>`)
}

export function homePage(ctx: PageContext, view: HomeView): string {
  const { t } = ctx
  const roots = view.categories.roots
  const body = html`<h1 class="vh">${t.siteName}</h1>
${view.forYou?.length ? html`<section class="book-section" aria-labelledby="for-you-h"><h2 id="for-you-h">${t.recommendedForYou}</h2>${recommendationShelf(ctx, view.forYou, view.categories)}</section>` : ''}
${view.bestsellers?.places.length ? html`<section class="book-section" aria-labelledby="best-h"><h2 id="best-h">${bestsellerWords(ctx.lang).bestsellers}</h2>${rankedShelf(ctx, view.bestsellers.places, view.bestsellers.books)}<p><a href="${href(ctx, bestsellersPath('weekly', ''))}">${bestsellerWords(ctx.lang).more}</a></p></section>` : ''}
<section class="book-section" aria-labelledby="new-h"><h2 id="new-h">${t.newArrivals}</h2>${shelf(ctx, view.newArrivals)}</section>
${picksSections(ctx, view.picks ?? [])}
<section class="book-section" aria-labelledby="cat-h"><h2 id="cat-h">${t.allCategories}</h2>${categoryTreeList(ctx, roots)}</section>`
  return layout(ctx, { title: t.siteName, description: t.footer, canonicalPath: '/' }, body)
}

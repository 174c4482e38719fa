import type { BookSummary, CategoryNode, CategoryTree } from '../../catalog'
import { movementOf, OVERALL, PERIODS, type BestsellerPlace, type BookRanks, type Period } from '../../commerce'
import { html, type SafeHtml } from '../html'
import { fill, formatCount, type Lang } from '../i18n'
import { href, type PageContext } from './context'
import { layout } from './layout'
import { bookCard, categoryName } from './parts'

const words = {
  ko: {
    bestsellers: '베스트셀러',
    title: '{period} 베스트셀러',
    titleIn: '{period} 베스트셀러: {category}',
    period_daily: '일간',
    period_weekly: '주간',
    period_monthly: '월간',
    periods: '기간',
    shelves: '분야',
    overall: '종합',
    rank: '{n}위',
    up: '▲{n}',
    down: '▼{n}',
    new: 'NEW',
    same: '-',
    explain: '결제된 주문에서 센 판매 부수 순위입니다. 화살표는 직전 같은 기간보다 오르거나 내린 순위입니다.',
    none: '이 기간에 팔린 책이 아직 없습니다.',
    more: '베스트셀러 더 보기',
    ranks: '주간 순위',
    rankOverall: '종합 {n}위',
    rankIn: '{category} {n}위',
    salesIndex: '판매지수',
  },
  en: {
    bestsellers: 'Bestsellers',
    title: '{period} bestsellers',
    titleIn: '{period} bestsellers: {category}',
    period_daily: 'Daily',
    period_weekly: 'Weekly',
    period_monthly: 'Monthly',
    periods: 'Period',
    shelves: 'Category',
    overall: 'Overall',
    rank: '#{n}',
    up: '▲{n}',
    down: '▼{n}',
    new: 'NEW',
    same: '-',
    explain: 'Ranked by copies sold in paid orders. The arrows show the move since the period before.',
    none: 'No books sold in this period yet.',
    more: 'All bestsellers',
    ranks: 'This week',
    rankOverall: '#{n} overall',
    rankIn: '#{n} in {category}',
    salesIndex: 'Sales index',
  },
} satisfies Record<Lang, Record<string, string>>

export const bestsellerWords = (lang: Lang) => words[lang]

/** One place's number and movement: "3위 ▲2", "#1 NEW". */
function placeNote(lang: Lang, place: BestsellerPlace): string {
  const w = words[lang]
  const move = movementOf(place.rank, place.previousRank)
  const moved = move.kind === 'up' || move.kind === 'down' ? fill(w[move.kind], { n: move.by }) : w[move.kind]
  return `${fill(w.rank, { n: place.rank })} ${moved}`
}

/** Places with their books, in rank order; a place whose book left the catalog is skipped. */
export function rankedShelf(ctx: PageContext, places: BestsellerPlace[], books: BookSummary[]): SafeHtml {
  const byIsbn = new Map(books.map((b) => [b.isbn13 as string, b]))
  const shown = places.flatMap((p) => {
    const book = byIsbn.get(p.isbn13)
    return book ? [bookCard(ctx, book, placeNote(ctx.lang, p))] : []
  })
  return shown.length ? html`<ol class="shelf bestsellers">${shown}</ol>` : html`<p class="empty">${words[ctx.lang].none}</p>`
}

export const bestsellersPath = (period: Period, categoryId: string) => `/bestsellers?period=${period}${categoryId ? `&category=${encodeURIComponent(categoryId)}` : ''}`

export interface BestsellersView {
  period: Period
  categoryId: string
  places: BestsellerPlace[]
  books: BookSummary[]
  categories: CategoryTree
}

/** The top-level shelves a list can be narrowed to (under the single root "국내도서", its children). */
function topShelves(tree: CategoryTree): CategoryNode[] {
  return tree.roots.length === 1 ? tree.roots[0]!.children : tree.roots
}

/** /bestsellers: a period's list, store-wide or for one category and its subcategories. */
export function bestsellersPage(ctx: PageContext, view: BestsellersView): string {
  const w = words[ctx.lang]
  const { period, categoryId, categories } = view
  const category = categoryId ? categories.get(categoryId) : undefined
  const periodName = w[`period_${period}`]
  const title = category ? fill(w.titleIn, { period: periodName, category: categoryName(ctx, category) }) : fill(w.title, { period: periodName })
  const current = (is: boolean) => (is ? html` aria-current="page"` : '')
  const body = html`<h1>${title}</h1>
<nav class="sorts" aria-label="${w.periods}"><ul>${PERIODS.map((p) => html`<li><a href="${href(ctx, bestsellersPath(p, categoryId))}"${current(p === period)}>${w[`period_${p}`]}</a></li>`)}</ul></nav>
<nav class="sorts" aria-label="${w.shelves}"><ul><li><a href="${href(ctx, bestsellersPath(period, OVERALL))}"${current(!categoryId)}>${w.overall}</a></li>${topShelves(categories).map((c) => html`<li><a href="${href(ctx, bestsellersPath(period, c.id))}"${current(c.id === categoryId)}>${categoryName(ctx, c)}</a></li>`)}</ul></nav>
<p>${w.explain}</p>
${rankedShelf(ctx, view.places, view.books)}`
  return layout(ctx, { title, description: title, canonicalPath: bestsellersPath(period, categoryId) }, body)
}

/** The product page's line of ranks and sales index: "주간 순위: 종합 12위 · 역사 3위 · 판매지수 1,250"; nothing for a book that never sold. */
export function bookStanding(ctx: PageContext, ranks: BookRanks | undefined, categories: CategoryTree): SafeHtml {
  if (!ranks || (!ranks.salesIndex && ranks.overall === null)) return html``
  const w = words[ctx.lang]
  const places = [
    ...(ranks.overall !== null ? [html`<a href="${href(ctx, bestsellersPath('weekly', OVERALL))}">${fill(w.rankOverall, { n: ranks.overall })}</a>`] : []),
    ...ranks.categories.slice(0, 3).flatMap(({ categoryId, rank }) => {
      const c = categories.get(categoryId)
      // Under a single root ("국내도서") its rank is the overall one again.
      return c && (c.parentId !== null || categories.roots.length > 1) ? [html`<a href="${href(ctx, bestsellersPath('weekly', categoryId))}">${fill(w.rankIn, { category: categoryName(ctx, c), n: rank })}</a>`] : []
    }),
  ]
  return html`<p class="standing">${places.length ? html`<span>${w.ranks}: ${places.map((p, i) => html`${i ? ' · ' : ''}${p}`)}</span> ` : ''}<span>${w.salesIndex} ${formatCount(ranks.salesIndex)}</span></p>`
}

import { MAX_QUERY_CHARS, type SearchResult } from '../../search'
import { html } from '../html'
import { fill } from '../i18n'
import { href, type PageContext } from './context'
import { layout } from './layout'
import { facetsAside, linker, resultsBlock } from './listing'

const FILTERS_OFF = { category: undefined, publisher: undefined, format: undefined, language: undefined, year: undefined, price_min: undefined, price_max: undefined, in_stock: undefined }

/** The search results page; an empty query or no matches get guidance instead of an empty grid. */
export function searchPage(ctx: PageContext, result: SearchResult, state: Record<string, string>): string {
  const { t } = ctx
  const link = linker(ctx, '/search', state)
  const categoryLink = (id: string | null) => link({ category: id ?? undefined })
  const { total } = result.books
  const hasFilters = Object.keys(FILTERS_OFF).some((k) => state[k] !== undefined)
  const heading = result.q ? fill(t.searchResultsFor, { q: result.q }) : t.searchTitle
  const body = html`<h1>${heading}${total ? html` <small class="empty">${fill(result.isTotalAtLeast ? t.resultsAtLeast : t.resultsCount, { n: total.toLocaleString('en-US') })}</small>` : ''}</h1>
${result.isTruncated ? html`<p class="notice" role="status">${fill(t.queryTruncated, { n: MAX_QUERY_CHARS })}</p>` : ''}
${result.didYouMean ? html`<p class="notice">${t.didYouMean} <a href="${link({ q: result.didYouMean })}">${result.didYouMean}</a></p>` : ''}
${total === 0
  ? html`<section class="no-results" aria-labelledby="none-h"><h2 id="none-h">${result.q ? fill(t.noResults, { q: result.q }) : t.searchEmptyTitle}</h2>
<p>${result.q ? t.noResultsTips : t.searchEmptyBody}</p>
${hasFilters ? html`<p><a href="${link(FILTERS_OFF)}">${t.clearFilters}</a></p>` : ''}
<p><a href="${href(ctx, '/')}">${t.allCategories}</a></p></section>`
  : html`<div class="listing">${facetsAside(ctx, result, link, categoryLink, state)}<div class="results">${resultsBlock(ctx, result, link)}</div></div>`}`
  return layout(ctx, { title: heading, description: heading, canonicalPath: '/search', noindex: true, query: result.q }, body)
}

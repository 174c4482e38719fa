import type { FacetValue, SearchHit, SearchResult, SearchSort, Segment } from '../../search'
import { SEARCH_SORTS } from '../../search'
import { html, type SafeHtml } from '../html'
import { fill, formatMoney } from '../i18n'
import { messages } from '../messages'
import { href, type PageContext } from './context'
import { byline, CARD_COVER_SIZES, coverImage, pager } from './parts'
import { cardWishLink } from './wishlist'

/** Builds links from a listing's current query string: changes replace keys, undefined removes one, and the page resets. */
export function linker(ctx: PageContext, path: string, state: Record<string, string>) {
  return (changes: Record<string, string | undefined>, page = 1): string => {
    const next = new URLSearchParams()
    for (const [k, v] of Object.entries({ ...state, ...changes, page: page > 1 ? String(page) : undefined })) if (v !== undefined) next.set(k, v)
    const query = next.toString()
    return href(ctx, query ? `${path}?${query}` : path)
  }
}

type Link = ReturnType<typeof linker>

function marked(segments: Segment[]): SafeHtml {
  return html`${segments.map((s) => (s.isMatch ? html`<mark>${s.text}</mark>` : s.text))}`
}

function hitCard(ctx: PageContext, book: SearchHit): SafeHtml {
  const title = ctx.lang === 'en' && book.highlights.en ? book.highlights.en : book.highlights.title
  const price = book.salePrice ?? book.listPrice
  return html`<li class="card"><a href="${href(ctx, `/books/${book.isbn13}`)}">
${coverImage(book, { alt: '', sizes: CARD_COVER_SIZES })}
<span class="t">${marked(title)}</span></a>
<span class="c">${byline(ctx, book.contributors.slice(0, 2)) || book.publisher || ''}</span>
${price != null ? html`<span class="p">${formatMoney(ctx.lang, price, book.currency)}</span>` : ''}${cardWishLink(ctx, book)}</li>`
}

function facetGroup(ctx: PageContext, title: string, key: string, values: FacetValue[], label: (v: FacetValue) => string, link: Link): SafeHtml {
  if (values.length === 0) return html``
  return html`<section class="facet"><h3>${title}</h3><ul>${values.map((v) =>
    v.isSelected
      ? html`<li><a href="${link({ [key]: undefined })}" aria-label="${fill(ctx.t.removeFilter, { name: label(v) })}"><strong>${label(v)}</strong> ✕</a></li>`
      : html`<li><a href="${link({ [key]: v.value })}">${label(v)}</a> <span class="n">${v.count.toLocaleString('en-US')}</span></li>`,
  )}</ul></section>`
}

function priceLabel(ctx: PageContext, value: string): string {
  const [lo, hi] = value.split('-')
  const money = (n: string) => formatMoney(ctx.lang, Number(n), 'KRW')
  return hi ? `${money(lo!)}–${money(hi)}` : fill(ctx.t.priceFrom, { min: money(lo!) })
}

/**
 * The facet column. `categoryLink` says where a category value leads (a filter on search, a page when
 * browsing), and with null where removing the chosen category leads, if anywhere.
 */
export function facetsAside(ctx: PageContext, result: SearchResult, link: Link, categoryLink: (id: string | null) => string | null, state: Record<string, string>): SafeHtml {
  const { t } = ctx
  const f = result.facets
  const hasFilters = ['publisher', 'format', 'language', 'year', 'price_min', 'price_max', 'in_stock'].some((k) => state[k] !== undefined)
  const priceValues = f.prices.map((p) => ({ ...p, isSelected: false }))
  const priceSelected = state.price_min !== undefined || state.price_max !== undefined
  return html`<aside class="facets" aria-labelledby="facets-h"><h2 id="facets-h">${t.filters}</h2>
${f.categories.length ? html`<section class="facet"><h3>${t.facet_category}</h3><ul>${f.categories.map((c) => {
  const name = c.label ? c.label[ctx.lang] : c.value
  if (!c.isSelected) return html`<li><a href="${categoryLink(c.value)}">${name}</a> <span class="n">${c.count.toLocaleString('en-US')}</span></li>`
  const remove = categoryLink(null)
  return remove ? html`<li><a href="${remove}" aria-label="${fill(t.removeFilter, { name })}"><strong>${name}</strong> ✕</a></li>` : html`<li><strong>${name}</strong></li>`
})}</ul></section>` : ''}
${facetGroup(ctx, t.facet_publisher, 'publisher', f.publishers, (v) => v.value, link)}
${facetGroup(ctx, t.facet_format, 'format', f.formats, (v) => t[`format_${v.value}` as 'format_other'] ?? v.value, link)}
${facetGroup(ctx, t.facet_language, 'language', f.languages, (v) => (t as Record<string, string>)[`language_${v.value}`] ?? v.value, link)}
${facetGroup(ctx, t.facet_year, 'year', f.years, (v) => v.value, link)}
${priceSelected
  ? html`<section class="facet"><h3>${t.facet_price}</h3><ul><li><a href="${link({ price_min: undefined, price_max: undefined })}"><strong>${priceLabel(ctx, `${state.price_min ?? 0}-${state.price_max ?? ''}`)}</strong> ✕</a></li></ul></section>`
  : html`<section class="facet"><h3>${t.facet_price}</h3><ul>${priceValues.map((p) => {
      const [lo, hi] = p.value.split('-')
      return html`<li><a href="${link({ price_min: lo, price_max: hi || undefined })}">${priceLabel(ctx, p.value)}</a> <span class="n">${p.count.toLocaleString('en-US')}</span></li>`
    })}</ul></section>`}
<p class="facet"><a href="${link({ in_stock: state.in_stock ? undefined : '1' })}"${state.in_stock ? html` aria-current="true"` : ''}>${state.in_stock ? '☑' : '☐'} ${t.inStockOnly}</a></p>
${hasFilters ? html`<p class="facet"><a href="${link({ publisher: undefined, format: undefined, language: undefined, year: undefined, price_min: undefined, price_max: undefined, in_stock: undefined })}">${t.clearFilters}</a></p>` : ''}
</aside>`
}

export function sortLinks(ctx: PageContext, current: SearchSort, hasQuery: boolean, link: Link): SafeHtml {
  const sorts = SEARCH_SORTS.filter((s) => hasQuery || s !== 'relevance')
  return html`<nav class="sorts" aria-label="${ctx.t.sortBy}"><span>${ctx.t.sortBy}:</span> ${sorts.map((s) =>
    s === current ? html`<span aria-current="true">${ctx.t[`sort_${s}`]}</span>` : html`<a href="${link({ sort: s })}">${ctx.t[`sort_${s}`]}</a>`,
  )}</nav>`
}

/** Sort links, the result shelf with highlighted titles, and the pager. */
export function resultsBlock(ctx: PageContext, result: SearchResult, link: Link): SafeHtml {
  const { books } = result
  const shown = result.sampled === null ? books.total : Math.min(books.total, result.sampled.covered)
  const pages = Math.max(1, Math.ceil(shown / books.pageSize))
  if (books.items.length === 0 && books.page > pages) {
    const m = messages[ctx.lang]
    return html`<p class="notice" role="status">${fill(m.pastLastPage, { n: pages })} <a href="${link({}, pages)}">${m.lastPage}</a></p>`
  }
  return html`${sortLinks(ctx, result.sort, result.q !== '', link)}
${result.sampled !== null ? html`<p class="empty">${fill(ctx.t.sampledCounts, { n: result.sampled.best.toLocaleString('en-US') })}</p>` : ''}
<ul class="shelf">${books.items.map((b) => hitCard(ctx, b))}</ul>
${pager(ctx, books.page, pages, (n) => link({}, n))}`
}

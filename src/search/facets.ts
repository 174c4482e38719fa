import type { CategoryNode, CategoryTree } from '../catalog'
import { PRICE_BANDS, type FacetCounts } from './facet-counts'
import type { FacetValue, Facets, SearchParams } from './types'

/** The categories a listing offers to narrow to: the children of the chosen one, or the top shelves. */
export function facetCategories(tree: CategoryTree, chosen: string | undefined): CategoryNode[] {
  const node = chosen ? tree.get(chosen) : undefined
  if (node) return node.children
  return tree.roots.length === 1 ? tree.roots[0]!.children : tree.roots
}

function tally(counts: Map<string, number>, selected: string | undefined, limit: number, order: 'count' | 'value-desc' | 'value'): FacetValue[] {
  const values = [...counts].map(([value, count]) => ({ value, count, isSelected: value === selected }))
  if (order === 'count') values.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
  else values.sort((a, b) => (order === 'value' ? Number(a.value) - Number(b.value) : a.value < b.value ? 1 : -1))
  return values.slice(0, limit)
}

/** The facet value of a price band: "10000-14999", or "30000-" for the top one. */
export function priceBandValue(lo: number): string {
  const next = PRICE_BANDS[PRICE_BANDS.indexOf(lo) + 1]
  return next === undefined ? `${lo}-` : `${lo}-${next - 1}`
}

export function buildFacets(counts: FacetCounts, chosen: CategoryNode | undefined, categories: CategoryNode[], params: SearchParams): Facets {
  const priceSelected = params.priceMin !== undefined || params.priceMax !== undefined ? `${params.priceMin ?? 0}-${params.priceMax ?? ''}` : undefined
  const bands = new Map([...counts.band].map(([lo, n]) => [priceBandValue(Number(lo)), n]))
  return {
    categories: [
      ...(chosen ? [{ value: chosen.id, label: chosen.name, count: counts.category.get(chosen.id) ?? 0, isSelected: true }] : []),
      ...categories
        .filter((c) => (counts.category.get(c.id) ?? 0) > 0)
        .map((c) => ({ value: c.id, label: c.name, count: counts.category.get(c.id)!, isSelected: false })),
    ],
    publishers: tally(counts.publisher, params.publisher, 12, 'count'),
    formats: tally(counts.format, params.format, 10, 'count'),
    languages: tally(counts.language, params.language, 10, 'count'),
    years: tally(counts.year, params.year === undefined ? undefined : String(params.year), 12, 'value-desc'),
    prices: tally(bands, priceSelected, 10, 'count').sort((a, b) => Number(a.value.split('-')[0]) - Number(b.value.split('-')[0])),
  }
}

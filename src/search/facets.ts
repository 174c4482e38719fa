import type { CategoryNode, CategoryTree } from '../catalog'
import { PRICE_BANDS, type FacetRow } from './repo'
import type { FacetValue, Facets, SearchParams } from './types'

/** The categories a listing offers to narrow to: the children of the chosen one, or the top shelves. */
export function facetCategories(tree: CategoryTree, chosen: string | undefined): CategoryNode[] {
  const node = chosen ? tree.get(chosen) : undefined
  if (node) return node.children
  return tree.roots.length === 1 ? tree.roots[0]!.children : tree.roots
}

function tally(rows: FacetRow[], key: (r: FacetRow) => string | null, selected: string | undefined, limit: number, order: 'count' | 'value-desc' | 'value'): FacetValue[] {
  const counts = new Map<string, number>()
  for (const r of rows) {
    const k = key(r)
    if (k != null) counts.set(k, (counts.get(k) ?? 0) + r.n)
  }
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

export function buildFacets(rows: FacetRow[], categories: CategoryNode[], categoryCounts: Map<string, number>, params: SearchParams): Facets {
  const priceSelected = params.priceMin !== undefined || params.priceMax !== undefined ? `${params.priceMin ?? 0}-${params.priceMax ?? ''}` : undefined
  return {
    categories: categories
      .filter((c) => (categoryCounts.get(c.id) ?? 0) > 0)
      .map((c) => ({ value: c.id, label: c.name, count: categoryCounts.get(c.id)!, isSelected: false })),
    publishers: tally(rows, (r) => r.publisher, params.publisher, 12, 'count'),
    formats: tally(rows, (r) => r.format, params.format, 10, 'count'),
    languages: tally(rows, (r) => r.language, params.language, 10, 'count'),
    years: tally(rows, (r) => r.year, params.year === undefined ? undefined : String(params.year), 12, 'value-desc'),
    prices: tally(rows, (r) => (r.band == null ? null : priceBandValue(r.band)), priceSelected, 10, 'value').sort(
      (a, b) => Number(a.value.split('-')[0]) - Number(b.value.split('-')[0]),
    ),
  }
}

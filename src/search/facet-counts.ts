/** Price bands for the facet, in KRW: lower bounds, each band up to the next one. */
export const PRICE_BANDS = [0, 10_000, 15_000, 20_000, 30_000]

export type FacetDimension = 'publisher' | 'format' | 'language' | 'year' | 'band' | 'category'
/** Per dimension, how many books have each value; bands are keyed by their lower bound. */
export type FacetCounts = Record<FacetDimension, Map<string, number>>

export function emptyCounts(): FacetCounts {
  return { publisher: new Map(), format: new Map(), language: new Map(), year: new Map(), band: new Map(), category: new Map() }
}

/** The price band (its lower bound) a price falls in. */
export function bandOf(price: number): number {
  for (let i = PRICE_BANDS.length - 1; i > 0; i--) if (price >= PRICE_BANDS[i]!) return PRICE_BANDS[i]!
  return PRICE_BANDS[0]!
}

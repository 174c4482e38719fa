import type { BookFormat, BookSummary, CategoryNode, Page } from '../catalog'

export const SEARCH_SORTS = ['relevance', 'newest', 'price', 'price_desc', 'title'] as const
export type SearchSort = (typeof SEARCH_SORTS)[number]

/** Filters and paging, already validated at the edge. */
export interface SearchParams {
  q: string
  category?: string
  publisher?: string
  format?: BookFormat
  /** ISO 639-2/B ("kor"). */
  language?: string
  year?: number
  /** Inclusive bounds on the price a shopper pays, in minor units. */
  priceMin?: number
  priceMax?: number
  inStock?: boolean
  /** Relevance when there is a query, newest otherwise. */
  sort?: SearchSort
  page: number
  pageSize: number
}

export interface FacetValue {
  value: string
  /** Display names, for categories. */
  label?: { ko: string; en: string }
  count: number
  isSelected: boolean
}

export interface Facets {
  categories: FacetValue[]
  publishers: FacetValue[]
  formats: FacetValue[]
  languages: FacetValue[]
  years: FacetValue[]
  /** Values are "min-max" (inclusive) or "min-" for the open top band. */
  prices: FacetValue[]
}

/** A run of text, marked when it matches the query. */
export interface Segment {
  text: string
  isMatch: boolean
}

export interface SearchHit extends BookSummary {
  /** The Korean title and, where there is one, the English one, cut into matching and other runs. */
  highlights: { title: Segment[]; en?: Segment[] }
}

export interface SearchResult {
  /** The query as searched: cleaned and, when too long, cut. */
  q: string
  isTruncated: boolean
  sort: SearchSort
  books: Page<SearchHit>
  /** Set when more books match than were counted: `books.total` is then a lower bound ("10,000+"). */
  isTotalAtLeast: boolean
  /**
   * Set when the query matched many books: facets and pages then cover only
   * its `best` best matches, `covered` of them after the filters.
   */
  sampled: { best: number; covered: number } | null
  facets: Facets
  /** A corrected query when some words only matched by their spelling neighbours, or nothing matched. */
  didYouMean: string | null
}

export interface Suggestion {
  kind: 'title' | 'contributor' | 'category'
  label: string
  /** Where choosing it leads. */
  path: string
}

export interface CategoryResult {
  category: CategoryNode
  /** Root first, the category itself last. */
  path: CategoryNode[]
  result: SearchResult
}

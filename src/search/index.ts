export { SearchService } from './service'
export type { Synonym } from './synonyms'
export { SEARCH_SORTS, type SearchSort, type SearchParams, type SearchResult, type SearchHit, type Facets, type FacetValue, type Segment, type Suggestion, type CategoryResult } from './types'
export { MAX_QUERY_CHARS } from './query'

import { CatalogService } from '../catalog'
import { SearchService } from '../search'
import type { Store } from '../store'

export interface Services {
  store: Store
  catalog: CatalogService
  search: SearchService
}

/** The composition root: builds every domain service over one store, wired together. */
export function buildServices(store: Store): Services {
  // The search index is kept in step by the catalog's writes; the catalog and search refer to each other only here.
  const indexers: ConstructorParameters<typeof CatalogService>[1] = []
  const catalog = new CatalogService(store.db, indexers)
  const search = new SearchService(store.db, store.dialect.textIndex, catalog)
  indexers.push(search.indexer)
  return { store, catalog, search }
}

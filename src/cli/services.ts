import { CatalogService } from '../catalog'
import type { Logger } from '../core/logger'
import { Importer } from '../ingest'
import { SearchService } from '../search'
import type { Store } from '../store'
import type { ServerServices } from '../web/server'

export interface Services {
  store: Store
  catalog: CatalogService
  importer: Importer
  search: SearchService
}

/** The composition root: builds every domain service over one store, wired together. */
export function buildServices(store: Store): Services {
  // The search index is kept in step by the catalog's writes; the catalog and search refer to each other only here.
  const indexers: NonNullable<ConstructorParameters<typeof CatalogService>[1]> = []
  const catalog = new CatalogService(store.db, indexers)
  const search = new SearchService(store.db, store.dialect.textIndex, catalog)
  indexers.push(search.indexer)
  return { store, catalog, search, importer: new Importer(store.db, catalog) }
}

/** What the HTTP server needs of the services. */
export function serverServices({ store, catalog, search }: Services, logger: Logger): ServerServices {
  return { catalog, search, logger, foreignCommits: store.foreignCommits, ping: store.ping }
}

import { CatalogService } from '../catalog'
import { Importer } from '../ingest'
import type { Store } from '../store'

export interface Services {
  store: Store
  catalog: CatalogService
  importer: Importer
}

/** The composition root: builds every domain service over one store, wired together. */
export function buildServices(store: Store): Services {
  const catalog = new CatalogService(store.db)
  return { store, catalog, importer: new Importer(store.db, catalog) }
}

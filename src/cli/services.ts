import { CatalogService } from '../catalog'
import type { Store } from '../store'

export interface Services {
  store: Store
  catalog: CatalogService
}

/** The composition root: builds every domain service over one store, wired together. */
export function buildServices(store: Store): Services {
  const catalog = new CatalogService(store.db)
  return { store, catalog }
}

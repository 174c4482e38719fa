import { CatalogService } from '../catalog'
import type { Logger } from '../core/logger'
import type { Store } from '../store'
import type { ServerServices } from '../web/server'

export interface Services {
  store: Store
  catalog: CatalogService
}

/** The composition root: builds every domain service over one store, wired together. */
export function buildServices(store: Store): Services {
  const catalog = new CatalogService(store.db)
  return { store, catalog }
}

/** What the HTTP server needs of the services. */
export function serverServices({ store, catalog }: Services, logger: Logger): ServerServices {
  return { catalog, logger, foreignCommits: store.foreignCommits, ping: store.ping }
}

import { CatalogService } from '../catalog'
import type { Logger } from '../core/logger'
import { Importer } from '../ingest'
import type { Store } from '../store'
import type { ServerServices } from '../web/server'

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

/** What the HTTP server needs of the services. */
export function serverServices({ store, catalog }: Services, logger: Logger): ServerServices {
  return { catalog, logger, foreignCommits: store.foreignCommits, ping: store.ping }
}

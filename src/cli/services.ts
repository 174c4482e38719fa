import { CatalogService } from '../catalog'
import { CommerceService } from '../commerce'
import type { Logger } from '../core/logger'
import { RecommendService } from '../recommend'
import type { Store } from '../store'
import type { ServerServices } from '../web/server'

export interface Services {
  store: Store
  catalog: CatalogService
  recommend: RecommendService
  commerce: CommerceService
}

/** The composition root: builds every domain service over one store, wired together. */
export function buildServices(store: Store, logger?: Logger): Services {
  const catalog = new CatalogService(store.db)
  const recommend = new RecommendService(store.db, catalog, { onError: (err) => logger?.warn({ err }, 'shopper events not written') })
  const commerce = new CommerceService(store.db, catalog, recommend.events)
  return { store, catalog, recommend, commerce }
}

/** What the HTTP server needs of the services. */
export function serverServices({ store, catalog, recommend, commerce }: Services, logger: Logger): ServerServices {
  return { catalog, recommend, commerce, logger, foreignCommits: store.foreignCommits, ping: store.ping }
}

import { AccountsService } from '../accounts'
import { CatalogService } from '../catalog'
import { CommerceService, pricingRules } from '../commerce'
import { loadConfig } from '../core/config'
import type { Logger } from '../core/logger'
import { Importer } from '../ingest'
import { SearchService } from '../search'
import { RecommendService } from '../recommend'
import { transactor, type Store } from '../store'
import type { ServerServices } from '../web/server'

export interface Services {
  store: Store
  catalog: CatalogService
  importer: Importer
  search: SearchService
  recommend: RecommendService
  commerce: CommerceService
  accounts: AccountsService
}

/** The composition root: builds every domain service over one store, wired together. */
export function buildServices(store: Store, logger?: Logger, rules = pricingRules(loadConfig())): Services {
  // The search index is kept in step by the catalog's writes; the catalog and search refer to each other only here.
  const indexers: NonNullable<ConstructorParameters<typeof CatalogService>[1]> = []
  const catalog = new CatalogService(store.db, indexers, { isPriceLawOn: rules.isPriceLawOn })
  const search = new SearchService(store.db, store.dialect.textIndex, catalog, { foreignCommits: store.foreignCommits })
  indexers.push(search.indexer)
  const recommend = new RecommendService(store.db, catalog, { onError: (err) => logger?.warn({ err }, 'shopper events not written') })
  const commerce = new CommerceService(store.db, transactor(store.db), catalog, recommend.events, rules)
  return { store, catalog, search, importer: new Importer(store.db, catalog), recommend, commerce, accounts: new AccountsService(store.db) }
}

/** What the HTTP server needs of the services. */
export function serverServices({ store, catalog, search, recommend, commerce, accounts }: Services, logger: Logger): ServerServices {
  return { catalog, search, recommend, commerce, accounts, logger, foreignCommits: store.foreignCommits, ping: store.ping }
}

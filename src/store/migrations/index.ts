import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely'
import * as createCatalog from './2026-11-28T2100-create-catalog'
import * as catalogChange from './2026-11-28T2130-catalog-change'
import * as createSearch from './2026-11-28T2200-create-search'
import * as createImportLog from './2026-11-28T2300-create-import-log'
import * as recommend from './2026-11-28T2330-recommend'
import * as commerce from './2026-11-28T2331-commerce'
import * as catalogChangeNotify from './2026-11-28T2340-catalog-change-notify'
import * as searchTitleIndex from './2026-11-28T2350-search-title-index'
import * as searchBrowse from './2026-11-28T2351-search-browse'
import * as titleLength from './2026-11-28T2352-title-length'
import * as postgresTitleDoc from './2026-11-28T2353-postgres-title-doc'
import * as bookContributorsJson from './2026-11-29T0000-book-contributors-json'
import * as storeSetting from './2026-12-02T0900-store-setting'
import * as importRunHeartbeat from './2026-12-02T1000-import-run-heartbeat'
import * as accounts from './2026-12-02T1200-accounts'
import * as mailOutbox from './2026-12-02T1100-mail-outbox'
import * as orders from './2026-12-02T1300-orders'
import * as staff from './2026-12-02T1400-staff'
import * as audit from './2026-12-02T1410-audit'
import * as covers from './2026-12-02T1420-covers'
import * as staffList from './2026-12-02T1430-staff-list'
import * as works from './2026-12-02T1450-works'
import * as staffListSpeed from './2026-12-02T1460-staff-list-speed'
import * as orderQueues from './2026-12-02T1470-order-queues'
import * as alternateForms from './2026-12-02T1480-alternate-forms'
import * as bookSupply from './2026-12-03T1000-book-supply'
import * as bookSeries from './2026-12-03T1010-book-series'
import * as defaultCategories from './2026-12-03T1100-default-categories'
import * as reviews from './2026-12-03T1200-reviews'
import * as wishlist from './2026-12-03T1210-wishlist'
import * as pricelessCurrency from './2026-12-03T1110-priceless-currency'
import * as bestsellers from './2026-12-03T1220-bestsellers'
import * as collections from './2026-12-03T1230-collections'
import * as excerpts from './2026-12-03T1300-excerpts'
import * as editionLinks from './2026-12-03T1310-edition-links'
import * as apiKeys from './2026-12-03T1600-api-keys'
import * as webhooks from './2026-12-03T1700-webhooks'
import * as searchSynonyms from './2026-12-03T1800-search-synonyms'
import * as searchPopularity from './2026-12-03T1810-search-popularity'

/** Every migration, by name; names sort in the order they apply. Add new ones at the end. */
export const migrations: Record<string, Migration> = {
  '2026-11-28T2100-create-catalog': createCatalog,
  '2026-11-28T2130-catalog-change': catalogChange,
  '2026-11-28T2200-create-search': createSearch,
  '2026-11-28T2300-create-import-log': createImportLog,
  '2026-11-28T2330-recommend': recommend,
  '2026-11-28T2331-commerce': commerce,
  '2026-11-28T2340-catalog-change-notify': catalogChangeNotify,
  '2026-11-28T2350-search-title-index': searchTitleIndex,
  '2026-11-28T2351-search-browse': searchBrowse,
  '2026-11-28T2352-title-length': titleLength,
  '2026-11-28T2353-postgres-title-doc': postgresTitleDoc,
  '2026-11-29T0000-book-contributors-json': bookContributorsJson,
  '2026-12-02T0900-store-setting': storeSetting,
  '2026-12-02T1000-import-run-heartbeat': importRunHeartbeat,
  '2026-12-02T1100-mail-outbox': mailOutbox,
  '2026-12-02T1200-accounts': accounts,
  '2026-12-02T1300-orders': orders,
  '2026-12-02T1400-staff': staff,
  '2026-12-02T1410-audit': audit,
  '2026-12-02T1420-covers': covers,
  '2026-12-02T1430-staff-list': staffList,
  '2026-12-02T1450-works': works,
  '2026-12-02T1460-staff-list-speed': staffListSpeed,
  '2026-12-02T1470-order-queues': orderQueues,
  '2026-12-02T1480-alternate-forms': alternateForms,
  '2026-12-03T1000-book-supply': bookSupply,
  '2026-12-03T1010-book-series': bookSeries,
  '2026-12-03T1100-default-categories': defaultCategories,
  '2026-12-03T1200-reviews': reviews,
  '2026-12-03T1210-wishlist': wishlist,
  '2026-12-03T1110-priceless-currency': pricelessCurrency,
  '2026-12-03T1220-bestsellers': bestsellers,
  '2026-12-03T1230-collections': collections,
  '2026-12-03T1300-excerpts': excerpts,
  '2026-12-03T1310-edition-links': editionLinks,
  '2026-12-03T1600-api-keys': apiKeys,
  '2026-12-03T1700-webhooks': webhooks,
  '2026-12-03T1800-search-synonyms': searchSynonyms,
  '2026-12-03T1810-search-popularity': searchPopularity,
}

function migrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } })
}

/** Brings the schema to the newest version; a failed migration throws and leaves the last good version. */
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  const result = await migrator(db).migrateToLatest()
  if (result.error) throw result.error
  return result
}

export async function migrateDown(db: Kysely<any>): Promise<MigrationResultSet> {
  const result = await migrator(db).migrateDown()
  if (result.error) throw result.error
  return result
}

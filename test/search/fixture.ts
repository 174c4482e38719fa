import { buildServices, type Services } from '../../src/cli/services'
import { SearchService } from '../../src/search'
import { createLogger } from '../../src/core/logger'
import { fillDemoCatalog } from '../../src/demo'
import { openStore } from '../../src/store'
import { createApp } from '../../src/web/app'
import type { TestDialect } from '../dialects'
import { testShop } from '../helpers'

/** A fresh store of the dialect with the demo catalog of `books` generated books plus the seed book, and the app over it. */
export async function demoStore(
  dialect: TestDialect,
  books: number,
  options: { sampleSize?: number; countCap?: number } = {},
): Promise<Services & { app: ReturnType<typeof createApp>; cleanup(): Promise<void> }> {
  const database = await dialect.freshDatabase()
  const services = buildServices(await openStore(database.url, { poolSize: 4 }), undefined, testShop())
  await fillDemoCatalog(services.catalog, { books })
  // A second search service over the same store, for a sample size other than the default.
  const search = options.sampleSize ? new SearchService(services.store.db, services.store.dialect.textIndex, services.catalog, options) : services.search
  const cleanup = async () => {
    await services.store.close()
    await database.drop()
  }
  return { ...services, search, cleanup, app: createApp({ ...services, search, logger: createLogger('silent') }) }
}

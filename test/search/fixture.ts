import { buildServices, type Services } from '../../src/cli/services'
import { createLogger } from '../../src/core/logger'
import { fillDemoCatalog } from '../../src/demo'
import { openStore } from '../../src/store'
import { createApp } from '../../src/web/app'

/** An in-memory store with the demo catalog of `books` generated books plus the seed book, and the app over it. */
export async function demoStore(books: number): Promise<Services & { app: ReturnType<typeof createApp> }> {
  const services = buildServices(await openStore(':memory:'))
  await fillDemoCatalog(services.catalog, { books })
  return { ...services, app: createApp({ ...services, logger: createLogger('silent') }) }
}

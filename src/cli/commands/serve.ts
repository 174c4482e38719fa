import { buildServices } from '../services'
import { loadConfig } from '../../core/config'
import { createLogger } from '../../core/logger'
import { fillDemoCatalog } from '../../demo'
import { openStore } from '../../store'
import { startServer } from '../../web/server'
import { intOption, type Command } from '../args'

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the store over HTTP',
  usage: `colophon serve [--port N]

Serves the store on PORT (default 3000) from COLOPHON_DB (default ./colophon.db).
An empty database is filled with the demo catalog first.

  --port N    overrides PORT`,
  options: { port: { type: 'string' } },
  async run(values) {
    const config = loadConfig()
    const port = intOption('port', values.port, config.PORT)
    const logger = createLogger(config.COLOPHON_LOG_LEVEL)
    const store = await openStore(config.COLOPHON_DB)
    const { catalog, search } = buildServices(store)
    if ((await catalog.countBooks()) === 0) {
      logger.info({ db: config.COLOPHON_DB }, 'empty database: writing the demo catalog')
      await fillDemoCatalog(catalog, { books: 2000 })
    } else if (await search.isIndexMissing()) {
      logger.info({ db: config.COLOPHON_DB }, 'books without a search index: building it')
      await search.reindex()
    }
    const server = await startServer({ catalog, search, logger }, { port, host: config.HOST })
    logger.info({ url: `http://localhost:${server.port}/` }, 'Colophon is serving')
    const stop = async () => {
      await server.close()
      await store.close()
      process.exit(0)
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  },
}

import cluster, { type Worker } from 'node:cluster'
import { createServer } from 'node:http'
import { availableParallelism } from 'node:os'
import { AggregatorRegistry } from 'prom-client'
import { loadConfig, type Config } from '../../core/config'
import { createLogger, type Logger } from '../../core/logger'
import { fillDemoCatalog } from '../../demo'
import { openStore } from '../../store'
import { defaultFeedDir } from '../../web/feeds/feed-dir'
import { createMetrics } from '../../web/metrics'
import { startServer } from '../../web/server'
import { intOption, type Command } from '../args'
import { buildServices, serverServices } from '../services'

const DEMO_BOOKS = 2000
/** How long the primary waits for its workers to stop: their 10 s for requests in flight, and closing the store. */
const WORKER_STOP_MS = 12_000

/** Serves GET /metrics on its own (by default loopback) port, from a registry or a whole cluster. */
function serveMetrics(where: string, collect: () => Promise<{ text: string; type: string }>, logger: Logger): void {
  const [host, port] = where.includes(':') ? where.split(':') : ['127.0.0.1', where]
  createServer(async (req, res) => {
    if (req.url !== '/metrics') return res.writeHead(404).end()
    try {
      const { text, type } = await collect()
      res.writeHead(200, { 'content-type': type }).end(text)
    } catch (err) {
      logger.warn({ err }, 'metrics collection failed')
      res.writeHead(503).end('metrics unavailable')
    }
  })
    .on('error', (err) => logger.warn({ err, where }, 'metrics port unavailable'))
    .listen(Number(port), host)
}

/** Opens the database once before any worker starts: migrations, the demo catalog when empty, the search index when missing. */
async function prepareDatabase(config: Config, logger: Logger): Promise<void> {
  const store = await openStore(config.COLOPHON_DB, { poolSize: config.COLOPHON_DB_POOL })
  const { catalog, search } = buildServices(store)
  if (!(await catalog.hasBooks())) {
    logger.info({ db: store.dialect.location, books: DEMO_BOOKS }, 'empty database: writing the demo catalog')
    await fillDemoCatalog(catalog, { books: DEMO_BOOKS })
  } else if (await search.isIndexMissing()) {
    logger.info({ db: config.COLOPHON_DB }, 'books without a search index: building it')
    await search.reindex()
  } else if (await search.recountShelvesIfMissing()) {
    logger.info({ db: config.COLOPHON_DB }, 'counted the shelves\' facets')
  }
  await store.close()
}

async function runWorker(config: Config, port: number, pageCache: boolean, metricsHere: boolean): Promise<void> {
  const logger = createLogger(config.COLOPHON_LOG_LEVEL)
  const metrics = createMetrics()
  const store = await openStore(config.COLOPHON_DB, { poolSize: config.COLOPHON_DB_POOL, readUrl: config.COLOPHON_DB_READ_URL, onQuery: (ms) => metrics.query.observe(ms / 1000) })
  // A port already taken must end the process: open database connections would otherwise keep it alive.
  // Mail waits in the outbox table until sent; every worker delivers what is due, each mail once.
  const services = buildServices(store, logger)
  const { mail, payments, commerce, webhooks } = services
  const server = await startServer(serverServices(services, logger), {
    metrics,
    port,
    host: config.HOST,
    pageCache,
    pageCacheBytes: config.COLOPHON_PAGE_CACHE_MB * 1024 * 1024,
    exposeMetrics: config.COLOPHON_METRICS === 'main',
    publicUrl: config.COLOPHON_PUBLIC_URL,
    trustProxy: config.COLOPHON_TRUST_PROXY,
    secret: config.COLOPHON_SECRET ?? (await store.generatedSecret()),
    feedTokens: config.COLOPHON_FEED_TOKENS,
    feedDir: config.COLOPHON_FEED_DIR ?? defaultFeedDir(config.COLOPHON_DB),
  }).catch(async (err: unknown) => {
    await store.close()
    throw err
  })
  if (cluster.isWorker) {
    // Constructing one installs prom-client's listener that answers the primary's requests for metrics.
    new AggregatorRegistry()
    AggregatorRegistry.setRegistries([server.metrics.registry])
  }
  else if (metricsHere) serveMetrics(config.COLOPHON_METRICS, async () => ({ text: await server.metrics.registry.metrics(), type: server.metrics.registry.contentType }), logger)
  mail.start()
  // Webhook deliveries wait in their table until delivered; every worker sends what is due, each delivery once at a time.
  webhooks.start()
  // Every worker applies the payment deadline: an order step refuses the second process to take the same order.
  payments.start()
  // Every worker rebuilds the bestseller lists hourly; a rebuild that finds nothing changed writes nothing.
  commerce.bestsellers.start(undefined, (err) => logger.error({ err }, 'bestseller rebuild failed'))
  const worker = cluster.worker?.id ?? 0
  logger.info({ url: `http://localhost:${server.port}/`, worker }, 'serving')
  // Ctrl-C reaches a worker twice (from the terminal and from the primary): the first signal starts the stop, later ones change nothing.
  let isStopping = false
  const stop = (signal: NodeJS.Signals) => {
    if (isStopping) return
    isStopping = true
    logger.info({ signal, worker }, 'stopping: finishing the requests in flight')
    // Requests get 10 s; a store that will not close must not keep a lone server from exiting.
    setTimeout(() => process.exit(1), WORKER_STOP_MS).unref()
    server
      .close()
      .then(() => payments.stop())
      .then(() => commerce.bestsellers.stop())
      .then(() => webhooks.close())
      .then(() => mail.close())
      .then(() => store.close())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          logger.error({ err, worker }, 'stopping failed')
          process.exit(1)
        },
      )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

/**
 * Forks the workers and starts another when one dies. SIGINT and SIGTERM are
 * passed on to them; the primary exits 0 once every one has finished its
 * requests and exited, and kills those still there after WORKER_STOP_MS.
 */
function superviseWorkers(count: number, logger: Logger): void {
  const live = new Set<Worker>()
  let isStopping = false
  const fork = () => {
    if (!isStopping) live.add(cluster.fork())
  }
  cluster.on('exit', (worker, code) => {
    live.delete(worker)
    if (isStopping) {
      if (live.size === 0) process.exit(0)
      return
    }
    logger.error({ worker: worker.id, code }, 'worker exited; starting another')
    setTimeout(fork, 500)
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (isStopping) return
      isStopping = true
      logger.info({ signal, workers: live.size }, 'stopping: waiting for the workers to finish their requests')
      if (live.size === 0) process.exit(0)
      for (const w of live) w.process.kill(signal)
      setTimeout(() => {
        logger.error({ pids: [...live].map((w) => w.process.pid) }, `workers still running after ${WORKER_STOP_MS / 1000} s: killed`)
        for (const w of live) w.process.kill('SIGKILL')
        process.exit(1)
      }, WORKER_STOP_MS).unref()
    })
  }
  for (let i = 0; i < count; i++) fork()
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the store over HTTP',
  usage: `colophon serve [--port N] [--workers N] [--no-page-cache]

Serves the store on PORT (default 3000) from COLOPHON_DB (default ./colophon.db;
a postgres:// URL for PostgreSQL, with COLOPHON_DB_POOL connections per worker).
An empty database is filled with the demo catalog first. SIGINT or SIGTERM
stops it: requests in flight get up to 10 s to finish, then it exits 0.

  --port N          overrides PORT
  --workers N       worker processes sharing the port (default: one per core)
  --no-page-cache   render every page on every request (for measuring)`,
  options: { port: { type: 'string' }, workers: { type: 'string' }, 'no-page-cache': { type: 'boolean' } },
  async run(values) {
    const config = loadConfig()
    const port = intOption('port', values.port, config.PORT)
    const workers = intOption('workers', values.workers, availableParallelism(), 1)
    const pageCache = !values['no-page-cache']
    const metricsPort = config.COLOPHON_METRICS !== 'off' && config.COLOPHON_METRICS !== 'main'
    if (cluster.isWorker) return runWorker(config, port, pageCache, false)
    const logger = createLogger(config.COLOPHON_LOG_LEVEL)
    await prepareDatabase(config, logger)
    if (workers === 1) return runWorker(config, port, pageCache, metricsPort)

    const aggregator = new AggregatorRegistry()
    if (metricsPort) serveMetrics(config.COLOPHON_METRICS, async () => ({ text: await aggregator.clusterMetrics(), type: aggregator.contentType }), logger)
    // The workers' back-office sign-in throttles keep one count here, whichever worker a guess reaches.
    new (await import('rate-limiter-flexible')).RateLimiterClusterMaster()
    superviseWorkers(workers, logger)
  },
}

import { Hono } from 'hono'
import type { Logger } from '../../core/logger'
import type { Metrics } from '../metrics'

/**
 * Answers for the machines that run the store. /healthz asks nothing of the
 * database: a process whose database is away is alive and must not be
 * restarted for it; /readyz says whether the database answers.
 */
export const opsRoutes = ({ ping, logger, metrics }: { ping?: () => Promise<void>; logger: Logger; metrics?: Metrics }) => {
  const app = new Hono()
    .get('/healthz', (c) => c.text('ok', 200, { 'Cache-Control': 'no-store' }))
    .get('/readyz', async (c) => {
      try {
        await ping?.()
        return c.text('ready', 200, { 'Cache-Control': 'no-store' })
      } catch (err) {
        logger.warn({ err }, 'database not reachable')
        return c.text('database unreachable', 503, { 'Cache-Control': 'no-store', 'Retry-After': '5' })
      }
    })
  if (metrics) app.get('/metrics', async (c) => c.text(await metrics.registry.metrics(), 200, { 'Content-Type': metrics.registry.contentType }))
  return app
}

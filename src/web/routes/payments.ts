import { Hono } from 'hono'
import { InputError } from '../../core/errors'
import type { Logger } from '../../core/logger'
import type { PaymentsService } from '../../payments'
import type { AppEnv } from '../env'

/**
 * What payment providers call: PortOne's webhook. It proves itself by its
 * signature (Standard Webhooks), not by a session, so the gate does not ask it
 * for a form token; the body is read raw, as it was signed.
 */
export const paymentRoutes = ({ payments, logger }: { payments: PaymentsService; logger: Logger }) =>
  new Hono<AppEnv>().post('/portone/webhook', async (c) => {
    const body = await c.req.text()
    const headers = Object.fromEntries(['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) => [h, c.req.header(h)]))
    try {
      const outcome = await payments.webhook(body, headers)
      logger.info({ reqId: c.var.requestId, ...outcome }, 'PortOne webhook')
      return c.json({ ok: true })
    } catch (err) {
      if (err instanceof InputError && err.code === 'webhook_signature') {
        logger.warn({ reqId: c.var.requestId, reason: err.reason }, 'PortOne webhook refused: bad signature')
        return c.json({ error: { code: 'webhook_signature' } }, 400)
      }
      // Anything else (PortOne did not answer our check): a 5xx makes PortOne send it again later.
      logger.error({ err, reqId: c.var.requestId }, 'PortOne webhook not settled')
      return c.json({ error: { code: 'retry' } }, 503)
    }
  })

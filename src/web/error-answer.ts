import type { Context } from 'hono'
import { InputError, NotFoundError, StoreUnavailableError } from '../core/errors'
import type { Logger } from '../core/logger'
import type { AppEnv } from './env'
import { errorMessage, messages } from './messages'
import { pageContext } from './pages/context'
import { errorPage } from './pages/error'

/** The one place where errors become HTTP answers: a status, and words in the reader's language. */
export function errorAnswer(c: Context<AppEnv>, err: Error, logger: Logger): Response {
  const status = err instanceof InputError ? 400 : err instanceof NotFoundError ? 404 : err instanceof StoreUnavailableError ? 503 : 500
  const page = c.var.page ?? pageContext({ lang: 'ko', explicit: false }, '', c.req.path)
  if (status === 500) logger.error({ err, reqId: c.var.requestId, path: c.req.path }, 'request failed')
  // What was refused and why, never the value sent: a tampered form or callback leaves a trace without personal data.
  if (err instanceof InputError && c.req.method !== 'GET') logger.info({ reqId: c.var.requestId, method: c.req.method, path: c.req.path, field: err.field, code: err.code }, 'input refused')
  if (status === 503) {
    logger.warn({ err: err.message, reqId: c.var.requestId, path: c.req.path }, 'database unavailable')
    c.header('Retry-After', '5')
  }
  const code = err instanceof InputError ? err.code : status === 404 ? 'not_found' : status === 503 ? 'unavailable' : 'internal'
  const field = err instanceof InputError ? err.field : undefined
  const message =
    err instanceof InputError ? errorMessage(page.lang, err.code, err.field, err.params) : status === 503 ? messages[page.lang].unavailableBody : status === 404 ? messages[page.lang].error_not_found : page.t.errorBody
  c.header('Cache-Control', 'no-store')
  if (c.req.path.startsWith('/api/')) return c.json({ error: { code, ...(field ? { field } : {}), message } }, status)
  return c.html(errorPage(page, { status, message }), status)
}

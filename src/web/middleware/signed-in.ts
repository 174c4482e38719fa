import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env'
import { href } from '../pages/context'

/** A reader's own pages and actions: a visitor who is not signed in is sent to sign in; every answer is no-store. */
export const readerOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.var.customer) return c.redirect(href(c.var.page, '/account/sign-in'), 303)
  await next()
  c.header('Cache-Control', 'no-store')
}

import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { AccountsService } from '../../accounts'
import type { AppEnv } from '../env'
import type { Gate, RequestHead } from '../gate'
import { pageContext } from '../pages/context'
import { refusedPage } from '../pages/error'

/** The request as the gate reads it; the connection's address comes from node:http when there is one (not under app.request()). */
function requestHead(c: Context<AppEnv>): RequestHead {
  const url = new URL(c.req.url)
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming
  return { method: c.req.method, url: url.pathname + url.search, header: (name) => c.req.header(name), remoteAddress: incoming?.socket?.remoteAddress }
}

/** The form token a state-changing request carries: the `_csrf` field of a form, or the X-CSRF-Token header of a script. */
async function postedToken(c: Context<AppEnv>): Promise<string | undefined> {
  const type = c.req.header('content-type') ?? ''
  // An upload its route streams to disk (an import feed) carries the token in its address: reading the form here would hold the whole file in memory first.
  const inAddress = type.startsWith('multipart/form-data') ? c.req.query('_csrf') : undefined
  if (inAddress) return inAddress
  if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
    const token = (await c.req.parseBody())._csrf
    if (typeof token === 'string') return token
  }
  return c.req.header('x-csrf-token')
}

/**
 * The Hono side of the gate: every request through the app is identified
 * here, a state-changing one is refused (403, the shopper's language, nothing
 * changed and no session issued) unless it comes from our own page with its
 * session's token, and every answer leaves with the cookies the gate decided on. Clients that authenticate by a bearer token in
 * a header, not a cookie, cannot be made to post by another site and are not
 * asked for a form token.
 */
export function gateway(gate: Gate, publicUrl: string | undefined) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const head = requestHead(c)
    const visitor = gate.identify(head)
    c.set('visitor', visitor)
    const url = new URL(c.req.url)
    url.searchParams.delete('lang')
    c.set('page', pageContext(visitor.lang, publicUrl ?? '', url.pathname + url.search, () => gate.formToken(visitor)))
    const isBearer = /^Bearer\s/i.test(c.req.header('authorization') ?? '')
    // A payment provider's webhook is signed (Standard Webhooks): its route verifies the signature instead.
    const isSignedHook = c.req.path.startsWith('/payments/') && c.req.header('webhook-signature') !== undefined
    // The JSON API reads no cookie: a partner's key in a header is all it goes by, so there is nothing for another site to borrow.
    const isApi = c.req.path.startsWith('/api/v1/')
    const refusal = isBearer || isSignedHook || isApi ? undefined : gate.refusal(visitor, head, await postedToken(c))
    if (refusal) {
      c.res = c.html(refusedPage(c.var.page, refusal), 403, { 'Cache-Control': 'no-store' })
    } else {
      await next()
    }
    const cookies = gate.cookies(visitor)
    if (cookies.length) {
      for (const cookie of cookies) c.res.headers.append('Set-Cookie', cookie)
      // A shared cache must never hand one shopper's cookie to another.
      const cacheControl = c.res.headers.get('cache-control')
      if (!cacheControl) c.res.headers.set('Cache-Control', 'private, no-cache')
      else if (!/private|no-store/.test(cacheControl)) c.res.headers.set('Cache-Control', `private, ${cacheControl}`)
    }
  })
}

/**
 * Resolves the `account` cookie into `c.var.customer` through the accounts
 * service; a token with no live session (unknown, expired, revoked, forged)
 * has its cookie cleared. The fast path never gets here: it only needs to
 * know that the cookie is present.
 */
export function accountSession(gate: Gate, accounts: AccountsService | undefined) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const visitor = c.var.visitor
    if (visitor.accountToken !== undefined) {
      const customer = accounts && visitor.accountToken ? await accounts.session(visitor.accountToken) : undefined
      if (customer) c.set('customer', customer)
      else gate.signOut(visitor)
    }
    await next()
  })
}

/** The gate's security headers on every answer of the app, health checks and errors included. */
export function sealed(gate: Gate) {
  return createMiddleware(async (c, next) => {
    const headers = gate.securityHeaders
    // A route that answers on node's own response (a file sent by `send`) still carries them.
    const outgoing = (c.env as { outgoing?: { setHeader(name: string, value: string): void } } | undefined)?.outgoing
    for (let i = 0; outgoing && i < headers.length; i += 2) outgoing.setHeader(headers[i]!, headers[i + 1]!)
    await next()
    for (let i = 0; i < headers.length; i += 2) c.res.headers.set(headers[i]!, headers[i + 1]!)
  })
}

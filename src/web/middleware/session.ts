import { createMiddleware } from 'hono/factory'
import { newSessionId, sessionCookie, sessionFromCookie } from '../session'

/** The shopper's opaque session; a cookie is set only once something needs one (a view, a cart). */
export interface Session {
  readonly id: string | undefined
  ensure(): string
}

export type SessionEnv = { Variables: { session: Session } }

export function session() {
  return createMiddleware<SessionEnv>(async (c, next) => {
    let id = sessionFromCookie(c.req.header('cookie'))
    let isNew = false
    c.set('session', {
      get id() {
        return id
      },
      ensure() {
        if (!id) [id, isNew] = [newSessionId(), true]
        return id
      },
    })
    await next()
    if (!isNew) return
    c.header('Set-Cookie', sessionCookie(id!, new URL(c.req.url).protocol === 'https:'), { append: true })
    // A shared cache must never hand one shopper's cookie to another.
    const cacheControl = c.res.headers.get('cache-control')
    if (cacheControl && !/private|no-store/.test(cacheControl)) c.header('Cache-Control', `private, ${cacheControl}`)
  })
}

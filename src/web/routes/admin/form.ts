import type { Context } from 'hono'
import type { AppEnv } from '../../env'

/** A posted form's text fields, each cut to a bound: nothing here is trusted, only read. */
export async function postedText(c: Context<AppEnv>, max = 500): Promise<(name: string) => string> {
  const body = await c.req.parseBody()
  return (name) => {
    const value = body[name]
    return typeof value === 'string' ? value.slice(0, max) : ''
  }
}

/** Where to go after signing in: only a back-office path of this site (never //elsewhere). */
export function safeNext(next: string | undefined): string | undefined {
  return next && /^\/admin(?:[/?]|$)/.test(next) && !next.includes('\\') ? next : undefined
}

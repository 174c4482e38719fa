import type { MiddlewareHandler } from 'hono'
import { hasScope, type ApiKey, type ApiKeyService, type ApiScope } from '../../../accounts'
import type { AppEnv } from '../../env'

export type KeyEnv = AppEnv & { Variables: AppEnv['Variables'] & { apiKey: ApiKey } }

/**
 * A partner's route: `Authorization: Bearer <key>` must name a live key
 * (else 401 with WWW-Authenticate) that grants the scope (else 403). Every
 * answer is private to the key, so nothing between may keep it.
 */
export function requireKey(keys: ApiKeyService | undefined, scope: ApiScope): MiddlewareHandler<KeyEnv> {
  return async (c, next) => {
    c.header('Cache-Control', 'no-store')
    const header = c.req.header('authorization') ?? ''
    const secret = /^Bearer\s+(\S+)$/i.exec(header)?.[1]
    const key = secret && keys ? await keys.authenticate(secret) : undefined
    if (!key) {
      c.header('WWW-Authenticate', `Bearer realm="colophon", scope="${scope}"`)
      return c.json({ error: { code: 'unauthorized', message: 'an API key is needed: Authorization: Bearer <key>' } }, 401)
    }
    if (!hasScope(key, scope)) return c.json({ error: { code: 'forbidden', message: `the key lacks the scope ${scope}` } }, 403)
    c.set('apiKey', key)
    await next()
  }
}

import type { Context } from 'hono'
import type { ApiKeyService } from '../../../accounts'
import { InputError } from '../../../core/errors'
import type { AppEnv } from '../../env'
import { apiKeysPage, type ApiKeysView } from '../../pages/admin/api-keys'
import { problemText } from '../../pages/admin/staff-problem'
import { href } from '../../pages/context'
import { editedBy, route, type AdminRoute } from './access'

/**
 * Partners' API keys (/admin/api-keys), for owners: a key is made with a
 * name and scopes and shown once, in the answer to the form (never in a
 * URL); revoking one stops it at once. Both are audited (record type 'api_key').
 */
export function apiKeysRoutes({ apiKeys }: { apiKeys: ApiKeyService }): AdminRoute[] {
  const page = async (c: Context<AppEnv>, view: Omit<ApiKeysView, 'keys'> = {}, status: 200 | 400 = 200) =>
    c.html(apiKeysPage(c.var.page, c.var.staff!, { ...view, keys: await apiKeys.list() }), status)
  return [
    route('GET', '/api-keys', 'settings.write', (c) => page(c, { revoked: c.req.query('done') === 'revoked' })),
    route('POST', '/api-keys', 'settings.write', async (c) => {
      const body = await c.req.parseBody({ all: true })
      const form = { name: typeof body.name === 'string' ? body.name.slice(0, 200) : '', scopes: ([] as unknown[]).concat(body.scopes ?? []).filter((s): s is string => typeof s === 'string') }
      try {
        return await page(c, { created: await apiKeys.create(form, editedBy(c.var.staff!)) })
      } catch (err) {
        if (!(err instanceof InputError)) throw err
        return page(c, { form, problem: problemText(c.var.page, err) }, 400)
      }
    }),
    route('POST', '/api-keys/:id/revoke', 'settings.write', async (c) => {
      await apiKeys.revoke(c.req.param('id')!, editedBy(c.var.staff!))
      return c.redirect(href(c.var.page, '/admin/api-keys?done=revoked'), 303)
    }),
  ]
}

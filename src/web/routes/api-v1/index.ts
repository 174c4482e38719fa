import { OpenAPIHono } from '@hono/zod-openapi'
import type { ApiKeyService } from '../../../accounts'
import type { CatalogService } from '../../../catalog'
import type { OrderService } from '../../../commerce'
import type { SearchService } from '../../../search'
import type { AppEnv } from '../../env'
import { inputErrorOf } from '../../middleware/validate'
import { API_RATE_LIMIT, rateLimit } from '../../middleware/rate-limit'
import type { SendPage } from '../../page-sender'
import { apiReferencePage, type OpenApiDocument } from '../../pages/api-reference'
import { catalogApi } from './catalog'
import { partnerApi } from './partners'
import { SCOPE_LIST } from './schemas'

export { API_PAGE_SIZE } from './catalog'

export interface ApiServices {
  catalog: CatalogService
  search: SearchService
  sendPage: SendPage
  orders?: OrderService
  apiKeys?: ApiKeyService
  /** Requests per client address a minute; API_RATE_LIMIT's when unset. */
  ratePerMinute?: number
}

const DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'Colophon API',
    version: '1.0.0',
    description:
      'The bookstore’s catalog, open to all and limited per client address (429 with Retry-After beyond it), and partners’ orders and stock, each behind an API key with its scopes. ' +
      'Errors answer `{"error": {"code", "field"?, "message"}}`.',
  },
  servers: [{ url: '/api/v1' }],
}

/**
 * The versioned JSON API at /api/v1: every operation is declared with the
 * zod schemas that validate it, and the OpenAPI 3.1 document
 * (/api/v1/openapi.json) and its reference page (/api/v1/docs) are
 * generated from those declarations.
 */
export function apiV1Routes(services: ApiServices): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw inputErrorOf(result.error.issues, result.target)
    },
  })
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description: `A partner’s key, made by the store’s owner at /admin/api-keys; its scopes (${SCOPE_LIST}) say which operations it opens.`,
  })
  app.use(rateLimit('api', services.ratePerMinute ? { points: services.ratePerMinute, windowSeconds: 60 } : API_RATE_LIMIT))
  catalogApi(app, services)
  partnerApi(app, services)
  const document = () => app.getOpenAPI31Document(DOCUMENT) as unknown as OpenApiDocument
  app.get('/openapi.json', (c) => c.json(document(), 200, { 'Cache-Control': 'no-cache' }))
  app.get('/docs', (c) => c.html(apiReferencePage(c.var.page, document()), 200, { 'Cache-Control': 'no-cache' }))
  return app
}

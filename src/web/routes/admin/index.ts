import { Hono } from 'hono'
import type { ApiKeyService, StaffService } from '../../../accounts'
import type { AuditService } from '../../../audit'
import type { CatalogService } from '../../../catalog'
import type { OrderService } from '../../../commerce'
import type { Logger } from '../../../core/logger'
import type { PaymentsService } from '../../../payments'
import type { ReviewsService } from '../../../reviews'
import type { SearchService } from '../../../search'
import type { WebhookService } from '../../../webhooks'
import type { AppEnv } from '../../env'
import type { Gate } from '../../gate'
import { staffSession } from '../../middleware/staff-session'
import { permit, type AdminRoute } from './access'
import { apiKeysRoutes } from './api-keys'
import { booksListRoutes } from './books-list'
import { booksRoutes } from './books'
import { categoriesRoutes } from './categories'
import { coversRoutes } from './covers'
import { dashboardRoutes } from './dashboard'
import { duplicatesRoutes } from './duplicates'
import { historyRoutes } from './history'
import { importsRoutes, type ImportUploads } from './imports'
import { meRoutes } from './me'
import { ordersRoutes } from './orders'
import { paymentsRoutes } from './payments'
import { reviewsRoutes } from './reviews'
import { picksRoutes } from './picks'
import { signInRoutes } from './sign-in'
import { staffRoutes } from './staff'
import { synonymsRoutes } from './synonyms'
import { webhooksRoutes } from './webhooks'
import { createSignInThrottle, type SignInThrottle } from './throttle'

/** What the back office's areas are built from. An area that needs another service adds it here, optional in the app's services. */
export interface AdminServices {
  staff: StaffService
  catalog: CatalogService
  gate: Gate
  logger: Logger
  publicUrl?: string
  throttle?: SignInThrottle
  /** With both, the order screens and the bank statement screen. */
  orders?: OrderService
  payments?: PaymentsService
  audit?: AuditService
  imports?: ImportUploads
  /** With it, the review moderation queue. */
  reviews?: ReviewsService
  /** With it, the search synonym table. */
  search?: SearchService
  /** With it, owners register webhooks and see their deliveries. */
  webhooks?: WebhookService
  /** With it, owners make and revoke partners' API keys. */
  apiKeys?: ApiKeyService
}

/**
 * Every back-office route, by area: paths are under /admin, each with the
 * one permission it needs. A route that is in no table does not exist, and
 * the authorization-matrix test walks these same tables.
 */
export function adminRouteTables(services: AdminServices): AdminRoute[][] {
  const throttle = services.throttle ?? createSignInThrottle('staff')
  return [
    signInRoutes({ ...services, throttle }),
    meRoutes(services),
    dashboardRoutes({ ...services, importer: services.imports?.importer }),
    staffRoutes(services),
    booksListRoutes(services),
    booksRoutes(services),
    coversRoutes(services),
    categoriesRoutes(services),
    duplicatesRoutes(services),
    picksRoutes(services),
    ...(services.audit ? [historyRoutes({ ...services, audit: services.audit })] : []),
    ...(services.reviews ? [reviewsRoutes({ reviews: services.reviews })] : []),
    ...(services.search ? [synonymsRoutes({ search: services.search, audit: services.audit })] : []),
    ...(services.webhooks ? [webhooksRoutes({ webhooks: services.webhooks })] : []),
    ...(services.apiKeys ? [apiKeysRoutes({ apiKeys: services.apiKeys })] : []),
    ...(services.imports ? [importsRoutes({ imports: services.imports, logger: services.logger })] : []),
    ...(services.orders && services.payments ? [ordersRoutes({ ...services, orders: services.orders, payments: services.payments }), paymentsRoutes({ orders: services.orders, payments: services.payments })] : []),
  ]
}

/** Registers each route behind the guard of its permission. */
export function mountAdminRoutes(app: Hono<AppEnv>, tables: AdminRoute[][]): Hono<AppEnv> {
  for (const { method, path, permission, handlers } of tables.flat()) app.on(method, path, permit(permission), ...handlers)
  return app
}

/**
 * The staff back office at /admin: the staff session is resolved on every
 * request, every answer is `no-store`, and every route passes its
 * permission's guard. The request gate refuses form posts from other sites
 * or without the session's form token.
 */
export function adminRoutes(services: AdminServices): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
    .use(async (c, next) => {
      await next()
      c.header('Cache-Control', 'no-store')
    })
    .use(staffSession(services.gate, services.staff))
  return mountAdminRoutes(app, adminRouteTables(services))
}

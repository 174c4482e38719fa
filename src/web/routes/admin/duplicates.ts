import type { CatalogService } from '../../../catalog'
import type { AdminRoute } from './access'

/** The back office's duplicates screens. */
export function duplicatesRoutes(_services: { catalog: CatalogService }): AdminRoute[] {
  return []
}

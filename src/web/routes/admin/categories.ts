import type { CatalogService } from '../../../catalog'
import type { AdminRoute } from './access'

/** The back office's categories screens. */
export function categoriesRoutes(_services: { catalog: CatalogService }): AdminRoute[] {
  return []
}

import type { CatalogService, StaffListQuery } from '../../../catalog'
import type { OrderService } from '../../../commerce'
import type { Importer } from '../../../ingest'
import { dashboardPage, type Dashboard } from '../../pages/admin/dashboard'
import { may, route, type AdminRoute } from './access'

/** Books at or under this many copies count as low on the dashboard. */
export const LOW_STOCK = 3

/** The back office's front page: each part read only when the member's role may open what it links to. */
export function dashboardRoutes({ catalog, orders, importer }: { catalog: CatalogService; orders?: OrderService; importer?: Importer }): AdminRoute[] {
  // Each catalog figure is the count of the books list its link opens (which stops counting at 10,000).
  const listed = async (query: StaffListQuery) => (await catalog.staffList({ ...query, pageSize: 1 })).total
  return [
    route('GET', '/', 'staff.self', async (c) => {
      const role = c.var.staff!.role
      const view: Dashboard = { books: await catalog.countBooks() }
      if (orders && may(role, 'orders.read')) {
        const [today, counts] = await Promise.all([orders.today(), orders.counts()])
        const n = (status: string) => counts.get(status as never) ?? 0
        view.orders = { day: today.day, placed: today.orders, sales: today.sales, expiringToday: today.expiringToday, awaiting: n('awaiting_payment'), toShip: n('paid') + n('preparing'), returns: n('return_requested') }
      }
      if (may(role, 'catalog.read')) {
        const [lowStock, offSale, priceLaw, cover, description, toc, category] = await Promise.all([
          listed({ stockAtMost: LOW_STOCK }),
          listed({ offSale: true }),
          listed({ priceLaw: true }),
          ...(['cover', 'description', 'toc', 'category'] as const).map((m) => listed({ missing: [m] })),
        ])
        view.catalog = { lowStock: lowStock!, lowStockAt: LOW_STOCK, offSale: offSale!, priceLaw: priceLaw!, missing: { cover: cover!, description: description!, toc: toc!, category: category! } }
      }
      if (importer && may(role, 'imports.write')) view.imports = await importer.recentRuns(5)
      return c.html(dashboardPage(c.var.page, c.var.staff!, view))
    }),
  ]
}

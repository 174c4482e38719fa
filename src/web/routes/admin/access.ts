import type { Handler, MiddlewareHandler } from 'hono'
import type { StaffMember, StaffRole } from '../../../accounts'
import type { AppEnv } from '../../env'
import { href } from '../../pages/context'
import { errorPage } from '../../pages/error'

/** What a back-office route needs: one permission, given to roles in GRANTS. `signedOut`: the sign-in pages themselves. */
export type Permission =
  | 'signedOut'
  | 'staff.self'
  | 'catalog.read'
  | 'catalog.write'
  | 'orders.read'
  | 'orders.write'
  | 'imports.write'
  | 'audit.read'
  | 'staff.manage'
  | 'settings.write'

const READ: Permission[] = ['staff.self', 'catalog.read', 'orders.read', 'audit.read']

/** Which role may do what: the one table every back-office route is checked against. */
export const GRANTS: Record<StaffRole, readonly Permission[]> = {
  owner: [...READ, 'catalog.write', 'orders.write', 'imports.write', 'staff.manage', 'settings.write'],
  catalog: [...READ, 'catalog.write', 'imports.write'],
  orders: [...READ, 'orders.write'],
  viewer: READ,
}

export function may(role: StaffRole, permission: Permission): boolean {
  return permission === 'signedOut' || GRANTS[role].includes(permission)
}

/** One back-office route: its method, path (under /admin), the permission it needs and its handlers. */
export interface AdminRoute {
  method: 'GET' | 'POST'
  path: string
  permission: Permission
  handlers: Array<Handler<AppEnv> | MiddlewareHandler<AppEnv>>
}

export const route = (method: AdminRoute['method'], path: string, permission: Permission, ...handlers: AdminRoute['handlers']): AdminRoute => ({ method, path, permission, handlers })

/**
 * The guard in front of every back-office route: no staff session, the
 * sign-in page (303); a role without the permission, 403 in the staff
 * member's language. `c.var.staff` is set by the staff session middleware.
 */
export function permit(permission: Permission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (permission === 'signedOut') return next()
    const staff = c.var.staff
    if (!staff) return c.redirect(href(c.var.page, `/admin/sign-in?next=${encodeURIComponent(c.req.path)}`), 303)
    if (!may(staff.role, permission)) return c.html(errorPage(c.var.page, { status: 403 }), 403, { 'Cache-Control': 'no-store' })
    return next()
  }
}

/** Who made a change through the back office's forms, for the audit log. */
export const editedBy = (staff: StaffMember, via = 'form') => ({ actor: `staff:${staff.id}`, actorName: staff.name, via })

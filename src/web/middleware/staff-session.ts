import { createMiddleware } from 'hono/factory'
import type { StaffService } from '../../accounts'
import type { AppEnv } from '../env'
import type { Gate } from '../gate'
import { href, pageContext } from '../pages/context'

/** Where an owner without two-factor may still go: enrolment itself, and out. */
const BEFORE_ENROLMENT = new Set(['/admin/two-factor', '/admin/sign-out'])

/**
 * Resolves the `staff` cookie into `c.var.staff` on every back-office
 * request, reading the member's row each time (a role change or a revoked
 * session counts from the next request); a dead token has its cookie
 * cleared. Pages speak the member's chosen language unless ?lang= says
 * otherwise, and an owner without two-factor is sent to enrol first.
 */
export function staffSession(gate: Gate, staff: StaffService) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const visitor = c.var.visitor
    if (visitor.staffToken === undefined) return next()
    const member = visitor.staffToken ? await staff.session(visitor.staffToken) : undefined
    if (!member) {
      gate.staffSignOut(visitor)
      return next()
    }
    c.set('staff', member)
    const page = c.var.page
    if (!page.explicit && page.lang !== member.lang) c.set('page', pageContext({ lang: member.lang, explicit: false }, page.origin, page.path, page.formToken))
    if (member.role === 'owner' && !member.hasTwoFactor && !BEFORE_ENROLMENT.has(c.req.path)) return c.redirect(href(c.var.page, '/admin/two-factor'), 303)
    return next()
  })
}

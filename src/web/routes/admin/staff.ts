import type { Context } from 'hono'
import { STAFF_ROLES, type StaffRole, type StaffService } from '../../../accounts'
import { InputError } from '../../../core/errors'
import type { AppEnv } from '../../env'
import { staffListPage, type StaffListView } from '../../pages/admin/staff'
import { problemText } from '../../pages/admin/staff-problem'
import { href } from '../../pages/context'
import { route, type AdminRoute } from './access'
import { postedText } from './form'

export interface StaffDeps {
  staff: StaffService
  /** The store's public origin for the set-password link; absent, the request's own. */
  publicUrl?: string
}

const asRole = (value: string): StaffRole => {
  if (!(STAFF_ROLES as readonly string[]).includes(value)) throw new InputError('role', `expected one of ${STAFF_ROLES.join(', ')}`, { code: 'role_invalid' })
  return value as StaffRole
}

/** The owner's staff pages: who has access, adding a member (a link to hand over), roles, disabling, ending sessions. */
export function staffRoutes({ staff, publicUrl }: StaffDeps): AdminRoute[] {
  const linkUrl = (c: Context<AppEnv>, token: string) => `${publicUrl ?? new URL(c.req.url).origin}/admin/set-password?token=${token}`
  const page = async (c: Context<AppEnv>, view: Omit<StaffListView, 'members'>, status: 200 | 400 = 200) =>
    c.html(staffListPage(c.var.page, c.var.staff!, { ...view, members: await staff.list() }), status)
  const act = (action: string, run: (id: string, field: (name: string) => string) => Promise<void>) =>
    route('POST', `/staff/:id/${action}`, 'staff.manage', async (c) => {
      await run(c.req.param('id')!, await postedText(c))
      return c.redirect(href(c.var.page, '/admin/staff?done=1'), 303)
    })

  return [
    route('GET', '/staff', 'staff.manage', (c) => page(c, { done: c.req.query('done') === '1' })),
    route('POST', '/staff', 'staff.manage', async (c) => {
      const field = await postedText(c)
      const form = { email: field('email'), name: field('name'), role: field('role') }
      try {
        const { member, token } = await staff.add({ email: form.email, name: form.name, role: asRole(form.role) })
        return page(c, { link: { email: member.email, url: linkUrl(c, token) } })
      } catch (err) {
        if (!(err instanceof InputError)) throw err
        return page(c, { form, problem: problemText(c.var.page, err) }, 400)
      }
    }),
    act('role', (id, field) => staff.changeRole(id, asRole(field('role')))),
    act('disable', (id) => staff.disable(id)),
    act('revoke', (id) => staff.revokeSessions(id)),
    route('POST', '/staff/:id/link', 'staff.manage', async (c) => {
      const id = c.req.param('id')!
      const token = await staff.passwordLink(id)
      const member = (await staff.list()).find((m) => m.id === id)!
      return page(c, { link: { email: member.email, url: linkUrl(c, token) } })
    }),
  ]
}

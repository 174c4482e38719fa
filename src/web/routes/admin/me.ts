import type { StaffService } from '../../../accounts'
import { InputError } from '../../../core/errors'
import { mePage } from '../../pages/admin/me'
import { problemText } from '../../pages/admin/staff-problem'
import { enrolPage, recoveryCodesPage, twoFactorOnPage } from '../../pages/admin/two-factor'
import { href } from '../../pages/context'
import { route, type AdminRoute } from './access'
import { postedText } from './form'

/** A member's own settings: language, password, two-factor enrolment and recovery codes. */
export function meRoutes({ staff }: { staff: StaffService }): AdminRoute[] {
  return [
    route('GET', '/me', 'staff.self', (c) => c.html(mePage(c.var.page, c.var.staff!, { saved: c.req.query('saved') === '1' }))),
    route('POST', '/me/lang', 'staff.self', async (c) => {
      const lang = (await postedText(c))('lang') === 'en' ? 'en' : 'ko'
      await staff.setLang(c.var.staff!.id, lang)
      return c.redirect(`/admin/me?saved=1${lang === 'en' ? '&lang=en' : ''}`, 303)
    }),
    route('POST', '/me/password', 'staff.self', async (c) => {
      const field = await postedText(c)
      try {
        await staff.changePassword(c.var.staff!.id, field('current'), field('password'), c.var.visitor.staffToken ?? '')
        return c.redirect(href(c.var.page, '/admin/me?saved=1'), 303)
      } catch (err) {
        if (!(err instanceof InputError)) throw err
        return c.html(mePage(c.var.page, c.var.staff!, { problem: problemText(c.var.page, err) }), 400)
      }
    }),
    route('GET', '/two-factor', 'staff.self', async (c) => {
      const member = c.var.staff!
      if (member.hasTwoFactor) return c.html(twoFactorOnPage(c.var.page, member))
      return c.html(enrolPage(c.var.page, member, await staff.startTwoFactor(member.id)))
    }),
    route('POST', '/two-factor', 'staff.self', async (c) => {
      const member = c.var.staff!
      if (member.hasTwoFactor) return c.redirect(href(c.var.page, '/admin/two-factor'), 303)
      try {
        const codes = await staff.confirmTwoFactor(member.id, (await postedText(c))('code'))
        return c.html(recoveryCodesPage(c.var.page, { ...member, hasTwoFactor: true }, codes))
      } catch (err) {
        if (!(err instanceof InputError)) throw err
        return c.html(enrolPage(c.var.page, member, { ...(await staff.startTwoFactor(member.id)), problem: problemText(c.var.page, err) }), 400)
      }
    }),
    route('POST', '/two-factor/recovery-codes', 'staff.self', async (c) => {
      const member = c.var.staff!
      if (!member.hasTwoFactor) return c.redirect(href(c.var.page, '/admin/two-factor'), 303)
      return c.html(recoveryCodesPage(c.var.page, member, await staff.newRecoveryCodes(member.id)))
    }),
  ]
}

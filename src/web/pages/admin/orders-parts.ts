import type { StaffMember } from '../../../accounts'
import type { Order } from '../../../commerce'
import type { ErrorParams } from '../../../core/errors'
import type { SafeHtml } from '../../html'
import { fill, formatMoney } from '../../i18n'
import { errorMessage } from '../../messages'
import type { PageContext } from '../context'
import { seoulTime, statusWord } from '../order'
import { staffLayout } from './layout'
import { officeWords, type OfficeWords } from './orders-words'

export { seoulTime, statusWord }

export const wordsOf = (ctx: PageContext): OfficeWords => officeWords[ctx.lang]

/** A word by a key built from data (a status, a code), or the fallback when there is none. */
export const wordFor = (w: OfficeWords, key: string, fallback: string): string => (w as Record<string, string>)[key] ?? fallback

export const money = (ctx: PageContext, order: Pick<Order, 'currency'>, n: number) => formatMoney(ctx.lang, n, order.currency)

/** A refused step's reason in the staff member's language: this screen's own words first, then the store's messages. */
export function refusalText(ctx: PageContext, refusal: { code: string; field?: string; params?: ErrorParams }): string {
  const own = (officeWords[ctx.lang] as Record<string, string>)[`error_${refusal.code}`]
  return own ? fill(own, refusal.params ?? {}) : errorMessage(ctx.lang, refusal.code, refusal.field, refusal.params ?? {})
}

/** The back office's frame for the order screens: the staff layout, with Orders marked in its navigation. */
export function officeLayout(ctx: PageContext, staff: StaffMember | undefined, title: string, body: SafeHtml): string {
  return staffLayout(ctx, staff, { title, path: '/admin/orders' }, body)
}

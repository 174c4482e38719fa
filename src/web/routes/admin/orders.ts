import { z } from 'zod'
import type { StaffMember, StaffService } from '../../../accounts'
import type { Order, OrderService } from '../../../commerce'
import { InputError, NotFoundError } from '../../../core/errors'
import type { PaymentsService } from '../../../payments'
import { href } from '../../pages/context'
import { ordersQueuePage } from '../../pages/admin/orders'
import { ORDER_ACTIONS, orderOfficePage, type OrderAction } from '../../pages/admin/orders-detail'
import { packingSlipsPage } from '../../pages/admin/orders-slips'
import { trackingReportPage } from '../../pages/admin/orders-tracking'
import { may, route, type AdminRoute } from './access'
import { courierCsv } from './orders-courier'
import { queueQuery, queueView } from './orders-queues'
import { refusalOf, uploadedFile } from './orders-forms'
import { applyTracking, parseTrackingCsv } from './orders-tracking'

export interface OrdersOfficeDeps {
  orders: OrderService
  payments: PaymentsService
  /** Names the staff in an order's timeline (recorded as staff:<id>). */
  staff?: Pick<StaffService, 'list'>
}

const ORDER_NUMBER = /^\d{8}-\d{6}$/
/** How many orders one packing-slip page or courier file takes. */
const MAX_SELECTED = 300

const actorOf = (staff: StaffMember) => `staff:${staff.id}`
const seoulStamp = (now = new Date()) => new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '')

/** The selected numbers, as repeated `numbers=` fields or comma-separated, each once, in the order chosen. */
async function selected(orders: OrderService, raw: string[]): Promise<Order[]> {
  const numbers = [...new Set(raw.flatMap((v) => v.split(',')).map((v) => v.trim()))].filter((n) => ORDER_NUMBER.test(n)).slice(0, MAX_SELECTED)
  const found = await Promise.all(numbers.map((n) => orders.byNumber(n).catch((err: unknown) => (err instanceof NotFoundError ? undefined : Promise.reject(err)))))
  return found.filter((o): o is Order => o !== undefined)
}

const reasonField = z.string().trim().min(1).max(500)

/** Each action of an order's page: the one domain call it makes. */
function step(deps: OrdersOfficeDeps, action: OrderAction, number: string, form: Record<string, string>, actor: string): Promise<unknown> {
  const { orders, payments } = deps
  switch (action) {
    case 'pay':
      return payments.confirmDeposit(number, actor).then((paid) => {
        if (!paid) throw new InputError('number', `order ${number} was paid already`, { code: 'order_paid_already', params: { number } })
      })
    case 'prepare':
      return orders.prepare(number, actor)
    case 'ship':
      return orders.ship(number, form.carrier ?? '', form.trackingNumber ?? '', actor)
    case 'deliver':
      return orders.deliver(number, actor)
    case 'cancel': {
      const reason = reasonField.safeParse(form.reason ?? '')
      if (!reason.success) throw new InputError('reason', 'a reason of 1 to 500 characters is required', { code: 'reason_required' })
      return orders.cancel(number, actor, reason.data)
    }
    case 'receive':
      return orders.receiveReturn(number, actor)
    case 'refund':
      return orders.refund(number, actor)
  }
}

/** Staff names by id, when the order's timeline has steps by staff. */
async function staffNames(deps: OrdersOfficeDeps, order: Order): Promise<Map<string, string>> {
  if (!deps.staff || !order.events.some((e) => e.actor.startsWith('staff:'))) return new Map()
  return new Map((await deps.staff.list()).map((m) => [m.id, m.name]))
}

const textFields = (body: Record<string, unknown>) => Object.fromEntries(Object.entries(body).flatMap(([k, v]) => (typeof v === 'string' && k !== '_csrf' ? [[k, v]] : [])))

/** The order screens: queues, an order's page and its steps, packing slips, the courier file and the tracking upload. */
export const ordersRoutes = (deps: OrdersOfficeDeps): AdminRoute[] => [
  route('GET', '/orders', 'orders.read', async (c) => {
    const staff = c.var.staff!
    const view = await queueView(deps.orders, queueQuery.parse(c.req.query()))
    return c.html(ordersQueuePage(c.var.page, staff, { ...view, canWrite: may(staff.role, 'orders.write') }))
  }),
  // Declared before /orders/:number, which would otherwise take these paths as order numbers.
  route('GET', '/orders/slips', 'orders.read', async (c) => c.html(packingSlipsPage(c.var.page, c.var.staff, await selected(deps.orders, c.req.queries('numbers') ?? [])))),
  route('GET', '/orders/courier.csv', 'orders.read', async (c) => {
    const csv = courierCsv(await selected(deps.orders, c.req.queries('numbers') ?? []))
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="courier-${seoulStamp()}.csv"` })
  }),
  route('POST', '/orders/tracking', 'orders.write', async (c) => {
    const file = await uploadedFile(c)
    const report = await applyTracking(deps.orders, parseTrackingCsv(file?.bytes ?? Buffer.alloc(0)), actorOf(c.var.staff!))
    const isUnread = report.problems.length > 0 && report.shipped.length + report.unchanged.length + report.refused.length + report.unknown.length === 0
    return c.html(trackingReportPage(c.var.page, c.var.staff, report), isUnread ? 400 : 200)
  }),
  route('GET', '/orders/:number', 'orders.read', async (c) => {
    const staff = c.var.staff!
    const order = await deps.orders.byNumber(c.req.param('number') ?? '')
    const done = ORDER_ACTIONS.find((a) => a === c.req.query('done'))
    return c.html(orderOfficePage(c.var.page, staff, { order, canWrite: may(staff.role, 'orders.write'), done, staffNames: await staffNames(deps, order) }))
  }),
  ...ORDER_ACTIONS.map((action) =>
    route('POST', `/orders/:number/${action}`, 'orders.write', async (c) => {
      const staff = c.var.staff!
      const number = c.req.param('number') ?? ''
      const form = textFields(await c.req.parseBody())
      try {
        await step(deps, action, number, form, actorOf(staff))
      } catch (err) {
        const refused = refusalOf(err)
        if (!refused) throw err
        const order = await deps.orders.byNumber(number)
        const view = { order, canWrite: true, refusal: refused.refusal, posted: form, staffNames: await staffNames(deps, order) }
        return c.html(orderOfficePage(c.var.page, staff, view), refused.status)
      }
      return c.redirect(href(c.var.page, `/admin/orders/${number}?done=${action}`), 303)
    }),
  ),
]

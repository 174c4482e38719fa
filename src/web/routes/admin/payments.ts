import type { Context } from 'hono'
import type { Order, OrderService } from '../../../commerce'
import { NotFoundError } from '../../../core/errors'
import type { PaymentsService, StatementReport } from '../../../payments'
import type { AppEnv } from '../../env'
import { statementsPage, type StatementsView } from '../../pages/admin/payments'
import { href } from '../../pages/context'
import { may, route, type AdminRoute } from './access'
import { refusalOf, uploadedFile, type Refusal } from './orders-forms'

export interface PaymentsOfficeDeps {
  orders: OrderService
  payments: PaymentsService
}

/** The orders a screen proposes for deposits, by number (one gone since is left out). */
async function candidateOrders(orders: OrderService, lists: Array<StatementReport['ambiguous']>): Promise<Map<string, Order>> {
  const numbers = [...new Set(lists.flat().flatMap((a) => a.candidates))]
  const found = await Promise.all(numbers.map((n) => orders.byNumber(n).catch((err: unknown) => (err instanceof NotFoundError ? undefined : Promise.reject(err)))))
  return new Map(found.filter((o): o is Order => o !== undefined).map((o) => [o.number, o]))
}

/** The statement screen: what an import did (when it answers one) above every deposit still waiting for a person. */
async function render(c: Context<AppEnv>, deps: PaymentsOfficeDeps, extra: Partial<StatementsView> & { refusal?: Refusal }, status: 200 | 400 | 404 | 409 | 502 = 200) {
  const staff = c.var.staff!
  const undecided = await deps.payments.undecidedDeposits()
  const candidates = await candidateOrders(deps.orders, [undecided.ambiguous, extra.report?.ambiguous ?? []])
  return c.html(statementsPage(c.var.page, staff, { undecided, candidates, canWrite: may(staff.role, 'orders.write'), ...extra }), status)
}

const NUMBER = /^\d{8}-\d{6}$/

/** Bank statements: import one, and decide the deposits it could not match. */
export const paymentsRoutes = (deps: PaymentsOfficeDeps): AdminRoute[] => [
  route('GET', '/payments/statements', 'orders.read', async (c) => {
    const assigned = c.req.query('assigned')
    return render(c, deps, { assigned: assigned && NUMBER.test(assigned) ? assigned : undefined })
  }),
  route('POST', '/payments/statements', 'orders.write', async (c) => {
    const file = await uploadedFile(c)
    const report = await deps.payments.importStatement(file?.bytes ?? Buffer.alloc(0), file?.name || 'statement.csv', `staff:${c.var.staff!.id}`)
    const isUnread = report.read === 0 && report.errors.length > 0
    return render(c, deps, { report }, isUnread ? 400 : 200)
  }),
  route('POST', '/payments/deposits/:key/assign', 'orders.write', async (c) => {
    const number = String((await c.req.parseBody()).number ?? '').trim()
    try {
      await deps.payments.assignDeposit(c.req.param('key') ?? '', number, `staff:${c.var.staff!.id}`)
    } catch (err) {
      const refused = refusalOf(err, number)
      if (!refused) throw err
      return render(c, deps, { refusal: refused.refusal }, refused.status)
    }
    return c.redirect(href(c.var.page, `/admin/payments/statements?assigned=${number}`), 303)
  }),
]

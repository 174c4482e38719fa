import { readFileSync } from 'node:fs'
import { CARRIERS, carrierCode, ORDER_STATUSES, trackingUrl, type Order, type OrderStatus, type TrackingNumber } from '../../commerce'
import { loadConfig } from '../../core/config'
import { InputError, NotFoundError } from '../../core/errors'
import { createLogger } from '../../core/logger'
import { PortOneRefusedError, PortOneUnavailableError, type StatementReport } from '../../payments'
import { openStore } from '../../store'
import { intOption, type Command } from '../args'
import { buildServices, type Services } from '../services'

const ACTIONS = ['list', 'show', 'pay', 'prepare', 'ship', 'deliver', 'cancel', 'return', 'receive', 'refund', 'expire', 'import-statement'] as const
type Action = (typeof ACTIONS)[number]

/** What each action needs besides its name, checked before the database is opened. */
interface Request {
  action: Action
  target: string
  limit: number
  values: Record<string, string | boolean | undefined>
}

const won = (n: number) => n.toLocaleString('en-US')
const seoul = (iso: string | null) => (iso ? new Date(new Date(iso).getTime() + 9 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') + ' KST' : '-')

function readRequest(values: Request['values'], positionals: string[]): Request {
  const [action, target = '', ...extra] = positionals
  if (!ACTIONS.includes(action as Action)) throw new InputError('orders', `expected one of ${ACTIONS.join(', ')}, got "${action ?? ''}"`)
  const needsTarget = !['list', 'expire'].includes(action!)
  if (needsTarget && !target) throw new InputError(`orders ${action}`, action === 'import-statement' ? 'name the statement FILE' : 'name the order NUMBER')
  if (extra.length > 0 || (!needsTarget && target)) throw new InputError(`orders ${action}`, `unexpected argument "${extra[0] ?? target}"`)
  const flag = (name: string) => {
    if (typeof values[name] !== 'string' || values[name] === '') throw new InputError(`orders ${action}`, `--${name} is required`)
  }
  if (action === 'ship') ['carrier', 'tracking'].forEach(flag)
  if (action === 'cancel' || action === 'return') flag('reason')
  if (typeof values.status === 'string') {
    const wrong = values.status.split(',').find((s) => !ORDER_STATUSES.includes(s as OrderStatus))
    if (wrong !== undefined) throw new InputError('--status', `expected ${ORDER_STATUSES.join(', ')} (comma-separated), got "${wrong}"`)
  }
  return { action: action as Action, target, limit: intOption('limit', values.limit, 50, 1), values }
}

async function act({ action, target, limit, values }: Request, services: Services, actor: string): Promise<string> {
  const { orders, payments } = services
  const text = (name: string) => String(values[name])
  switch (action) {
    case 'list': {
      const statuses = typeof values.status === 'string' ? (values.status.split(',') as OrderStatus[]) : ORDER_STATUSES
      const found = await orders.withStatus(statuses, limit)
      return found.map((o) => `${o.number}  ${o.status.padEnd(16)} ${seoul(o.placedAt)}  ${o.paymentMethod.padEnd(13)} ${won(o.total).padStart(10)} ${o.currency}  ${o.buyer.name}`).join('\n') || 'no orders'
    }
    case 'show':
      return showOrder(await orders.byNumber(target))
    case 'pay':
      return (await payments.confirmDeposit(target, actor)) ? `${target}: paid` : `${target}: was paid already; nothing changed`
    case 'prepare':
      return orders.prepare(target, actor).then(() => `${target}: preparing`)
    case 'ship':
      return orders.ship(target, text('carrier'), text('tracking'), actor).then(() => `${target}: shipped`)
    case 'deliver':
      return orders.deliver(target, actor).then(() => `${target}: delivered`)
    case 'cancel':
      return orders.cancel(target, actor, text('reason')).then(() => `${target}: cancelled`)
    case 'return':
      return orders.requestReturn(target, actor, text('reason')).then(() => `${target}: return requested`)
    case 'receive':
      return orders.receiveReturn(target, actor).then(() => `${target}: returned`)
    case 'refund':
      return orders.refund(target, actor).then(() => `${target}: refunded`)
    case 'expire': {
      const { cancelled, paid } = await payments.expireOverdue()
      return [`${cancelled.length} cancelled, ${paid.length} found paid`, ...cancelled.map((n) => `  cancelled ${n}`), ...paid.map((n) => `  paid      ${n}`)].join('\n')
    }
    case 'import-statement':
      return statementSummary(await payments.importStatement(readStatement(target), target, actor))
  }
}

function readStatement(file: string): Buffer {
  try {
    return readFileSync(file)
  } catch (e) {
    throw new InputError(`cannot read ${file}`, /^E[A-Z]+: ([^,]+)/.exec((e as Error).message)?.[1] ?? (e as Error).message)
  }
}

function showOrder(o: Order): string {
  const d = o.delivery
  const carrier = carrierCode.safeParse(o.carrier)
  const tracking = carrier.success && o.trackingNumber ? `${CARRIERS[carrier.data].name.en} ${o.trackingNumber}  ${trackingUrl(carrier.data, o.trackingNumber as TrackingNumber)}` : '-'
  return [
    `Order ${o.number}  ${o.status}  (${o.paymentMethod}${o.depositorName ? `, depositor ${o.depositorName}` : ''})`,
    `Placed     ${seoul(o.placedAt)}   pay by ${seoul(o.payBy)}   paid ${seoul(o.paidAt)}`,
    `Buyer      ${o.buyer.name}  ${o.buyer.phone}  ${o.buyer.email}`,
    `Deliver to ${d.recipientName}  ${d.recipientPhone}`,
    `           (${d.postalCode}) ${d.address} ${d.addressDetail}`.trimEnd(),
    ...(d.note ? [`           note: ${d.note}`] : []),
    `Shipping   ${tracking}${o.arrivesOn ? `   arrives ${o.arrivesOn}` : ''}${o.deliveredAt ? `   delivered ${seoul(o.deliveredAt)}` : ''}`,
    'Lines',
    ...o.lines.map((l) => `  ${l.isbn13}  ${l.title}  × ${l.quantity}  at ${won(l.unitPrice)} (list ${won(l.listPrice)})  = ${won(l.unitPrice * l.quantity)}`),
    `Money      books ${won(o.booksTotal)} + shipping ${won(o.shippingFee)} - points ${won(o.pointsSpent)} = ${won(o.total)} ${o.currency}   points earned ${won(o.pointsEarned)}`,
    'Timeline',
    ...o.events.map((e) => `  ${seoul(e.at)}  ${(e.from ?? '-').padEnd(16)} → ${e.to.padEnd(16)} ${e.actor}${e.reason ? `  (${e.reason})` : ''}`),
  ].join('\n')
}

function statementSummary(r: StatementReport): string {
  const deposit = (l: StatementReport['matched'][number]['line']) => `line ${l.line}  ${l.date}  ${l.depositor}  ${won(l.amount)}`
  const why = { no_amount: 'no order awaits that amount', no_name: 'orders of that amount, none in that name' }
  return [
    `${r.file}: ${r.read} deposits read, ${r.matched.length} matched, ${r.ambiguous.length} ambiguous, ${r.unmatched.length} unmatched, ${r.repeated} imported before, ${r.errors.length} errors`,
    ...r.matched.map((m) => `  matched    ${deposit(m.line)} → ${m.orderNumber}`),
    ...r.ambiguous.map((a) => `  ambiguous  ${deposit(a.line)} → ${a.candidates.join(' or ')}?`),
    ...r.unmatched.map((u) => `  unmatched  ${deposit(u.line)}: ${why[u.reason]}`),
    ...r.errors.map((e) => `  error      ${e.file}:${e.line}:${e.field}: ${e.message}`),
  ].join('\n')
}

/** A step the order cannot take, an order that is not there, PortOne saying no: told, and the exit status is 1. */
const isRefusal = (err: unknown) => err instanceof InputError || err instanceof NotFoundError || err instanceof PortOneRefusedError || err instanceof PortOneUnavailableError

export const ordersCommand: Command = {
  name: 'orders',
  summary: 'list, show and move orders; bank statements; the payment deadline',
  usage: `colophon orders list [--status S[,S…]] [--limit N]
colophon orders show NUMBER
colophon orders pay NUMBER                  a bank transfer's deposit seen by hand
colophon orders prepare|deliver|receive|refund NUMBER
colophon orders ship NUMBER --carrier cj|epost|hanjin|lotte|logen --tracking N
colophon orders cancel|return NUMBER --reason TEXT
colophon orders expire                      cancel orders past their payment deadline (for cron)
colophon orders import-statement FILE       pay the orders a bank statement's deposits match

Works on COLOPHON_DB as staff:$USER. Each step sends its mail to the buyer
(COLOPHON_SMTP_URL, else COLOPHON_MAIL_OUTBOX) before the command ends.
Importing the same statement again credits nothing twice.

Exit status: 0 when done; 1 when the order cannot take the step (the reason
is printed); 2 for wrong arguments.`,
  options: { status: { type: 'string' }, limit: { type: 'string' }, carrier: { type: 'string' }, tracking: { type: 'string' }, reason: { type: 'string' } },
  async run(values, positionals) {
    const request = readRequest(values, positionals)
    const config = loadConfig()
    const store = await openStore(config.COLOPHON_DB)
    // stdout carries the answer; warnings (a mail not delivered, PortOne not answering) go to stderr.
    const services = buildServices(store, createLogger(config.COLOPHON_LOG_LEVEL === 'info' ? 'warn' : config.COLOPHON_LOG_LEVEL, process.stderr))
    try {
      process.stdout.write((await act(request, services, `staff:${process.env.USER || 'cli'}`)) + '\n')
    } catch (err) {
      if (!isRefusal(err)) throw err
      process.stderr.write(`colophon orders ${request.action}: ${(err as Error).message}\n`)
      process.exitCode = 1
    } finally {
      await services.orderMailQueued()
      await services.mail.deliverDue()
      await services.mail.close()
      await store.close()
    }
  },
}

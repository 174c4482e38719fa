import type { StaffMember } from '../../../accounts'
import { canMove, CARRIERS, carrierCode, trackingUrl, type Order, type TrackingNumber } from '../../../commerce'
import type { ErrorParams } from '../../../core/errors'
import { html, type SafeHtml } from '../../html'
import { fill } from '../../i18n'
import { href, type PageContext } from '../context'
import { formFields } from '../parts'
import { money, officeLayout, refusalText, seoulTime, statusWord, wordFor, wordsOf } from './orders-parts'

/** The steps staff take from an order's page; each is `POST /admin/orders/:number/<action>`. */
export const ORDER_ACTIONS = ['pay', 'prepare', 'ship', 'deliver', 'cancel', 'receive', 'refund'] as const
export type OrderAction = (typeof ORDER_ACTIONS)[number]

export interface OrderOfficeView {
  order: Order
  /** The staff member's role may move orders. */
  canWrite: boolean
  done?: OrderAction
  refusal?: { code: string; field?: string; params?: ErrorParams }
  /** What was typed into the form that was refused, to type again less. */
  posted?: Record<string, string>
  /** Staff names by id, for the timeline's staff:<id> actors. */
  staffNames?: Map<string, string>
}

/** The steps the order's state allows now (the domain refuses any other). */
export function actionsFor(order: Order): OrderAction[] {
  const allowed: Record<OrderAction, boolean> = {
    pay: order.status === 'awaiting_payment' && order.paymentMethod === 'bank_transfer',
    prepare: canMove(order.status, 'preparing'),
    ship: canMove(order.status, 'shipped'),
    // Return requested → delivered (a return turned down) is not offered here.
    deliver: order.status === 'shipped',
    cancel: canMove(order.status, 'cancelled'),
    receive: canMove(order.status, 'returned'),
    refund: canMove(order.status, 'refunded'),
  }
  return ORDER_ACTIONS.filter((a) => allowed[a])
}

export function orderOfficePage(ctx: PageContext, staff: StaffMember | undefined, view: OrderOfficeView): string {
  const w = wordsOf(ctx)
  const { order } = view
  const title = fill(w.order, { number: order.number })
  return officeLayout(
    ctx,
    staff,
    title,
    html`<p><a href="${href(ctx, `/admin/orders?queue=${order.status}`)}">${w.orders}</a> › ${order.number}</p>
<h1>${title} <span class="badge">${statusWord(ctx, order.status)}</span></h1>
${view.done ? html`<p class="flash" role="status">${wordFor(w, `done_${view.done}`, '')}</p>` : ''}
${view.refusal ? html`<p class="flash error" role="alert">${fill(w.refused, { reason: refusalText(ctx, view.refusal) })}</p>` : ''}
${actionsBlock(ctx, view)}
<div class="office-facts">${customerBlock(ctx, order)}${deliveryBlock(ctx, order)}${paymentBlock(ctx, order)}${shippingBlock(ctx, order)}</div>
${linesBlock(ctx, order)}
${timelineBlock(ctx, order, view.staffNames ?? new Map())}`,
  )
}

function actionsBlock(ctx: PageContext, view: OrderOfficeView): SafeHtml {
  const w = wordsOf(ctx)
  const actions = actionsFor(view.order)
  const body = !view.canWrite ? html`<p>${w.readOnly}</p>` : actions.length ? actions.map((a) => actionForm(ctx, view, a)) : html`<p>${w.noActions}</p>`
  return html`<section aria-labelledby="actions-heading" class="order-actions"><h2 id="actions-heading">${w.actions}</h2>${body}</section>`
}

function actionForm(ctx: PageContext, view: OrderOfficeView, action: OrderAction): SafeHtml {
  const w = wordsOf(ctx)
  const { order } = view
  const posted = view.posted ?? {}
  const open = (fields: SafeHtml | string, label: string) =>
    html`<form class="order-action" action="${href(ctx, `/admin/orders/${order.number}/${action}`)}" method="post">${formFields(ctx)}${fields}<button class="btn" type="submit">${label}</button></form>`
  if (action === 'ship') {
    const chosen = posted.carrier ?? 'cj'
    const options = Object.values(CARRIERS).map((c) => html`<option value="${c.code}"${c.code === chosen ? html` selected` : ''}>${c.name[ctx.lang]}</option>`)
    return open(
      html`<div class="field"><label for="ship-carrier">${w.carrier}</label><select id="ship-carrier" name="carrier">${options}</select></div>
<div class="field"><label for="ship-tracking">${w.trackingNumber}</label><input id="ship-tracking" name="trackingNumber" inputmode="numeric" autocomplete="off" required value="${posted.trackingNumber ?? ''}"></div>`,
      w.action_ship,
    )
  }
  if (action === 'cancel') {
    return open(
      html`<div class="field"><label for="cancel-reason">${w.cancelReason}</label><input id="cancel-reason" name="reason" required maxlength="500" value="${posted.reason ?? ''}"></div>`,
      order.paidAt ? w.action_cancelRefund : w.action_cancel,
    )
  }
  return open('', wordFor(w, `action_${action}`, action))
}

function facts(heading: string, id: string, rows: Array<[string, SafeHtml | string]>): SafeHtml {
  return html`<section aria-labelledby="${id}"><h2 id="${id}">${heading}</h2><dl class="specs">${rows.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl></section>`
}

function customerBlock(ctx: PageContext, order: Order): SafeHtml {
  const w = wordsOf(ctx)
  const who = order.customerId
    ? html`${fill(w.member, { id: order.customerId })} · <a href="${href(ctx, `/admin/orders?q=${encodeURIComponent(order.buyer.email)}`)}">${w.memberOrders}</a>`
    : html`${w.guest}`
  return facts(w.customer, 'customer-heading', [[w.customer, who], [w.name, order.buyer.name], [w.phone, order.buyer.phone], [w.email, order.buyer.email]])
}

function deliveryBlock(ctx: PageContext, order: Order): SafeHtml {
  const w = wordsOf(ctx)
  const d = order.delivery
  return facts(w.delivery, 'delivery-heading', [
    [w.recipient, d.recipientName],
    [w.phone, d.recipientPhone],
    [w.address, html`(${d.postalCode}) ${d.address} ${d.addressDetail}`],
    ...(d.note ? [[w.note, d.note] as [string, string]] : []),
  ])
}

function paymentBlock(ctx: PageContext, order: Order): SafeHtml {
  const w = wordsOf(ctx)
  const rows: Array<[string, SafeHtml | string]> = [
    [w.method, wordFor(w, `method_${order.paymentMethod}`, order.paymentMethod)],
    [w.paidAt, order.paidAt ? html`<time datetime="${order.paidAt}">${seoulTime(ctx.lang, order.paidAt)}</time>` : w.notPaid],
  ]
  if (!order.paidAt && order.payBy) rows.push([w.payBy, html`<time datetime="${order.payBy}">${seoulTime(ctx.lang, order.payBy)}</time>`])
  if (order.paymentMethod === 'card' && order.paymentId) rows.push([w.paymentId, html`<code>${order.paymentId}</code>`])
  if (order.paymentMethod === 'bank_transfer') rows.push([w.depositor, order.depositorName || order.buyer.name])
  return facts(w.payment, 'payment-heading', rows)
}

function shippingBlock(ctx: PageContext, order: Order): SafeHtml {
  const w = wordsOf(ctx)
  const code = carrierCode.safeParse(order.carrier)
  if (!code.success || !order.trackingNumber) return html``
  const url = trackingUrl(code.data, order.trackingNumber as TrackingNumber)
  const rows: Array<[string, SafeHtml | string]> = [
    [w.carrier, CARRIERS[code.data].name[ctx.lang]],
    [w.trackingNumber, html`<a href="${url}" rel="noopener noreferrer">${order.trackingNumber}</a>`],
  ]
  if (order.deliveredAt) rows.push([w.deliveredAt, html`<time datetime="${order.deliveredAt}">${seoulTime(ctx.lang, order.deliveredAt)}</time>`])
  return facts(w.shipping, 'shipping-heading', rows)
}

function linesBlock(ctx: PageContext, order: Order): SafeHtml {
  const w = wordsOf(ctx)
  const m = (n: number) => money(ctx, order, n)
  const rows = order.lines.map(
    (l) =>
      html`<tr><th scope="row"><a href="${href(ctx, `/books/${l.isbn13}`)}">${l.title}</a><br><small>${l.isbn13}</small></th><td class="num">${m(l.listPrice)}</td><td class="num">${m(l.unitPrice)}</td><td class="num">${l.quantity}</td><td class="num">${m(l.discount)}</td><td class="num">${m(l.points)}</td><td class="num">${m(l.unitPrice * l.quantity)}</td></tr>`,
  )
  return html`<section aria-labelledby="lines-heading"><h2 id="lines-heading">${w.lines}</h2>
<table class="cart-table"><thead><tr><th scope="col">${w.book}</th><th scope="col" class="num">${w.listPrice}</th><th scope="col" class="num">${w.unitPrice}</th><th scope="col" class="num">${w.quantity}</th><th scope="col" class="num">${w.discount}</th><th scope="col" class="num">${w.points}</th><th scope="col" class="num">${w.lineTotal}</th></tr></thead><tbody>${rows}</tbody></table>
<dl class="specs cart-summary"><dt>${w.booksTotal}</dt><dd class="num">${m(order.booksTotal)}</dd><dt>${w.shippingFee}</dt><dd class="num">${m(order.shippingFee)}</dd>
${order.pointsSpent ? html`<dt>${w.pointsSpent}</dt><dd class="num">−${m(order.pointsSpent)}</dd>` : ''}<dt>${w.total}</dt><dd class="num"><strong>${m(order.total)}</strong></dd>
${order.customerId ? html`<dt>${w.pointsEarned}</dt><dd class="num">${m(order.pointsEarned)}</dd>` : ''}</dl></section>`
}

/** Every step with who took it (the actor as recorded: staff:<id>, customer:<id>, bank…), when and why. */
function timelineBlock(ctx: PageContext, order: Order, staffNames: Map<string, string>): SafeHtml {
  const w = wordsOf(ctx)
  const who = (actor: string) => {
    const name = actor.startsWith('staff:') ? staffNames.get(actor.slice('staff:'.length)) : undefined
    return name ? html`${name} <small><code>${actor}</code></small>` : html`<code>${actor}</code>`
  }
  const rows = order.events.map(
    (e) =>
      html`<tr><td><time datetime="${e.at}">${seoulTime(ctx.lang, e.at)}</time></td><td>${e.from ? html`${statusWord(ctx, e.from)} → ` : ''}${statusWord(ctx, e.to)}</td><td>${who(e.actor)}</td><td>${e.reason ?? ''}</td></tr>`,
  )
  return html`<section aria-labelledby="timeline-heading"><h2 id="timeline-heading">${w.timeline}</h2>
<table class="cart-table"><thead><tr><th scope="col">${w.colWhen}</th><th scope="col">${w.colStep}</th><th scope="col">${w.colWho}</th><th scope="col">${w.colWhy}</th></tr></thead><tbody>${rows}</tbody></table></section>`
}

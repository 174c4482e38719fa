import { CARRIERS, carrierCode, trackingUrl, type BankAccount, type Order, type OrderEvent, type OrderStatus, type TrackingNumber } from '../../commerce'
import { assets } from '../assets'
import { html, type SafeHtml } from '../html'
import { fill, formatDate, formatMoney, type Lang } from '../i18n'
import { href, type PageContext } from './context'
import { layout } from './layout'
import { orderWords, type OrderWords } from './order-words'
import { formFields } from './parts'

export interface OrderView {
  order: Order
  bank: BankAccount
  /** Set when the shopper may act on the order from this page (its owner, not a lookup). */
  canAct: boolean
  /** The outcome of a card payment just tried, to tell the shopper. */
  cardOutcome?: 'pending' | 'refused'
  /** PortOne's browser script and the window's parameters, for a card order still to pay. */
  cardWindow?: { sdkUrl: string; params: object }
  /** Line titles in the page's language, by ISBN; a line without one keeps the title it was bought under. */
  titles?: Record<string, string>
}

const seoulFormat = (lang: Lang) => new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-GB', { timeZone: 'Asia/Seoul', dateStyle: 'medium', timeStyle: 'short' })
const FORMATS = { ko: seoulFormat('ko'), en: seoulFormat('en') }
export const seoulTime = (lang: Lang, iso: string) => FORMATS[lang].format(new Date(iso))

export function statusWord(ctx: PageContext, status: OrderStatus): string {
  return (ctx.t as unknown as Record<string, string>)[`orderStatus_${status}`] ?? status
}

function actorWord(w: OrderWords, actor: string): string {
  const kind = actor.split(':')[0]!
  return (w as unknown as Record<string, string>)[`actor_${kind}`] ?? kind
}

function reasonWord(w: OrderWords, reason: string | null): string {
  if (!reason) return ''
  return (w as unknown as Record<string, string>)[`reason_${reason}`] ?? reason
}

function timeline(ctx: PageContext, w: OrderWords, events: OrderEvent[]): SafeHtml {
  return html`<ol class="timeline">${events.map(
    (e) => html`<li><time datetime="${e.at}">${seoulTime(ctx.lang, e.at)}</time> ${statusWord(ctx, e.to)} <small>(${actorWord(w, e.actor)}${e.reason ? html`: ${reasonWord(w, e.reason)}` : ''})</small></li>`,
  )}</ol>`
}

/** The receipt: each line's 정가, 판매가, 할인 and 적립, the money, and the tax note. */
function receipt(ctx: PageContext, w: OrderWords, order: Order, titles: Record<string, string> = {}): SafeHtml {
  const money = (n: number) => formatMoney(ctx.lang, n, order.currency)
  const rows = order.lines.map(
    (l) => html`<tr><td><a href="${href(ctx, `/books/${l.isbn13}`)}">${titles[l.isbn13] ?? l.title}</a></td><td class="num">${money(l.listPrice)}</td><td class="num">${money(l.unitPrice)}</td><td class="num">${l.quantity}</td><td class="num">${money(l.discount)}</td><td class="num">${money(l.points)}</td><td class="num">${money(l.unitPrice * l.quantity)}</td></tr>`,
  )
  return html`<table class="cart-table"><caption class="vh">${w.receipt}</caption><thead><tr><th scope="col">${w.book}</th><th scope="col" class="num">${w.lineListPrice}</th><th scope="col" class="num">${w.lineUnitPrice}</th><th scope="col" class="num">${w.lineQuantity}</th><th scope="col" class="num">${w.lineDiscount}</th><th scope="col" class="num">${w.linePoints}</th><th scope="col" class="num">${w.lineTotal}</th></tr></thead><tbody>${rows}</tbody></table>
<dl class="specs cart-summary"><dt>${w.booksTotal}</dt><dd class="num">${money(order.booksTotal)}</dd>
<dt>${w.shipping}</dt><dd class="num">${order.shippingFee ? money(order.shippingFee) : w.free}</dd>
${order.pointsSpent ? html`<dt>${w.pointsUsed}</dt><dd class="num">−${money(order.pointsSpent)}</dd>` : ''}
${order.customerId ? html`<dt>${w.pointsEarned}</dt><dd class="num">${money(order.pointsEarned)}</dd>` : ''}</dl>
<p class="cart-total">${w.toPay}: ${money(order.total)}</p>
<p><small>${w.vatExempt}</small></p>`
}

function depositBox(ctx: PageContext, w: OrderWords, order: Order, bank: BankAccount): SafeHtml {
  return html`<section class="notice" aria-labelledby="deposit-h"><h2 id="deposit-h">${w.depositTitle}</h2>
<p>${fill(w.depositBody, { deadline: order.payBy ? seoulTime(ctx.lang, order.payBy) : '' })}</p>
<dl class="specs"><dt>${w.bank}</dt><dd>${bank.bankName}</dd><dt>${w.account}</dt><dd class="num">${bank.bankAccount}</dd><dt>${w.holder}</dt><dd>${bank.accountHolder}</dd>
<dt>${w.amount}</dt><dd class="num"><strong>${formatMoney(ctx.lang, order.total, order.currency)}</strong></dd><dt>${w.depositor}</dt><dd>${order.depositorName ?? order.buyer.name}</dd></dl></section>`
}

function cardBox(ctx: PageContext, w: OrderWords, view: OrderView): SafeHtml {
  const { order, cardWindow, cardOutcome } = view
  const said = cardOutcome === 'pending' ? w.cardPending : cardOutcome === 'refused' ? w.cardRefused : ''
  if (!cardWindow) return said ? html`<p role="status">${said}</p>` : html``
  return html`<section class="notice" aria-labelledby="card-h"><h2 id="card-h">${w.payment}</h2>
${said ? html`<p role="status">${said}</p>` : ''}
<form id="card-pay" action="${href(ctx, `/orders/${order.number}/card`)}" method="post" data-portone="${JSON.stringify(cardWindow.params)}">${formFields(ctx)}<input type="hidden" name="paymentId" value="${order.paymentId ?? ''}"><button class="btn" type="submit">${w.payByCard} (${formatMoney(ctx.lang, order.total, order.currency)})</button></form>
<noscript><p>${w.needsScript}</p></noscript>
<script src="${cardWindow.sdkUrl}"></script><script src="${assets.cardPay.url}"></script></section>`
}

function tracking(ctx: PageContext, w: OrderWords, order: Order): SafeHtml {
  const code = carrierCode.safeParse(order.carrier)
  if (!code.success || !order.trackingNumber) return html``
  const carrier = CARRIERS[code.data].name[ctx.lang]
  return html`<p><a href="${trackingUrl(code.data, order.trackingNumber as TrackingNumber)}" rel="noopener noreferrer">${fill(w.trackingLink, { carrier, number: order.trackingNumber })}</a></p>`
}

function actions(ctx: PageContext, w: OrderWords, order: Order): SafeHtml {
  const form = (path: string, label: string, reasonLabel: string) =>
    html`<form action="${href(ctx, `/orders/${order.number}/${path}`)}" method="post" class="order-action">${formFields(ctx)}<p class="field"><label for="${path}-reason">${reasonLabel}</label><input id="${path}-reason" name="reason" maxlength="200"></p><button class="btn secondary" type="submit">${label}</button></form>`
  if (order.status === 'awaiting_payment' || order.status === 'paid') return form('cancel', w.cancelOrder, w.cancelReason)
  if (order.status === 'delivered') return form('return', w.requestReturn, w.returnReason)
  return html``
}

/** One order as its buyer sees it: number, state, what to pay and how, where it goes, its receipt and its history. */
export function orderPage(ctx: PageContext, view: OrderView): string {
  const w = orderWords[ctx.lang]
  const { order } = view
  const isNew = order.events.length === 1 && order.status === 'awaiting_payment'
  const title = isNew ? w.orderReceived : fill(w.order, { number: order.number })
  const d = order.delivery
  const body = html`<h1>${title}</h1>
<dl class="specs"><dt>${w.orderNumber}</dt><dd class="order-number"><strong>${order.number}</strong></dd>
<dt>${w.orderedAt}</dt><dd><time datetime="${order.placedAt}">${seoulTime(ctx.lang, order.placedAt)}</time></dd>
<dt>${w.status}</dt><dd>${statusWord(ctx, order.status)}</dd>
${order.arrivesOn && ['awaiting_payment', 'paid', 'preparing', 'shipped'].includes(order.status) ? html`<dt>${w.arrives}</dt><dd>${formatDate(ctx.lang, order.arrivesOn)}</dd>` : ''}</dl>
${order.status === 'awaiting_payment' && order.paymentMethod === 'bank_transfer' ? depositBox(ctx, w, order, view.bank) : ''}
${order.status === 'awaiting_payment' && order.paymentMethod === 'card' ? cardBox(ctx, w, view) : ''}
${order.customerId ? '' : html`<p><small>${w.guestNote}</small></p>`}
${tracking(ctx, w, order)}
<section aria-labelledby="receipt-h"><h2 id="receipt-h">${w.receipt}</h2>${receipt(ctx, w, order, view.titles)}</section>
<section aria-labelledby="delivery-h"><h2 id="delivery-h">${w.delivery}</h2>
<address>${d.recipientName} (${d.recipientPhone})<br>(${d.postalCode}) ${d.address} ${d.addressDetail}</address>
${d.note ? html`<p>${w.deliveryNote}: ${d.note}</p>` : ''}</section>
<section aria-labelledby="timeline-h"><h2 id="timeline-h">${w.timeline}</h2>${timeline(ctx, w, order.events)}</section>
${view.canAct ? actions(ctx, w, order) : ''}
<p><a href="${href(ctx, '/')}">${w.continueShopping}</a></p>`
  return layout(ctx, { title, canonicalPath: `/orders/${order.number}`, noindex: true }, body)
}

/** A guest finds an order by its number and the email or phone given at checkout. */
export function lookUpPage(ctx: PageContext, values: { number?: string; contact?: string }, error?: string): string {
  const w = orderWords[ctx.lang]
  const body = html`<h1>${w.lookUpTitle}</h1><p>${w.lookUpBody}</p>
${error ? html`<div class="form-errors" role="alert"><p>${error}</p></div>` : ''}
<form action="${href(ctx, '/orders/lookup')}" method="post" novalidate>${formFields(ctx)}
<p class="field"><label for="number">${w.lookUpNumber}</label><input id="number" name="number" value="${values.number ?? ''}" placeholder="20261202-000123" autocomplete="off" required></p>
<p class="field"><label for="contact">${w.lookUpContact}</label><input id="contact" name="contact" value="${values.contact ?? ''}" autocomplete="email" required></p>
<button class="btn" type="submit">${w.lookUp}</button></form>`
  return layout(ctx, { title: w.lookUpTitle, canonicalPath: '/orders/lookup', noindex: true }, body)
}

import type { Customer } from '../../accounts'
import { seoulDay, type Order, type OrderEvent, type PointEntry } from '../../commerce'
import { html, type SafeHtml } from '../html'
import { fill, formatDate, formatMoney, type Lang } from '../i18n'
import { accountPage } from './account'
import { href, type PageContext } from './context'

// Orders are dated in Korea time whatever the server's zone: an order placed at 00:30 in Seoul belongs to that day.
const seoulClock = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

/** 2026-12-02 14:05, in Seoul. */
function seoulDateTime(iso: string): string {
  const p = Object.fromEntries(seoulClock.formatToParts(new Date(iso)).map((part) => [part.type, part.value]))
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`
}

const seoulDate = (lang: Lang, iso: string) => formatDate(lang, seoulDay(new Date(iso)))

/** "첫 책 외 2권" / "First book and 2 more". */
function booksSummary(ctx: PageContext, order: Order): string {
  const [first, ...rest] = order.lines
  if (!first) return ''
  return rest.length ? fill(ctx.t.ordersMore, { title: first.title, n: rest.length }) : first.title
}

function timeline(ctx: PageContext, events: OrderEvent[]): SafeHtml {
  return html`<details><summary>${ctx.t.ordersTimeline}</summary><ol class="timeline">${events.map(
    (e) => html`<li><time datetime="${e.at}">${seoulDateTime(e.at)}</time> ${ctx.t[`orderStatus_${e.to}`]}</li>`,
  )}</ol></details>`
}

function orderRow(ctx: PageContext, order: Order): SafeHtml {
  const { t, lang } = ctx
  return html`<tr><th scope="row"><a href="${href(ctx, `/orders/${order.number}`)}">${order.number}</a></th>
<td><time datetime="${order.placedAt}">${seoulDate(lang, order.placedAt)}</time></td><td>${booksSummary(ctx, order)}</td>
<td class="num">${formatMoney(lang, order.total, order.currency)}</td><td>${t[`orderStatus_${order.status}`]}${timeline(ctx, order.events)}</td></tr>`
}

/** The customer's orders, newest first, each with its steps so far. */
export function orderHistoryPage(ctx: PageContext, customer: Customer, orders: Order[]): string {
  const { t } = ctx
  const body = orders.length
    ? html`<table class="orders"><thead><tr><th scope="col">${t.ordersNumber}</th><th scope="col">${t.ordersDate}</th><th scope="col">${t.ordersBooks}</th><th scope="col" class="num">${t.ordersTotal}</th><th scope="col">${t.ordersStatus}</th></tr></thead>
<tbody>${orders.map((o) => orderRow(ctx, o))}</tbody></table>`
    : html`<p class="empty">${t.ordersNone}</p>`
  return accountPage(ctx, '/account/orders', t.accountOrders, body, customer)
}

function pointRow(ctx: PageContext, entry: PointEntry): SafeHtml {
  const { t, lang } = ctx
  const amount = `${entry.delta < 0 ? '−' : '+'}${formatMoney(lang, Math.abs(entry.delta), 'KRW')}`
  return html`<tr><td><time datetime="${entry.at}">${seoulDateTime(entry.at)}</time></td><td class="num">${amount}</td><td>${t[`pointsReason_${entry.reason}`]}</td>
<td>${entry.orderNumber ? html`<a href="${href(ctx, `/orders/${entry.orderNumber}`)}">${entry.orderNumber}</a>` : ''}</td></tr>`
}

/** The points balance (적립금) and how it came to be, newest first. */
export function pointsPage(ctx: PageContext, customer: Customer, points: { balance: number; history: PointEntry[] }): string {
  const { t } = ctx
  const history = points.history.length
    ? html`<table class="points"><thead><tr><th scope="col">${t.pointsDate}</th><th scope="col" class="num">${t.pointsAmount}</th><th scope="col">${t.pointsReason}</th><th scope="col">${t.pointsOrder}</th></tr></thead>
<tbody>${points.history.map((e) => pointRow(ctx, e))}</tbody></table>`
    : html`<p class="empty">${t.pointsNone}</p>`
  return accountPage(ctx, '/account/points', t.accountPoints, html`<dl class="specs"><dt>${t.accountPointsBalance}</dt><dd>${formatMoney(ctx.lang, points.balance, 'KRW')}</dd></dl>${history}`, customer)
}

import type { StaffMember } from '../../../accounts'
import type { Order } from '../../../commerce'
import { html, type SafeHtml } from '../../html'
import { fill } from '../../i18n'
import { QUEUES, type QueueView } from '../../routes/admin/orders-queues'
import { href, type PageContext } from '../context'
import { formFields, pager } from '../parts'
import { money, officeLayout, seoulTime, statusWord, wordFor, wordsOf } from './orders-parts'

export interface QueuesPage extends QueueView {
  /** The staff member may move orders: the tracking upload is offered. */
  canWrite: boolean
}

const langField = (ctx: PageContext) => (ctx.lang === 'en' || ctx.explicit ? html`<input type="hidden" name="lang" value="${ctx.lang}">` : '')

/** The order queues: counts by state, one queue (or a search) as a paged list to select from, and the bulk tools. */
export function ordersQueuePage(ctx: PageContext, staff: StaffMember | undefined, view: QueuesPage): string {
  const w = wordsOf(ctx)
  const count = (n: number) => fill(view.isCapped ? w.countAtLeast : w.count, { n })
  const link = (params: Record<string, string | number>) => href(ctx, `/admin/orders?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`)
  const tabs = QUEUES.map((q) => {
    const current = !view.q && q === view.queue
    return html`<li><a href="${link({ queue: q })}"${current ? html` aria-current="page"` : ''}><strong>${statusWord(ctx, q)}</strong> <span class="count">${count(view.counts[q])}</span><br><small>${wordFor(w, `queueHint_${q}`, '')}</small></a>${q === 'awaiting_payment' && view.expiringToday ? html`<br><small class="due">${fill(w.expiringToday, { n: view.expiringToday })}</small>` : ''}</li>`
  })
  const heading = view.q ? fill(w.searchResults, { q: view.q, n: view.found }) : `${statusWord(ctx, view.queue)} (${count(view.counts[view.queue])})`
  const pageLink = (n: number) => link({ ...(view.q ? { q: view.q } : { queue: view.queue }), sort: view.sort, page: n })
  return officeLayout(
    ctx,
    staff,
    w.orders,
    html`<h1>${w.orders}</h1>
<p><a href="${href(ctx, '/admin/payments/statements')}">${w.statements}</a></p>
<nav aria-label="${w.queues}"><ul class="queues">${tabs}</ul></nav>
<form class="order-search" role="search" action="/admin/orders" method="get"><label for="order-q">${w.searchLabel}</label>
<input id="order-q" name="q" type="search" value="${view.q}" autocomplete="off">${langField(ctx)}
<label for="order-sort">${w.sortLabel}</label><select id="order-sort" name="sort"><option value="new"${view.sort === 'new' ? html` selected` : ''}>${w.sortNew}</option><option value="old"${view.sort === 'old' ? html` selected` : ''}>${w.sortOld}</option></select>
${view.q ? '' : html`<input type="hidden" name="queue" value="${view.queue}">`}<button class="btn" type="submit">${w.searchButton}</button>${view.q ? html` <a href="${link({ queue: view.queue })}">${w.clearSearch}</a>` : ''}</form>
<h2 id="queue-heading">${heading}</h2>
${view.orders.length ? orderTable(ctx, view.orders) : html`<p>${view.q ? w.noMatches : w.noOrders}</p>`}
${pager(ctx, view.page, view.pages, pageLink)}
${view.canWrite ? trackingForm(ctx) : ''}`,
  )
}

/** The list with a box per order; the boxes belong to the bulk form, whose buttons open slips or the courier CSV. */
function orderTable(ctx: PageContext, orders: Order[]): SafeHtml {
  const w = wordsOf(ctx)
  const rows = orders.map((o) => {
    const [first, ...rest] = o.lines
    const items = rest.length ? fill(w.itemsMore, { title: first?.title ?? '', n: rest.length }) : (first?.title ?? '')
    return html`<tr><td><input type="checkbox" form="bulk" name="numbers" value="${o.number}" id="pick-${o.number}" aria-label="${fill(w.selectOrder, { number: o.number })}"></td>
<th scope="row"><a href="${href(ctx, `/admin/orders/${o.number}`)}">${o.number}</a></th><td><time datetime="${o.placedAt}">${seoulTime(ctx.lang, o.placedAt)}</time></td>
<td>${o.buyer.name}</td><td>${items}</td><td class="num">${money(ctx, o, o.total)}</td><td>${wordFor(w, `method_${o.paymentMethod}`, o.paymentMethod)}</td><td>${statusWord(ctx, o.status)}</td></tr>`
  })
  return html`<table class="cart-table order-queue" aria-labelledby="queue-heading"><thead><tr><th scope="col">${w.colSelect}</th><th scope="col">${w.colNumber}</th><th scope="col">${w.colPlaced}</th><th scope="col">${w.colBuyer}</th><th scope="col">${w.colItems}</th><th scope="col" class="num">${w.colTotal}</th><th scope="col">${w.colPayment}</th><th scope="col">${w.colStatus}</th></tr></thead>
<tbody>${rows}</tbody></table>
<form id="bulk" class="bulk" action="/admin/orders/slips" method="get"><fieldset><legend>${w.bulk}</legend>${langField(ctx)}
<button class="btn" type="submit">${w.printSlips}</button> <button class="btn secondary" type="submit" formaction="/admin/orders/courier.csv">${w.courierCsv}</button></fieldset></form>`
}

function trackingForm(ctx: PageContext): SafeHtml {
  const w = wordsOf(ctx)
  return html`<section aria-labelledby="tracking-heading"><h2 id="tracking-heading">${w.trackingTitle}</h2><p id="tracking-hint">${w.trackingHint}</p>
<form action="${href(ctx, '/admin/orders/tracking')}" method="post" enctype="multipart/form-data">${formFields(ctx)}
<div class="field"><label for="tracking-file">${w.csvFile}</label><input id="tracking-file" name="file" type="file" accept=".csv,text/csv" required aria-describedby="tracking-hint"></div>
<button class="btn" type="submit">${w.upload}</button></form></section>`
}

import type { StaffMember } from '../../../accounts'
import type { Order } from '../../../commerce'
import { html } from '../../html'
import { fill } from '../../i18n'
import { href, type PageContext } from '../context'
import { officeLayout, seoulTime, wordsOf } from './orders-parts'

/** One A4 sheet per order to pack by: the print stylesheet (site.css, @media print) breaks the page after each. */
export function packingSlipsPage(ctx: PageContext, staff: StaffMember | undefined, orders: Order[]): string {
  const w = wordsOf(ctx)
  const slips = orders.map((o) => {
    const d = o.delivery
    const rows = o.lines.map((l) => html`<tr><td>${l.title}<br><small>${l.isbn13}</small></td><td class="num">${l.quantity}</td></tr>`)
    return html`<section class="slip" aria-labelledby="slip-${o.number}">
<p class="slip-store">${ctx.t.siteName}</p>
<h2 id="slip-${o.number}">${fill(w.order, { number: o.number })}</h2>
<p>${w.placedAt}: ${seoulTime(ctx.lang, o.placedAt)}</p>
<dl class="specs"><dt>${w.recipient}</dt><dd>${d.recipientName}</dd><dt>${w.phone}</dt><dd>${d.recipientPhone}</dd>
<dt>${w.address}</dt><dd>(${d.postalCode}) ${d.address} ${d.addressDetail}</dd>${d.note ? html`<dt>${w.note}</dt><dd>${d.note}</dd>` : ''}</dl>
<table class="cart-table"><thead><tr><th scope="col">${w.book}</th><th scope="col" class="num">${w.quantity}</th></tr></thead><tbody>${rows}</tbody></table></section>`
  })
  return officeLayout(
    ctx,
    staff,
    w.slips,
    html`<div class="no-print"><p><a href="${href(ctx, '/admin/orders')}">${w.orders}</a> › ${w.slips}</p><h1>${w.slips}</h1>
<p>${orders.length ? w.printHint : w.slipsNone}</p></div>
${slips}`,
  )
}

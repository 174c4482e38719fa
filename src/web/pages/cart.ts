import type { CategoryTree } from '../../catalog'
import type { Cart, CartTotal } from '../../commerce'
import type { Recommended } from '../../recommend'
import { html, type SafeHtml } from '../html'
import { formatMoney } from '../i18n'
import { href, type PageContext } from './context'
import { layout } from './layout'
import { displayTitle, formFields, recommendationShelf } from './parts'

export interface CartView {
  cart: Cart
  alsoBought: Recommended[]
  categories: CategoryTree
  /** When the books would arrive if ordered now ("내일 도착 예정"). */
  arrives?: string
}

/** What the cart costs in one currency: books, shipping, what is left to pay, and the points it earns. */
function cartSummary(ctx: PageContext, s: CartTotal): SafeHtml {
  const { t, lang } = ctx
  const money = (n: number) => formatMoney(lang, n, s.currency)
  return html`<dl class="specs cart-summary"><dt>${t.cartBooksTotal}</dt><dd class="num">${money(s.amount)}</dd>
<dt>${t.cartShipping}</dt><dd class="num">${s.shippingFee ? money(s.shippingFee) : t.cartShippingFree}</dd>
<dt>${t.cartPointsEarned}</dt><dd class="num">${money(s.pointsEarned)}</dd></dl>
<p class="cart-total">${t.total}: ${money(s.amountToPay)}</p>
${s.isVatExempt ? html`<p><small>${t.cartVatExempt}</small></p>` : ''}`
}

/** The cart: every control is a plain form, so it works without script. */
export function cartPage(ctx: PageContext, { cart, alsoBought, categories, arrives }: CartView): string {
  const { t, lang } = ctx
  const rows = cart.lines.map((l) => {
    const isbn = l.book.isbn13
    const title = displayTitle(ctx, l.book)
    const money = (n: number) => formatMoney(lang, n, l.book.currency)
    const atListPrice = l.price.lawAdjustments.some((a) => a.code === 'sale_below_minimum')
    return html`<tr><td><a href="${href(ctx, `/books/${isbn}`)}">${title}</a>${atListPrice ? html`<br><small>${t.cartSoldAtListPrice}</small>` : ''}</td>
<td class="num">${money(l.price.listPrice)}</td>
<td class="num">${money(l.unitPrice)}</td>
<td><form action="${href(ctx, `/cart/items/${isbn}`)}" method="post">${formFields(ctx)}<label for="q-${isbn}" class="vh">${t.quantity}: ${title}</label><input id="q-${isbn}" name="quantity" type="number" min="0" max="99" value="${l.quantity}"><button type="submit" aria-label="${t.update}: ${title}">${t.update}</button></form>
<form action="${href(ctx, `/cart/items/${isbn}/remove`)}" method="post">${formFields(ctx)}<button type="submit" aria-label="${t.remove}: ${title}">${t.remove}</button></form></td>
<td class="num">${money(l.price.discount + l.price.couponDiscount)}</td>
<td class="num">${money(l.price.points)}</td>
<td class="num">${money(l.lineTotal)}</td></tr>`
  })
  const head = html`<tr><th scope="col">${t.book}</th><th scope="col" class="num">${t.listPrice}</th><th scope="col" class="num">${t.unitPrice}</th><th scope="col">${t.quantity}</th><th scope="col" class="num">${t.cartDiscount}</th><th scope="col" class="num">${t.cartPoints}</th><th scope="col" class="num">${t.lineTotal}</th></tr>`
  const body = html`<h1>${t.cart}</h1>
${cart.lines.length
  ? html`<table class="cart-table"><thead>${head}</thead><tbody>${rows}</tbody></table>
${cart.totals.map((s) => cartSummary(ctx, s))}
${arrives ? html`<p class="arrives"><strong>${arrives}</strong></p>` : ''}
<form action="${href(ctx, '/cart/checkout')}" method="post">${formFields(ctx)}<button class="btn" type="submit">${t.checkout}</button></form>`
  : html`<p class="empty">${t.cartEmpty}</p>`}
<p><a href="${href(ctx, '/')}">${t.continueShopping}</a></p>
${alsoBought.length ? html`<section class="book-section" aria-labelledby="also-h"><h2 id="also-h">${t.customersAlsoBought}</h2>${recommendationShelf(ctx, alsoBought, categories)}</section>` : ''}`
  return layout(ctx, { title: t.cart, canonicalPath: '/cart', noindex: true }, body)
}

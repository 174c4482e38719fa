import type { Address } from '../../accounts'
import type { Cart, CheckoutFormValues } from '../../commerce'
import { html, type SafeHtml } from '../html'
import { fill, formatMoney } from '../i18n'
import { href, type PageContext } from './context'
import { layout } from './layout'
import { orderWords, type OrderWords } from './order-words'
import { formFields } from './parts'

/** The checkout form as typed, and each wrong field's message in the page's language. */
export interface CheckoutForm {
  values: Partial<CheckoutFormValues> & { saveAddress?: string }
  errors: Partial<Record<keyof CheckoutFormValues | 'form', string>>
}

export interface CheckoutView {
  cart: Cart
  form: CheckoutForm
  /** "내일 도착 예정", or the date. */
  arrives: string
  /** A signed-in customer's points; undefined for a guest. */
  pointsBalance?: number
  canPayByCard: boolean
  /** A member's address book, to deliver to one of them. */
  addresses: Address[]
}

interface FieldSpec {
  name: keyof CheckoutFormValues
  label: string
  type?: 'text' | 'tel' | 'email'
  autocomplete: string
  isRequired?: boolean
  hint?: string
  inputmode?: 'numeric' | 'tel'
  list?: string
}

function field(form: CheckoutForm, spec: FieldSpec): SafeHtml {
  const { name } = spec
  const error = form.errors[name]
  const described = [spec.hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ')
  return html`<p class="field"><label for="${name}">${spec.label}</label>
<input id="${name}" name="${name}" type="${spec.type ?? 'text'}" autocomplete="${spec.autocomplete}" value="${form.values[name] ?? ''}"${spec.isRequired ? html` required` : ''}${spec.inputmode ? html` inputmode="${spec.inputmode}"` : ''}${spec.list ? html` list="${spec.list}"` : ''}${described ? html` aria-describedby="${described}"` : ''}${error ? html` aria-invalid="true"` : ''}>
${spec.hint ? html`<span class="hint" id="${name}-hint">${spec.hint}</span>` : ''}${error ? html`<span class="field-error" id="${name}-error">${error}</span>` : ''}</p>`
}

/** The books, each with its 정가, 할인 and 적립, and what the order comes to. */
function orderSummary(ctx: PageContext, w: OrderWords, cart: Cart): SafeHtml {
  const { lang } = ctx
  const total = cart.totals[0]
  if (!total) return html``
  const money = (n: number) => formatMoney(lang, n, total.currency)
  const rows = cart.lines.map(
    (l) => html`<tr><td><a href="${href(ctx, `/books/${l.book.isbn13}`)}">${l.book.title}</a></td><td class="num">${money(l.price.listPrice)}</td><td class="num">${money(l.unitPrice)}</td><td class="num">${l.quantity}</td><td class="num">${money(l.price.discount)}</td><td class="num">${money(l.price.points)}</td><td class="num">${money(l.lineTotal)}</td></tr>`,
  )
  return html`<table class="cart-table"><caption class="vh">${w.orderItems}</caption><thead><tr><th scope="col">${w.book}</th><th scope="col" class="num">${w.lineListPrice}</th><th scope="col" class="num">${w.lineUnitPrice}</th><th scope="col" class="num">${w.lineQuantity}</th><th scope="col" class="num">${w.lineDiscount}</th><th scope="col" class="num">${w.linePoints}</th><th scope="col" class="num">${w.lineTotal}</th></tr></thead><tbody>${rows}</tbody></table>
<dl class="specs cart-summary"><dt>${w.booksTotal}</dt><dd class="num">${money(total.amount)}</dd>
<dt>${w.shipping}</dt><dd class="num">${total.shippingFee ? money(total.shippingFee) : w.free}</dd>
<dt>${w.pointsEarned}</dt><dd class="num">${money(total.pointsEarned)}</dd></dl>
<p class="cart-total">${w.toPay}: ${money(total.amountToPay)}</p>
<p><small>${w.vatExempt}</small></p>`
}

/** The checkout: one plain form that works without script; a resubmission (its key) makes no second order. */
export function checkoutPage(ctx: PageContext, view: CheckoutView): string {
  const w = orderWords[ctx.lang]
  const { form, cart } = view
  const total = cart.totals[0]
  const errors = Object.entries(form.errors)
  const method = form.values.paymentMethod === 'card' && view.canPayByCard ? 'card' : 'bank_transfer'
  const radio = (value: 'bank_transfer' | 'card', label: string) =>
    html`<label class="choice"><input type="radio" name="paymentMethod" value="${value}"${method === value ? html` checked` : ''}> ${label}</label>`
  const body = html`<h1>${w.checkout}</h1>
${errors.length ? html`<div class="form-errors" role="alert"><p>${w.formErrors}</p><ul>${errors.map(([name, message]) => html`<li>${name === 'form' ? message : html`<a href="#${name}">${message}</a>`}</li>`)}</ul></div>` : ''}
<section aria-labelledby="items-h"><h2 id="items-h">${w.orderItems}</h2>${orderSummary(ctx, w, cart)}<p class="arrives"><strong>${view.arrives}</strong></p></section>
<form action="${href(ctx, '/checkout')}" method="post" novalidate class="checkout">${formFields(ctx)}
<input type="hidden" name="idempotencyKey" value="${form.values.idempotencyKey ?? ''}">
<fieldset><legend>${w.buyer}</legend>
${field(form, { name: 'buyerName', label: w.name, autocomplete: 'name', isRequired: true })}
${field(form, { name: 'buyerPhone', label: w.mobile, type: 'tel', autocomplete: 'tel', isRequired: true, hint: w.mobileHint, inputmode: 'tel' })}
${field(form, { name: 'buyerEmail', label: w.email, type: 'email', autocomplete: 'email', isRequired: true })}
</fieldset>
<fieldset><legend>${w.delivery}</legend>
${view.addresses.length > 1 ? html`<p>${w.savedAddresses}</p><ul class="saved-addresses">${view.addresses.map((a) => html`<li><a href="${href(ctx, `/checkout?address=${a.id}`)}">${a.recipientName} · (${a.postalCode}) ${a.address} ${a.addressDetail}</a></li>`)}</ul>` : ''}
${field(form, { name: 'recipientName', label: w.recipientName, autocomplete: 'shipping name', isRequired: true })}
${field(form, { name: 'recipientPhone', label: w.recipientPhone, type: 'tel', autocomplete: 'shipping tel', isRequired: true, hint: w.mobileHint, inputmode: 'tel' })}
${field(form, { name: 'postalCode', label: w.postalCode, autocomplete: 'shipping postal-code', isRequired: true, inputmode: 'numeric' })}
${field(form, { name: 'address', label: w.address, autocomplete: 'shipping address-line1', isRequired: true, hint: w.addressHint })}
${field(form, { name: 'addressDetail', label: w.addressDetail, autocomplete: 'shipping address-line2', hint: w.addressDetailHint })}
${field(form, { name: 'deliveryNote', label: w.deliveryNote, autocomplete: 'off', list: 'delivery-notes' })}
<datalist id="delivery-notes">${w.notes.map((n) => html`<option value="${n}">`)}</datalist>
${view.pointsBalance !== undefined ? html`<p class="field"><label class="choice"><input type="checkbox" name="saveAddress" value="on"${form.values.saveAddress === 'on' ? html` checked` : ''}> ${w.saveAddress}</label></p>` : ''}
</fieldset>
<fieldset><legend>${w.payment}</legend>
<div class="choices" role="radiogroup" aria-label="${w.payment}">${radio('bank_transfer', w.bankTransfer)}${view.canPayByCard ? radio('card', w.card) : ''}</div>
${form.errors.paymentMethod ? html`<p class="field-error">${form.errors.paymentMethod}</p>` : ''}
${field(form, { name: 'depositorName', label: w.depositorName, autocomplete: 'off', hint: w.depositorHint })}
${view.pointsBalance !== undefined
  ? field(form, { name: 'pointsToSpend', label: w.pointsToSpend, autocomplete: 'off', inputmode: 'numeric', hint: fill(w.pointsBalance, { points: view.pointsBalance }) })
  : html`<p><small>${w.signInForPoints} <a href="${href(ctx, '/account/sign-in')}">${ctx.t.accountSignIn}</a></small></p>`}
</fieldset>
<button class="btn" type="submit">${fill(w.placeOrder, { amount: total ? formatMoney(ctx.lang, total.amountToPay, total.currency) : '' })}</button>
</form>`
  return layout(ctx, { title: w.checkout, canonicalPath: '/checkout', noindex: true }, body)
}

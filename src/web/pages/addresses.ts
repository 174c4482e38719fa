import { MAX_ADDRESSES, type Address, type Customer } from '../../accounts'
import { html, type SafeHtml } from '../html'
import { fill } from '../i18n'
import { accountForm, accountPage, field, type AccountForm } from './account'
import { href, type PageContext } from './context'
import { formFields } from './parts'

/** One small form per action on an address, so each works without script. */
function actionButton(ctx: PageContext, action: string, label: string, accessibleName: string): SafeHtml {
  return html`<form action="${href(ctx, action)}" method="post" class="inline">${formFields(ctx)}<button class="btn" type="submit" aria-label="${accessibleName}">${label}</button></form>`
}

function addressEntry(ctx: PageContext, a: Address): SafeHtml {
  const { t } = ctx
  const base = `/account/addresses/${a.id}`
  const who = `${a.recipientName}, ${a.address}`
  return html`<li class="address"><p><strong>${a.recipientName}</strong> ${a.isDefault ? html`<span class="badge">${t.addressDefault}</span>` : ''}</p>
<p>${a.recipientPhone}</p><p>(${a.postalCode}) ${a.address} ${a.addressDetail}</p>
<div class="address-actions"><a href="${href(ctx, `${base}/edit`)}" aria-label="${t.addressEdit}: ${who}">${t.addressEdit}</a>
${a.isDefault ? '' : actionButton(ctx, `${base}/default`, t.addressMakeDefault, `${t.addressMakeDefault}: ${who}`)}
${actionButton(ctx, `${base}/delete`, t.addressDelete, `${t.addressDelete}: ${who}`)}</div></li>`
}

/** The address book: the default first, then the newest. */
export function addressesPage(ctx: PageContext, customer: Customer, addresses: Address[]): string {
  const { t } = ctx
  const list = addresses.length ? html`<ul class="addresses">${addresses.map((a) => addressEntry(ctx, a))}</ul>` : html`<p class="empty">${t.addressNone}</p>`
  const add = addresses.length < MAX_ADDRESSES ? html`<p><a class="btn" href="${href(ctx, '/account/addresses/new')}">${t.addressAdd}</a></p>` : ''
  return accountPage(ctx, '/account/addresses', t.accountAddresses, html`<p>${fill(t.addressCount, { n: addresses.length, max: MAX_ADDRESSES })}</p>${list}${add}`, customer)
}

/** The form to add an address (no id) or to edit one. */
export function addressFormPage(ctx: PageContext, customer: Customer, form: AccountForm, id?: string): string {
  const { t } = ctx
  const fields = [
    field(form, { name: 'recipientName', label: t.addressRecipientName, type: 'text', autocomplete: 'shipping name', isRequired: true }),
    field(form, { name: 'recipientPhone', label: t.addressRecipientPhone, type: 'tel', autocomplete: 'shipping tel', isRequired: true }),
    field(form, { name: 'postalCode', label: t.addressPostalCode, type: 'text', autocomplete: 'shipping postal-code', isRequired: true, inputMode: 'numeric' }),
    field(form, { name: 'address', label: t.addressAddress, type: 'text', autocomplete: 'shipping address-line1', isRequired: true }),
    field(form, { name: 'addressDetail', label: t.addressDetail, type: 'text', autocomplete: 'shipping address-line2' }),
  ]
  const action = id ? `/account/addresses/${id}` : '/account/addresses'
  const title = id ? t.addressEdit : t.addressAdd
  return accountPage(ctx, action, title, html`${accountForm(ctx, action, form, fields, t.addressSave)}
<p><a href="${href(ctx, '/account/addresses')}">${t.accountAddresses}</a></p>`, customer)
}

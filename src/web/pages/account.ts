import type { Customer } from '../../accounts'
import { html, type SafeHtml } from '../html'
import { fill, formatMoney } from '../i18n'
import { href, type PageContext } from './context'
import { layout } from './layout'
import { formFields } from './parts'

/** What a form was sent with (passwords never), and each wrong field's message in the page's language. */
export interface AccountForm {
  values: Record<string, string>
  errors: Record<string, string>
}

export const emptyForm = (): AccountForm => ({ values: {}, errors: {} })

export interface FieldSpec {
  name: string
  label: string
  type: 'email' | 'password' | 'text' | 'tel'
  autocomplete: string
  isRequired?: boolean
  hint?: string
  inputMode?: 'numeric'
}

export function field(form: AccountForm, spec: FieldSpec): SafeHtml {
  const error = form.errors[spec.name]
  const described = [spec.hint ? `${spec.name}-hint` : '', error ? `${spec.name}-error` : ''].filter(Boolean).join(' ')
  // A password is never sent back into the page.
  const value = spec.type === 'password' ? '' : (form.values[spec.name] ?? '')
  return html`<p class="field"><label for="${spec.name}">${spec.label}</label>
<input id="${spec.name}" name="${spec.name}" type="${spec.type}" autocomplete="${spec.autocomplete}"${spec.inputMode ? html` inputmode="${spec.inputMode}"` : ''} value="${value}"${spec.isRequired ? html` required` : ''}${described ? html` aria-describedby="${described}"` : ''}${error ? html` aria-invalid="true"` : ''}>
${spec.hint ? html`<span class="hint" id="${spec.name}-hint">${spec.hint}</span>` : ''}${error ? html`<span class="field-error" id="${spec.name}-error">${spec.label}: ${error}</span>` : ''}</p>`
}

export function accountForm(ctx: PageContext, action: string, form: AccountForm, fields: SafeHtml[], submit: string): SafeHtml {
  const errors = Object.keys(form.errors)
  return html`${errors.length ? html`<div class="form-errors" role="alert"><p>${ctx.t.accountFormErrors}</p><ul>${errors.map((name) => html`<li><a href="#${name}">${form.errors[name]!}</a></li>`)}</ul></div>` : ''}
<form action="${href(ctx, action)}" method="post" novalidate>${formFields(ctx)}${fields}<button class="btn" type="submit">${submit}</button></form>`
}

/** Personal pages: never indexed; the header's name is shown here only, never on the shared layout. */
export function accountPage(ctx: PageContext, path: string, title: string, body: SafeHtml, customer?: Customer): string {
  const nav = customer ? html`<p class="account-nav"><a href="${href(ctx, '/account')}">${customer.name}</a></p>` : html``
  return layout(ctx, { title, canonicalPath: path, noindex: true }, html`${nav}<h1>${title}</h1>${body}`)
}

const emailField = (ctx: PageContext, form: AccountForm) => field(form, { name: 'email', label: ctx.t.accountEmail, type: 'email', autocomplete: 'email', isRequired: true })

export function signUpPage(ctx: PageContext, form: AccountForm): string {
  const { t } = ctx
  const fields = [
    emailField(ctx, form),
    field(form, { name: 'name', label: t.accountName, type: 'text', autocomplete: 'name', isRequired: true }),
    field(form, { name: 'phone', label: t.accountPhone, type: 'tel', autocomplete: 'tel' }),
    field(form, { name: 'password', label: t.accountPassword, type: 'password', autocomplete: 'new-password', isRequired: true, hint: t.accountPasswordHint }),
  ]
  return accountPage(ctx, '/account/sign-up', t.accountSignUp, html`${accountForm(ctx, '/account/sign-up', form, fields, t.accountSignUp)}
<p>${t.accountHaveAccount} <a href="${href(ctx, '/account/sign-in')}">${t.accountSignIn}</a></p>`)
}

export function checkMailPage(ctx: PageContext, email: string): string {
  return accountPage(ctx, '/account/sign-up', ctx.t.accountCheckMail, html`<p>${fill(ctx.t.accountCheckMailBody, { email })}</p>`)
}

export function verifiedPage(ctx: PageContext, customer: Customer): string {
  const { t } = ctx
  return accountPage(ctx, '/account/verify', t.accountVerified, html`<p>${fill(t.accountVerifiedBody, { name: customer.name })}</p>
<p><a class="btn" href="${href(ctx, '/account/sign-in')}">${t.accountSignIn}</a></p>`)
}

/** A verify or reset link that is unknown, used or expired. */
export function linkFailedPage(ctx: PageContext, message: string): string {
  const { t } = ctx
  return accountPage(ctx, '/account/verify', t.accountLinkFailed, html`<p role="alert">${message}</p>
<p><a href="${href(ctx, '/account/forgot')}">${t.accountForgot}</a></p>`)
}

export function signInPage(ctx: PageContext, form: AccountForm, notice?: string): string {
  const { t } = ctx
  const fields = [emailField(ctx, form), field(form, { name: 'password', label: t.accountPassword, type: 'password', autocomplete: 'current-password', isRequired: true })]
  return accountPage(ctx, '/account/sign-in', t.accountSignIn, html`${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
${accountForm(ctx, '/account/sign-in', form, fields, t.accountSignIn)}
<p><a href="${href(ctx, '/account/forgot')}">${t.accountForgot}</a></p>
<p>${t.accountNoAccount} <a href="${href(ctx, '/account/sign-up')}">${t.accountSignUp}</a></p>`)
}

export function forgotPage(ctx: PageContext, form: AccountForm): string {
  const { t } = ctx
  return accountPage(ctx, '/account/forgot', t.accountForgot, html`<p>${t.accountForgotBody}</p>${accountForm(ctx, '/account/forgot', form, [emailField(ctx, form)], t.accountSendLink)}`)
}

export function forgotSentPage(ctx: PageContext, email: string): string {
  return accountPage(ctx, '/account/forgot', ctx.t.accountCheckMail, html`<p>${fill(ctx.t.accountForgotSent, { email })}</p>`)
}

export function resetPage(ctx: PageContext, token: string, form: AccountForm): string {
  const { t } = ctx
  const fields = [
    html`<input type="hidden" name="token" value="${token}">`,
    field(form, { name: 'password', label: t.accountNewPassword, type: 'password', autocomplete: 'new-password', isRequired: true, hint: t.accountPasswordHint }),
  ]
  return accountPage(ctx, '/account/reset', t.accountReset, accountForm(ctx, '/account/reset', form, fields, t.accountReset))
}

export function profilePage(ctx: PageContext, customer: Customer, { pointsBalance, notice }: { pointsBalance: number; notice?: string }): string {
  const { t } = ctx
  const link = (path: string, label: string) => html`<li><a href="${href(ctx, path)}">${label}</a></li>`
  const signOut = (action: string, label: string) => html`<form action="${href(ctx, action)}" method="post">${formFields(ctx)}<button class="btn" type="submit">${label}</button></form>`
  return accountPage(ctx, '/account', t.accountMine, html`${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
<dl class="specs"><dt>${t.accountName}</dt><dd>${customer.name}</dd><dt>${t.accountEmail}</dt><dd>${customer.email}</dd>
<dt>${t.accountEmailState}</dt><dd>${customer.verifiedAt ? t.accountVerifiedState : t.accountUnverifiedState}</dd>
<dt>${t.accountPointsBalance}</dt><dd>${formatMoney(ctx.lang, pointsBalance, 'KRW')}</dd></dl>
<nav aria-label="${t.accountMine}"><ul class="account-links">${link('/account/orders', t.accountOrders)}${link('/account/addresses', t.accountAddresses)}${link('/account/points', t.accountPoints)}</ul></nav>
${signOut('/account/sign-out', t.accountSignOut)}${signOut('/account/sign-out-everywhere', t.accountSignOutEverywhere)}`, customer)
}

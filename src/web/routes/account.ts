import { Hono, type Context, type MiddlewareHandler } from 'hono'
import { z } from 'zod'
import { MAX_ADDRESSES, RESET_MINUTES, signUpProblems, type AccountsService, type Customer } from '../../accounts'
import type { CommerceService, OrderService } from '../../commerce'
import { InputError } from '../../core/errors'
import type { Logger } from '../../core/logger'
import type { MailRequest } from '../../mail'
import type { AppEnv } from '../env'
import type { Gate } from '../gate'
import { fill } from '../i18n'
import { errorMessage } from '../messages'
import { addressFormValues, readAddressForm, type AddressFormValues } from '../forms/address'
import { valid } from '../middleware/validate'
import { orderHistoryPage, pointsPage } from '../pages/account-orders'
import { addressFormPage, addressesPage } from '../pages/addresses'
import { checkMailPage, emptyForm, forgotPage, forgotSentPage, linkFailedPage, profilePage, resetPage, signInPage, signUpPage, verifiedPage, type AccountForm } from '../pages/account'
import { href } from '../pages/context'
import { createSignInThrottle, type SignInThrottle } from './admin/throttle'

/** What the routes need of the mail service (src/mail's MailService has exactly this). */
export interface Mailer {
  send(request: MailRequest): Promise<unknown>
}

export interface AccountRoutesOptions {
  accounts: AccountsService
  commerce: CommerceService
  /** The customer's orders and points, for the history and points pages. */
  orders: OrderService
  gate: Gate
  mailer: Mailer
  /** Links in mail start with it; without one, with the request's origin. */
  publicUrl?: string
  logger?: Logger
  throttle?: SignInThrottle
}

/** The cart a signed-in shopper's lines are kept under: the same on every device. */
export const cartOwner = (customer: Customer) => `customer:${customer.id}`

const text = (max: number) => z.string().max(max).default('')
const signUpForm = z.object({ email: text(300), name: text(200), phone: text(40), password: text(1000) })
const signInForm = z.object({ email: text(300), password: text(1000) })
const emailForm = z.object({ email: text(300) })
const resetForm = z.object({ token: text(100), password: text(1000) })
const tokenQuery = z.object({ token: text(100) })

/** Runs a service call; an InputError becomes the named field's message in the page's language. */
async function attempt<T>(c: Context<AppEnv>, form: AccountForm, run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run()
  } catch (err) {
    if (!(err instanceof InputError)) throw err
    form.errors[err.field] = errorMessage(c.var.page.lang, err.code, err.field, err.params)
    return undefined
  }
}

/** Each wrong field of the address form, worded in the page's language. */
function addressForm(c: Context<AppEnv>, values: AddressFormValues, errors: InputError[] = []): AccountForm {
  const { t } = c.var.page
  const words = (err: InputError) => fill(t[`addressError_${err.code as 'required' | 'too_long' | 'phone_format' | 'postal_code_format'}`] ?? t.addressError_required, err.params)
  return { values, errors: Object.fromEntries(errors.map((err) => [err.field, words(err)])) }
}

/** Personal pages: a visitor who is not signed in is sent to sign in. */
const signedInOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.var.customer) return c.redirect(href(c.var.page, '/account/sign-in'), 303)
  await next()
}

/** The signed-in customer, after signedInOnly let the request through. */
function customerOf(c: Context<AppEnv>): Customer {
  if (!c.var.customer) throw new Error('a personal page was reached without a signed-in customer')
  return c.var.customer
}

/** A mailed link: absolute, in the language the page was read in. */
function mailLink(c: Context<AppEnv>, publicUrl: string | undefined, path: string, token: string): string {
  const origin = publicUrl ?? new URL(c.req.url).origin
  return `${origin}${path}?token=${token}${c.var.page.lang === 'en' ? '&lang=en' : ''}`
}

/**
 * Customer accounts: sign up, verify, sign in and out, reset a password, the
 * profile. Every page is personal (no-store) and every form works without
 * script; sign-in is throttled per address and per account.
 */
export const accountRoutes = ({ accounts, commerce, orders, gate, mailer, publicUrl, logger, throttle = createSignInThrottle('customer') }: AccountRoutesOptions) =>
  new Hono<AppEnv>()
    .use(async (c, next) => {
      await next()
      c.header('Cache-Control', 'no-store')
    })
    .use('/', signedInOnly)
    .use('/orders', signedInOnly)
    .use('/points', signedInOnly)
    .use('/addresses', signedInOnly)
    .use('/addresses/*', signedInOnly)
    .get('/', async (c) => {
      const customer = customerOf(c)
      return c.html(profilePage(c.var.page, customer, { pointsBalance: (await orders.points(customer.id)).balance }))
    })
    .get('/orders', async (c) => c.html(orderHistoryPage(c.var.page, customerOf(c), await orders.ofCustomer(customerOf(c).id))))
    .get('/points', async (c) => c.html(pointsPage(c.var.page, customerOf(c), await orders.points(customerOf(c).id))))
    .get('/addresses', async (c) => c.html(addressesPage(c.var.page, customerOf(c), await accounts.addresses.list(customerOf(c).id))))
    .get('/addresses/new', (c) => c.html(addressFormPage(c.var.page, customerOf(c), emptyForm())))
    .post('/addresses', async (c) => {
      const customer = customerOf(c)
      const values = addressFormValues(await c.req.parseBody())
      const read = readAddressForm(values)
      if ('errors' in read) return c.html(addressFormPage(c.var.page, customer, addressForm(c, values, read.errors)), 400)
      const form = addressForm(c, values)
      const added = await attempt(c, form, () => accounts.addresses.add(customer.id, read.input))
      if (!added) return c.html(addressFormPage(c.var.page, customer, { ...form, errors: { addresses: fill(c.var.page.t.addressError_limit, { max: MAX_ADDRESSES }) } }), 400)
      return c.redirect(href(c.var.page, '/account/addresses'), 303)
    })
    .get('/addresses/:id/edit', async (c) => {
      const customer = customerOf(c)
      const address = await accounts.addresses.get(customer.id, c.req.param('id'))
      return c.html(addressFormPage(c.var.page, customer, addressForm(c, addressFormValues(address)), address.id))
    })
    .post('/addresses/:id', async (c) => {
      const customer = customerOf(c)
      // Someone else's address is not found before the form is even read.
      const { id } = await accounts.addresses.get(customer.id, c.req.param('id'))
      const values = addressFormValues(await c.req.parseBody())
      const read = readAddressForm(values)
      if ('errors' in read) return c.html(addressFormPage(c.var.page, customer, addressForm(c, values, read.errors), id), 400)
      await accounts.addresses.update(customer.id, id, read.input)
      return c.redirect(href(c.var.page, '/account/addresses'), 303)
    })
    .post('/addresses/:id/default', async (c) => {
      await accounts.addresses.makeDefault(customerOf(c).id, c.req.param('id'))
      return c.redirect(href(c.var.page, '/account/addresses'), 303)
    })
    .post('/addresses/:id/delete', async (c) => {
      await accounts.addresses.remove(customerOf(c).id, c.req.param('id'))
      return c.redirect(href(c.var.page, '/account/addresses'), 303)
    })
    .get('/sign-up', (c) => c.html(signUpPage(c.var.page, emptyForm())))
    .post('/sign-up', valid('form', signUpForm), async (c) => {
      const { email, name, phone, password } = c.req.valid('form')
      const form: AccountForm = { values: { email, name, phone }, errors: {} }
      // Every wrong field at once; only a taken email needs the service to find out.
      for (const problem of await signUpProblems({ email, name, password })) form.errors[problem.field] ??= errorMessage(c.var.page.lang, problem.code, problem.field, problem.params)
      if (Object.keys(form.errors).length) return c.html(signUpPage(c.var.page, form), 400)
      const made = await attempt(c, form, () => accounts.signUp({ email, name, phone, password, lang: c.var.page.lang }))
      if (!made) return c.html(signUpPage(c.var.page, form), 400)
      const link = mailLink(c, publicUrl, '/account/verify', made.token)
      await mailer.send({ to: made.customer.email, lang: made.customer.lang, template: 'verify-email', params: { name: made.customer.name, link } })
      return c.html(checkMailPage(c.var.page, made.customer.email))
    })
    .get('/verify', valid('query', tokenQuery), async (c) => {
      const form = emptyForm()
      const customer = await attempt(c, form, () => accounts.verifyEmail(c.req.valid('query').token))
      return customer ? c.html(verifiedPage(c.var.page, customer)) : c.html(linkFailedPage(c.var.page, form.errors.token!), 400)
    })
    .get('/sign-in', (c) => c.html(signInPage(c.var.page, emptyForm())))
    .post('/sign-in', valid('form', signInForm), async (c) => {
      const { email, password } = c.req.valid('form')
      const { visitor, page } = c.var
      const form: AccountForm = { values: { email }, errors: {} }
      const block = await throttle.check(visitor.ip, email)
      if (block) {
        c.header('Retry-After', String(block.retryAfter))
        return c.html(signInPage(page, form, fill(page.t.signInBlocked, { minutes: Math.ceil(block.retryAfter / 60) })), 429)
      }
      const signedIn = await attempt(c, form, () => accounts.signIn(email, password))
      if (!signedIn) {
        for (const started of await throttle.fail(visitor.ip, email)) logger?.warn({ ip: visitor.ip, scope: started.scope, retryAfter: started.retryAfter }, 'customer sign-in blocked after repeated failures')
        return c.html(signInPage(page, form), 400)
      }
      await throttle.succeed(visitor.ip, email)
      if (visitor.accountToken) await accounts.signOut(visitor.accountToken)
      // A new anonymous session too: a session id or form token from before sign-in is worth nothing after it.
      const before = visitor.session
      gate.rotateSession(visitor)
      if (before) await commerce.mergeCart(before, cartOwner(signedIn.customer))
      gate.signIn(visitor, signedIn.token)
      return c.redirect(href(page, '/account'), 303)
    })
    .post('/sign-out', async (c) => {
      const { visitor } = c.var
      if (visitor.accountToken) await accounts.signOut(visitor.accountToken)
      gate.signOut(visitor)
      gate.rotateSession(visitor)
      return c.redirect(href(c.var.page, '/'), 303)
    })
    .post('/sign-out-everywhere', async (c) => {
      const { visitor, customer, page } = c.var
      if (!customer) return c.redirect(href(page, '/account/sign-in'), 303)
      await accounts.signOutEverywhere(customer.id)
      gate.signOut(visitor)
      gate.rotateSession(visitor)
      return c.html(signInPage(page, emptyForm(), page.t.accountSignedOutEverywhere))
    })
    .get('/forgot', (c) => c.html(forgotPage(c.var.page, emptyForm())))
    .post('/forgot', valid('form', emailForm), async (c) => {
      const { email } = c.req.valid('form')
      // The same answer whether or not the email has an account: the page tells nobody who shops here.
      const reset = await accounts.requestReset(email)
      if (reset) {
        const link = mailLink(c, publicUrl, '/account/reset', reset.token)
        await mailer.send({ to: reset.customer.email, lang: reset.customer.lang, template: 'reset-password', params: { name: reset.customer.name, link, minutes: RESET_MINUTES } })
      }
      return c.html(forgotSentPage(c.var.page, email.trim()))
    })
    .get('/reset', valid('query', tokenQuery), (c) => c.html(resetPage(c.var.page, c.req.valid('query').token, emptyForm())))
    .post('/reset', valid('form', resetForm), async (c) => {
      const { token, password } = c.req.valid('form')
      const { visitor, page } = c.var
      const form = emptyForm()
      const customer = await attempt(c, form, () => accounts.resetPassword(token, password))
      if (form.errors.token) return c.html(linkFailedPage(page, form.errors.token), 400)
      if (!customer) return c.html(resetPage(page, token, form), 400)
      gate.signOut(visitor)
      return c.html(signInPage(page, { values: { email: customer.email }, errors: {} }, page.t.accountResetDone))
    })

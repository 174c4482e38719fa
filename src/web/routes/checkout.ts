import { Hono, type Context } from 'hono'
import type { AccountsService, Address } from '../../accounts'
import type { CatalogService } from '../../catalog'
import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { estimateLabel, readCheckoutForm, type CheckoutFormValues, type CommerceService, type Order, type OrderService } from '../../commerce'
import { InputError, NotFoundError } from '../../core/errors'
import type { Logger } from '../../core/logger'
import type { PaymentsService } from '../../payments'
import type { AppEnv } from '../env'
import type { Gate } from '../gate'
import { errorMessage } from '../messages'
import { valid } from '../middleware/validate'
import { checkoutPage, type CheckoutForm } from '../pages/checkout'
import { href } from '../pages/context'
import { lookUpPage, orderPage, type OrderView } from '../pages/order'
import type { ShopFacts } from '../storefront'
import { cartOwner } from './account'

export interface CheckoutRoutesOptions {
  /** A member's address book fills in the delivery and keeps a new address. */
  accounts?: AccountsService
  commerce: CommerceService
  orders: OrderService
  /** Card payments are settled through it; without it, bank transfers only. */
  payments?: PaymentsService
  shop: ShopFacts
  gate: Gate
  logger?: Logger
  /** With it, an order's lines are titled in the page's language where the book has a translated title. */
  catalog?: CatalogService
}

const addressQuery = z.object({ address: z.string().max(64).optional() })

/** Puts a delivery address into the member's address book, unless it is there already or the book is full (the order stands either way). */
async function keepAddress(accounts: AccountsService, customerId: string, d: { recipientName: string; recipientPhone: string; postalCode: string; address: string; addressDetail: string }) {
  const known = await accounts.addresses.list(customerId)
  if (known.some((a) => a.postalCode === d.postalCode && a.address === d.address && a.addressDetail === d.addressDetail && a.recipientName === d.recipientName)) return
  await accounts.addresses.add(customerId, d).catch((err: unknown) => {
    if (!(err instanceof InputError)) throw err
  })
}

const ORDER_NUMBER = /^\d{8}-\d{6}$/
const numberParam = z.object({ number: z.string().regex(ORDER_NUMBER) })
const reasonForm = z.object({ reason: z.string().trim().max(200).default('') })
const lookUpForm = z.object({ number: z.string().trim().max(20).default(''), contact: z.string().trim().max(254).default('') })

/** A fresh one-time key for a checkout form: 18 random bytes. */
const newKey = () => randomBytes(18).toString('base64url')

/** Personal pages: never page-cached, never stored by a browser. */
function personal(c: Context<AppEnv>, body: string, status: 200 | 400 | 404 = 200) {
  return c.html(body, status, { 'Cache-Control': 'no-store' })
}

/**
 * Checkout and the buyer's order pages. The form works without script; each
 * wrong field is named in the page's language and what was typed stays; a
 * form sent twice (its key) makes one order.
 */
export const checkoutRoutes = ({ accounts, commerce, orders, payments, shop, gate, logger, catalog }: CheckoutRoutesOptions) => {
  const owner = (c: Context<AppEnv>) => (c.var.customer ? cartOwner(c.var.customer) : gate.ensureSession(c.var.visitor))
  const knownOwner = (c: Context<AppEnv>) => (c.var.customer ? cartOwner(c.var.customer) : c.var.visitor.session)
  const viewer = (c: Context<AppEnv>) => ({ session: c.var.visitor.session, customerId: c.var.customer?.id })

  async function showForm(c: Context<AppEnv>, form: CheckoutForm, status: 200 | 400 = 200, addresses: Address[] = []) {
    const id = knownOwner(c)
    const cart = id ? await commerce.cart(id) : { lines: [], totals: [], count: 0 }
    if (cart.lines.length === 0 && status === 200) return c.redirect(href(c.var.page, '/cart'), 303)
    const now = new Date()
    const customer = c.var.customer
    return personal(
      c,
      checkoutPage(c.var.page, {
        cart,
        form,
        arrives: estimateLabel(shop.estimate(now), now, c.var.page.lang),
        pointsBalance: customer ? (await orders.points(customer.id)).balance : undefined,
        canPayByCard: Boolean(shop.card && payments),
        addresses,
      }),
      status,
    )
  }

  /** The lines' titles in the page's language, where the book has one: an order keeps the title it was bought under. */
  const titlesIn = async (c: Context<AppEnv>, order: Order): Promise<Record<string, string>> => {
    const lang = c.var.page.lang
    if (!catalog || lang === 'ko') return {}
    const books = await catalog.summaries(order.lines.map((l) => l.isbn13))
    return Object.fromEntries(books.flatMap((b) => (b.translations[lang]?.title ? [[b.isbn13, b.translations[lang]!.title]] : [])))
  }
  const view = async (c: Context<AppEnv>, order: Order, canAct: boolean, cardOutcome?: OrderView['cardOutcome']): Promise<OrderView> => ({
    titles: await titlesIn(c, order),
    order,
    bank: shop.bank,
    canAct,
    cardOutcome,
    cardWindow: shop.card && order.paymentMethod === 'card' && order.status === 'awaiting_payment' && canAct ? { sdkUrl: shop.card.sdkUrl, params: shop.card.windowParams(order) } : undefined,
  })

  return new Hono<AppEnv>()
    .get('/checkout', valid('query', addressQuery), async (c) => {
      const customer = c.var.customer
      const values: Partial<CheckoutFormValues> = { idempotencyKey: newKey(), paymentMethod: 'bank_transfer' }
      const addresses = customer && accounts ? await accounts.addresses.list(customer.id) : []
      if (customer) {
        Object.assign(values, { buyerName: customer.name, buyerEmail: customer.email, buyerPhone: customer.phone ?? '', recipientName: customer.name, recipientPhone: customer.phone ?? '' })
        // The address asked for (?address=), else the default one.
        const chosen = addresses.find((a) => a.id === c.req.valid('query').address) ?? addresses.find((a) => a.isDefault)
        if (chosen) Object.assign(values, { recipientName: chosen.recipientName, recipientPhone: chosen.recipientPhone, postalCode: chosen.postalCode, address: chosen.address, addressDetail: chosen.addressDetail })
      }
      return showForm(c, { values, errors: {} }, 200, addresses)
    })
    .post('/checkout', async (c) => {
      const raw = await c.req.parseBody()
      const lang = c.var.page.lang
      const typed = Object.fromEntries(Object.entries(raw).filter(([k, v]) => k !== '_csrf' && typeof v === 'string')) as Partial<CheckoutFormValues>
      const form: CheckoutForm = { values: typed, errors: {} }
      const read = readCheckoutForm(raw, lang)
      if ('errors' in read) {
        for (const e of read.errors) form.errors[e.field as keyof CheckoutFormValues] = errorMessage(lang, e.code, e.field, e.params)
        // An expired or missing key gets a fresh one, so the corrected form can be sent.
        if (form.errors.idempotencyKey) typed.idempotencyKey = newKey()
        logger?.info({ reqId: c.var.requestId, fields: read.errors.map((e) => `${e.field}:${e.code}`) }, 'checkout form refused')
        return showForm(c, form, 400)
      }
      try {
        const order = await orders.place({ owner: owner(c), customerId: c.var.customer?.id ?? null, input: read.input })
        if (c.var.customer && accounts && raw.saveAddress === 'on') await keepAddress(accounts, c.var.customer.id, read.input.delivery)
        return c.redirect(href(c.var.page, `/orders/${order.number}`), 303)
      } catch (err) {
        if (!(err instanceof InputError)) throw err
        logger?.info({ reqId: c.var.requestId, field: err.field, code: err.code }, 'order refused')
        form.errors[(err.field in typed ? err.field : 'form') as keyof CheckoutForm['errors']] = errorMessage(lang, err.code, err.field, err.params)
        return showForm(c, form, 400)
      }
    })
    .get('/orders/lookup', (c) => personal(c, lookUpPage(c.var.page, {})))
    .post('/orders/lookup', valid('form', lookUpForm), async (c) => {
      const { number, contact } = c.req.valid('form')
      try {
        const order = await orders.lookUp(number, contact)
        return personal(c, orderPage(c.var.page, await view(c, order, false)))
      } catch (err) {
        if (!(err instanceof NotFoundError)) throw err
        logger?.info({ reqId: c.var.requestId }, 'guest order lookup found nothing')
        return personal(c, lookUpPage(c.var.page, { number, contact }, errorMessage(c.var.page.lang, 'order_not_found', undefined, {})), 404)
      }
    })
    .get('/orders/:number', valid('param', numberParam), async (c) => {
      const order = await orders.forOwner(c.req.valid('param').number, viewer(c))
      return personal(c, orderPage(c.var.page, await view(c, order, true)))
    })
    // The payment window closed: the server asks PortOne itself and never takes the browser's word for it.
    .post('/orders/:number/card', valid('param', numberParam), async (c) => {
      const order = await orders.forOwner(c.req.valid('param').number, viewer(c))
      if (!payments || order.paymentMethod !== 'card' || !order.paymentId) throw new NotFoundError('card payment', order.number)
      const { outcome } = order.status === 'awaiting_payment' ? await payments.completeCard(order.paymentId, 'portone') : { outcome: 'already_paid' }
      if (outcome === 'pending' || outcome === 'refused') return personal(c, orderPage(c.var.page, await view(c, await orders.byNumber(order.number), true, outcome)))
      return c.redirect(href(c.var.page, `/orders/${order.number}`), 303)
    })
    .post('/orders/:number/cancel', valid('param', numberParam), valid('form', reasonForm), async (c) => {
      const order = await orders.forOwner(c.req.valid('param').number, viewer(c))
      await orders.cancel(order.number, actorOf(c), c.req.valid('form').reason || 'customer')
      return c.redirect(href(c.var.page, `/orders/${order.number}`), 303)
    })
    .post('/orders/:number/return', valid('param', numberParam), valid('form', reasonForm), async (c) => {
      const order = await orders.forOwner(c.req.valid('param').number, viewer(c))
      await orders.requestReturn(order.number, actorOf(c), c.req.valid('form').reason || 'customer')
      return c.redirect(href(c.var.page, `/orders/${order.number}`), 303)
    })
}

const actorOf = (c: Context<AppEnv>) => (c.var.customer ? `customer:${c.var.customer.id}` : 'guest')

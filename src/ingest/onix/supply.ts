import type { IncomingFields } from '../types'
import { childElements, childText, firstChild, type XmlElement } from '../xml/element'
import { supplyPrices, type PriceRule } from './prices'
import type { RecordContext } from './record-context'

/** PublishingStatus codes (list 64) that mean the book can no longer be sold. */
const OFF_SALE_STATUS = new Set(['01', '05', '07', '08', '11', '12', '15', '16', '17'])
/** ProductAvailability codes (list 65) that mean the same. */
const OFF_SALE_AVAILABILITY = new Set(['01', '40', '41', '42', '43', '45', '46', '47', '48', '49', '51', '52'])

/** PublishingDetail: imprint, publisher, publication date (role 01) and status. */
export function publishingDetail(pd: XmlElement, ctx: RecordContext, fields: IncomingFields): void {
  const path = 'PublishingDetail'
  fields.imprint = childText(firstChild(pd, 'Imprint'), 'ImprintName')
  const publishers = childElements(pd, 'Publisher')
  const publisher = publishers.find((p) => childText(p, 'PublishingRole') === '01') ?? publishers[0]
  fields.publisher = childText(publisher, 'PublisherName')
  const status = ctx.code(64, childText(pd, 'PublishingStatus'), `${path}/PublishingStatus`)
  if (status) fields.onSale = !OFF_SALE_STATUS.has(status)
  fields.issuedOn = null
  childElements(pd, 'PublishingDate').forEach((d, i) => {
    if (childText(d, 'PublishingDateRole') !== '01' || fields.issuedOn) return
    const raw = childText(d, 'Date') ?? ''
    // Date formats 00 (YYYYMMDD) and 13/14 (with a time, which a publication date does not need).
    const digits = raw.replace(/-/g, '').replace(/^(\d{8})T[\d:+\-Z]*$/, '$1')
    const at = `${path}/PublishingDate[${i + 1}]/Date`
    if (/^\d{8}$/.test(digits)) fields.issuedOn = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`
    // Date formats 01 (YYYYMM) and 05 (YYYY) keep their precision: a month or a year, never its first day.
    else if (/^\d{6}$/.test(digits)) fields.issuedOn = `${digits.slice(0, 4)}-${digits.slice(4, 6)}`
    else if (/^\d{4}$/.test(digits)) fields.issuedOn = digits
    else ctx.problem(at, `"${raw}" is not a date; expected YYYYMMDD, YYYYMM or YYYY`)
  })
}

/** ProductAvailability codes (list 65) of a product that can be ordered though nobody gave a count: available, in stock, to order, print on demand, not yet available (a pre-order), contact the supplier. */
const ORDERABLE_AVAILABILITY = new Set(['10', '11', '12', '20', '21', '22', '23', '99'])
/** Temporarily unavailable, out of stock, reprinting, awaiting reissue, temporarily withdrawn: none to sell now. */
const NONE_NOW_AVAILABILITY = new Set(['30', '31', '32', '33', '34'])
/** ProductForm (list 150) of products delivered as files: digital (E*), downloadable or online audio. */
const DIGITAL_FORM = /^(E[A-Z]|A[JNO])$/

/**
 * The first SupplyDetail that says anything about availability: stock and
 * lead time. Only <Stock><OnHand> is a count; a product available without one
 * is sold to order (stock null), shipped <OrderTime> days after the order; a
 * digital product has no stock at all.
 */
function supplyState(sd: XmlElement, at: string, form: string | null, ctx: RecordContext, fields: IncomingFields): void {
  const availability = ctx.code(65, childText(sd, 'ProductAvailability'), `${at}/ProductAvailability`)
  if (availability && OFF_SALE_AVAILABILITY.has(availability) && fields.onSale === undefined) fields.onSale = false
  const onHand = childText(firstChild(sd, 'Stock'), 'OnHand')
  const orderTime = childText(sd, 'OrderTime')
  if (form && DIGITAL_FORM.test(form)) {
    fields.stock = null
    fields.leadDays = null
    if (onHand !== null) ctx.corrections.push(`${at}/Stock/OnHand: "${onHand}" ignored: a digital product (ProductForm ${form}) has no stock`)
    return
  }
  if (orderTime !== null && /^\d{1,3}$/.test(orderTime)) fields.leadDays = Number(orderTime)
  else if (orderTime !== null) ctx.corrections.push(`${at}/OrderTime: "${orderTime}" is not a number of days; left out`)
  else fields.leadDays = null
  if (onHand !== null && /^-?\d+$/.test(onHand)) {
    // A negative count is copies owed to earlier orders (backorders): none on hand.
    fields.stock = Math.max(0, Number(onHand))
    if (Number(onHand) < 0) ctx.corrections.push(`${at}/Stock/OnHand: "${onHand}" (copies owed) read as 0 on hand`)
    return
  }
  if (onHand !== null) ctx.corrections.push(`${at}/Stock/OnHand: "${onHand}" is not a count; the stock is left uncounted`)
  if (availability && NONE_NOW_AVAILABILITY.has(availability)) fields.stock = 0
  else if (availability === null || ORDERABLE_AVAILABILITY.has(availability) || onHand !== null) fields.stock = null
}

/**
 * ProductSupply: availability, stock and lead time from the first
 * SupplyDetail that states an availability; prices from all of them, by the
 * store's rule (prices.ts).
 */
export function productSupply(supplies: XmlElement[], ctx: RecordContext, fields: IncomingFields, options: { form: string | null; prices: PriceRule }): void {
  const details = supplies.flatMap((ps, s) => childElements(ps, 'SupplyDetail').map((sd, i) => ({ sd, at: `ProductSupply${supplies.length > 1 ? `[${s + 1}]` : ''}/SupplyDetail[${i + 1}]` })))
  const stated = details.find((d) => firstChild(d.sd, 'ProductAvailability') || firstChild(d.sd, 'Stock')) ?? details[0]
  if (stated) supplyState(stated.sd, stated.at, options.form, ctx, fields)
  supplyPrices(supplies, ctx, fields, options.prices)
}

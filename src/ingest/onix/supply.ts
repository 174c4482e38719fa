import type { IncomingFields } from '../types'
import { childElements, childText, firstChild, type XmlElement } from '../xml/element'
import type { RecordContext } from './record-context'

/** PublishingStatus codes (list 64) that mean the book can no longer be sold. */
const OFF_SALE_STATUS = new Set(['01', '05', '07', '08', '11', '12', '15', '16', '17'])
/** ProductAvailability codes (list 65) that mean the same. */
const OFF_SALE_AVAILABILITY = new Set(['01', '40', '41', '42', '43', '45', '46', '47', '48', '49', '51', '52'])
/** Price types: recommended retail (01/02) or fixed retail (03/04) → list price; special sale (11-14) → sale price. */
const LIST_PRICE_TYPES = ['02', '04', '01', '03']
const SALE_PRICE_TYPES = ['12', '14', '11', '13']

const digitsByCurrency = new Map<string, number>()

/** Digits after the decimal point in a currency's minor unit (KRW and JPY have none), by ICU's currency data. */
export function minorUnitDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency)
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
    } catch {
      digits = 2
    }
    digitsByCurrency.set(currency, digits)
  }
  return digits
}

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

interface PriceRow {
  type: string
  currency: string | null
  amount: number
}

function choosePrice(prices: PriceRow[], types: string[], currency: string | null): PriceRow | undefined {
  for (const type of types) {
    const hit = prices.find((p) => p.type === type && (currency === null || p.currency === currency))
    if (hit) return hit
  }
  return undefined
}

/** ProductSupply: availability, stock on hand and prices, in the currency of the first list price found. */
export function productSupply(ps: XmlElement, ctx: RecordContext, fields: IncomingFields): void {
  const prices: PriceRow[] = []
  childElements(ps, 'SupplyDetail').forEach((sd, i) => {
    const at = `ProductSupply/SupplyDetail[${i + 1}]`
    const availability = ctx.code(65, childText(sd, 'ProductAvailability'), `${at}/ProductAvailability`)
    if (availability && OFF_SALE_AVAILABILITY.has(availability) && fields.onSale === undefined) fields.onSale = false
    const onHand = childText(firstChild(sd, 'Stock'), 'OnHand')
    if (onHand !== null && fields.stock === undefined) fields.stock = Number(onHand)
    childElements(sd, 'Price').forEach((p, j) => {
      const pat = `${at}/Price[${j + 1}]`
      const type = ctx.code(58, childText(p, 'PriceType') ?? '01', `${pat}/PriceType`)
      const currency = ctx.code(96, childText(p, 'CurrencyCode'), `${pat}/CurrencyCode`)
      const raw = childText(p, 'PriceAmount')
      if (!type || raw === null) return
      const amount = Number(raw)
      if (!Number.isFinite(amount) || amount < 0) return ctx.problem(`${pat}/PriceAmount`, `"${raw}" is not a price`)
      prices.push({ type, currency, amount })
    })
  })
  const list = choosePrice(prices, LIST_PRICE_TYPES, 'KRW') ?? choosePrice(prices, LIST_PRICE_TYPES, null)
  if (!list) return
  const currency = list.currency ?? 'KRW'
  const scale = 10 ** minorUnitDigits(currency)
  fields.currency = currency
  fields.listPrice = Math.round(list.amount * scale)
  const sale = choosePrice(prices, SALE_PRICE_TYPES, list.currency)
  fields.salePrice = sale ? Math.round(sale.amount * scale) : null
}

import type { IncomingFields } from '../types'
import { childElements, childText, firstChild, type XmlElement } from '../xml/element'
import { readPriceAmount } from './price-amount'
import type { RecordContext } from './record-context'
import { CODE_LISTS } from './tables.generated'

/**
 * Which of a product's prices the store sells at. Colophon sells in Korea:
 * only a price whose Territory (and its ProductSupply's Market) includes KR
 * counts, and the store's own currency, KRW, comes first; then the
 * currencies of `fallback` in its order ('any': the feed's first, the way
 * Colophon always read feeds; 'none': KRW or no price).
 */
export interface PriceRule {
  fallback: 'any' | 'none' | readonly string[]
}

export const DEFAULT_PRICE_RULE: PriceRule = { fallback: 'any' }

const STORE_COUNTRY = 'KR'
const STORE_CURRENCY = 'KRW'
/** Price types (list 58): recommended retail (01/02) or fixed retail (03/04) → list price; special sale (11-14) → sale price. */
const LIST_PRICE_TYPES = ['02', '04', '01', '03']
const SALE_PRICE_TYPES = ['12', '14', '11', '13']
const PRICE_TYPES = new Set(CODE_LISTS[58])
const CURRENCIES = new Set(CODE_LISTS[96])

interface OfferedPrice {
  type: string
  currency: string
  minor: number
  /** Where the price may be used, as the feed says it ("FR", "WORLD except FR"), for the report. */
  where: string
  isForStore: boolean
}

const codes = (el: XmlElement, name: string) => (childText(el, name) ?? '').split(/\s+/).filter(Boolean)

/** Whether a Territory (or a Market's) takes in Korea: listed, or the world without Korea excluded. No Territory: everywhere. */
function territoryOf(territory: XmlElement | undefined): { where: string; isForStore: boolean } {
  if (!territory) return { where: 'everywhere', isForStore: true }
  const included = codes(territory, 'CountriesIncluded')
  const regions = codes(territory, 'RegionsIncluded')
  const excluded = codes(territory, 'CountriesExcluded')
  const where = [...included, ...regions].join(' ') + (excluded.length ? ` except ${excluded.join(' ')}` : '')
  const isForStore = !excluded.includes(STORE_COUNTRY) && (included.includes(STORE_COUNTRY) || regions.includes('WORLD'))
  return { where, isForStore }
}

/** One Price, or null with a correction saying why this price (and only it) is left out. */
function offeredPrice(p: XmlElement, pat: string, market: boolean, ctx: RecordContext): OfferedPrice | null {
  const type = childText(p, 'PriceType') ?? '01'
  const raw = childText(p, 'PriceAmount')
  const code = childText(p, 'CurrencyCode')
  const leftOut = (why: string) => (ctx.corrections.push(`${pat}: ${why}; this price is left out, the product's other prices are read`), null)
  if (!PRICE_TYPES.has(type)) return leftOut(`PriceType "${type}" is not a code of ONIX code list 58`)
  if (raw === null) return null
  if (code !== null && !CURRENCIES.has(code)) return leftOut(`CurrencyCode "${code}" is not an ISO 4217 currency (ONIX code list 96)`)
  const currency = code ?? STORE_CURRENCY
  if (code === null) ctx.corrections.push(`${pat}: no CurrencyCode; read as ${STORE_CURRENCY}`)
  const read = readPriceAmount(raw, minorUnitDigits(currency), currency)
  if ('reason' in read) return leftOut(`PriceAmount ${read.reason}`)
  if (read.reading) ctx.corrections.push(`${pat}/PriceAmount: "${raw}" read as ${read.minor / 10 ** minorUnitDigits(currency)} ${currency} (${read.reading})`)
  const { where, isForStore } = territoryOf(firstChild(p, 'Territory'))
  return { type, currency, minor: read.minor, where, isForStore: isForStore && market }
}

function choose(prices: OfferedPrice[], types: string[], currency: string): OfferedPrice | undefined {
  for (const type of types) {
    const hit = prices.find((p) => p.isForStore && p.type === type && p.currency === currency)
    if (hit) return hit
  }
  return undefined
}

function currenciesToTry(prices: OfferedPrice[], rule: PriceRule): string[] {
  const fallback = rule.fallback === 'none' ? [] : rule.fallback === 'any' ? prices.map((p) => p.currency) : rule.fallback
  return [...new Set([STORE_CURRENCY, ...fallback])]
}

/**
 * ProductSupply prices: every Price of every SupplyDetail, each read on its
 * own (a bad one is left out with a correction, never the product), then the
 * list price and sale price by the store's rule. A product whose prices are
 * all for other countries is written without a price, and the report says so.
 */
export function supplyPrices(supplies: XmlElement[], ctx: RecordContext, fields: IncomingFields, rule: PriceRule): void {
  const prices: OfferedPrice[] = []
  let isPriced = false
  supplies.forEach((ps, s) => {
    const market = territoryOf(firstChild(firstChild(ps, 'Market'), 'Territory')).isForStore
    childElements(ps, 'SupplyDetail').forEach((sd, i) => {
      const at = `ProductSupply${supplies.length > 1 ? `[${s + 1}]` : ''}/SupplyDetail[${i + 1}]`
      if (firstChild(sd, 'UnpricedItemType')) isPriced = true
      childElements(sd, 'Price').forEach((p, j) => {
        isPriced = true
        const price = offeredPrice(p, `${at}/Price[${j + 1}]`, market, ctx)
        if (price) prices.push(price)
      })
    })
  })
  if (!isPriced) return
  const currency = currenciesToTry(prices, rule).find((c) => choose(prices, LIST_PRICE_TYPES, c))
  if (!currency) {
    fields.listPrice = null
    fields.salePrice = null
    if (prices.length) ctx.corrections.push(`ProductSupply: no price the store may sell at in ${STORE_COUNTRY} (${describe(prices, rule)}); the book has no price`)
    return
  }
  const list = choose(prices, LIST_PRICE_TYPES, currency)!
  if (currency !== STORE_CURRENCY) ctx.corrections.push(`ProductSupply: no ${STORE_CURRENCY} price for ${STORE_COUNTRY}; the ${currency} price for ${list.where} is used`)
  fields.currency = currency
  fields.listPrice = list.minor
  fields.salePrice = choose(prices, SALE_PRICE_TYPES, currency)?.minor ?? null
}

function describe(prices: OfferedPrice[], rule: PriceRule): string {
  const given = [...new Set(prices.map((p) => `${p.currency} for ${p.where}`))].slice(0, 5).join(', ')
  const taken = rule.fallback === 'any' ? 'any currency' : [STORE_CURRENCY, ...(rule.fallback === 'none' ? [] : rule.fallback)].join(' or ')
  return `prices given: ${given}; taken: ${taken} for ${STORE_COUNTRY}`
}

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

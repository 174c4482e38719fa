import { InputError } from '../../core/errors'
import { priceLine, type Coupon, type LineInput, type PricedLine } from './line'
import type { PricingRules } from './rules'

export interface CartPricingOptions {
  /** Points the shopper asks to pay with. */
  pointsToSpend?: number
  pointsBalance?: number
  /** Money off the whole order, shared among the lines by their totals. */
  coupon?: Coupon
}

/** A priced cart in one currency, in its minor units; every total is the sum of its parts. */
export interface PricedCart {
  currency: string
  lines: PricedLine[]
  booksTotal: number
  shippingFee: number
  pointsSpent: number
  amountToPay: number
  pointsEarned: number
  /** Books are exempt from VAT (부가가치세법 §26 ① 8). */
  isVatExempt: true
}

const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0)

/** An order coupon in shares proportional to the lines' totals, the leftover won to the largest remainders. */
function couponShares(coupon: Coupon | undefined, totals: number[]): number[] {
  const whole = sum(totals)
  if (!coupon || whole === 0) return totals.map(() => 0)
  const asked = Math.min(whole, Math.max(0, Math.floor('amount' in coupon ? coupon.amount : (whole * coupon.percent) / 100)))
  const exact = totals.map((t) => (asked * t) / whole)
  const shares = exact.map(Math.floor)
  const byRemainder = exact.map((x, i) => [x - shares[i]!, i] as const).sort((a, b) => b[0] - a[0])
  for (let left = asked - sum(shares), k = 0; left > 0; left--, k++) shares[byRemainder[k]![1]]!++
  return shares
}

/**
 * Prices a cart of one currency: each line under the law, then shipping
 * (free from the threshold, only in the currency the fee is set in), the
 * points paid with (at most the balance and the amount due), what is left to
 * pay and the points earned. Points paid with are money, not a discount, so
 * they do not count against the law's 15%.
 */
export function priceCart(lines: LineInput[], rules: PricingRules, options: CartPricingOptions = {}): PricedCart {
  const { pointsToSpend = 0, pointsBalance = 0, coupon } = options
  const currency = lines[0]?.currency ?? rules.shipping.currency
  const mixed = lines.find((l) => l.currency !== currency)
  if (mixed) throw new InputError('currency', `a cart priced at once must be in one currency, got ${currency} and ${mixed.currency}`, { code: 'cart_mixed_currency', params: { currencies: `${currency}, ${mixed.currency}` } })
  const shares = couponShares(coupon, lines.map((l) => priceLine(l, rules).lineTotal))
  const priced = lines.map((l, i) => priceLine(l, rules, shares[i]))
  const booksTotal = sum(priced.map((l) => l.lineTotal))
  const { fee, freeFrom } = rules.shipping
  // A cart of e-books only has no parcel, so no fee.
  const hasParcel = lines.some((l) => !l.isDigital)
  const shippingFee = hasParcel && currency === rules.shipping.currency && booksTotal < freeFrom ? fee : 0
  const pointsSpent = Math.max(0, Math.min(Math.floor(pointsToSpend), Math.floor(pointsBalance), booksTotal + shippingFee))
  return {
    currency,
    lines: priced,
    booksTotal,
    shippingFee,
    pointsSpent,
    amountToPay: booksTotal + shippingFee - pointsSpent,
    pointsEarned: sum(priced.map((l) => l.points)),
    isVatExempt: true,
  }
}

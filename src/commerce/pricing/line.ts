import { isUnderPriceLaw, priceLawError } from '../../catalog'
import type { PricingRules } from './rules'

/** Money off a line (or an order): a sum in minor units, or a percentage of the price after discounts. */
export type Coupon = { amount: number } | { percent: number }

export interface LineInput {
  listPrice: number
  /** The catalog's sale price; none sells at the list price. */
  salePrice?: number | null
  currency: string
  quantity: number
  coupon?: Coupon
  /** Delivered as a file (an e-book): nothing to ship. */
  isDigital?: boolean
}

/** What the law changed in a line, with the facts (the page words them). */
export type LawAdjustment =
  | { code: 'sale_below_minimum'; params: { salePrice: number; minimum: number } }
  | { code: 'coupon_cut'; params: { asked: number; allowed: number } }
  | { code: 'points_capped'; params: { asked: number; allowed: number } }

/**
 * One priced line, in minor units: `listPrice` and `unitPrice` are per copy,
 * `discount`, `points`, `couponDiscount` and `lineTotal` for the whole line.
 */
export interface PricedLine {
  currency: string
  quantity: number
  listPrice: number
  unitPrice: number
  discount: number
  points: number
  couponDiscount: number
  lineTotal: number
  lawAdjustments: LawAdjustment[]
}

/** 출판문화산업 진흥법 §22 ⑤: price discount plus other economic benefit (points, coupons) at most 15% of the list price. */
const benefitCap = (listPrice: number) => Math.floor((listPrice * 15) / 100)

function couponAmount(coupon: Coupon | undefined, price: number): number {
  if (!coupon) return 0
  const asked = 'amount' in coupon ? coupon.amount : Math.floor((price * coupon.percent) / 100)
  return Math.min(price, Math.max(0, Math.floor(asked)))
}

/** Points per copy at the rate, rounded down; the rate is read in basis points so 0.07 × 100 is 7, not 7.000…1. */
const pointsAt = (price: number, rate: number) => Math.floor((price * Math.round(rate * 10_000)) / 10_000)

/**
 * Prices one line. Under the law (KRW, law on) a sale price below 90% of the
 * list sells at the list price; a coupon is cut so that discount and coupon
 * stay within 15% of the list; points fill what room is left, per copy.
 * `extraCoupon` is this line's share of an order coupon.
 */
export function priceLine(input: LineInput, rules: PricingRules, extraCoupon = 0): PricedLine {
  const { listPrice, currency, quantity } = input
  const isBound = rules.isPriceLawOn && isUnderPriceLaw(currency)
  const lawAdjustments: LawAdjustment[] = []
  const asked = input.salePrice ?? listPrice
  const lawError = isBound ? priceLawError({ currency, listPrice, salePrice: asked }) : undefined
  if (lawError) lawAdjustments.push({ code: 'sale_below_minimum', params: lawError.params })
  const unitPrice = lawError ? listPrice : asked
  const discountPerCopy = Math.max(0, listPrice - unitPrice)
  const roomPerCopy = isBound ? Math.max(0, benefitCap(listPrice) - discountPerCopy) : Infinity
  const beforeCoupon = unitPrice * quantity
  const couponAsked = Math.min(beforeCoupon, couponAmount(input.coupon, beforeCoupon) + extraCoupon)
  const couponDiscount = Math.min(couponAsked, roomPerCopy * quantity)
  if (couponDiscount < couponAsked) lawAdjustments.push({ code: 'coupon_cut', params: { asked: couponAsked, allowed: couponDiscount } })
  // The coupon's share of each copy is rounded up, so the points never take the cap over by a fraction.
  const pointsRoom = Math.max(0, roomPerCopy - Math.ceil(couponDiscount / quantity))
  const pointsAsked = pointsAt(unitPrice, rules.pointRate)
  const pointsPerCopy = Math.min(pointsAsked, pointsRoom)
  if (pointsPerCopy < pointsAsked) lawAdjustments.push({ code: 'points_capped', params: { asked: pointsAsked, allowed: pointsPerCopy } })
  return {
    currency,
    quantity,
    listPrice,
    unitPrice,
    discount: discountPerCopy * quantity,
    points: pointsPerCopy * quantity,
    couponDiscount,
    lineTotal: beforeCoupon - couponDiscount,
    lawAdjustments,
  }
}

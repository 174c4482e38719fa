import { describe, expect, it } from 'vitest'
import { priceCart } from './cart'
import { priceLine } from './line'
import { DEFAULT_PRICING_RULES as rules, type PricingRules } from './rules'

const book = { listPrice: 24_000, salePrice: 21_600, currency: 'KRW', quantity: 1 }
const richPoints: PricingRules = { ...rules, pointRate: 0.1 }

describe('priceLine', () => {
  it('sells at the 10% discount and earns 5% of the sale price in points', () => {
    expect(priceLine({ ...book, quantity: 2 }, rules)).toEqual({
      currency: 'KRW', quantity: 2, listPrice: 24_000, unitPrice: 21_600, discount: 4_800, points: 2_160, couponDiscount: 0, lineTotal: 43_200, lawAdjustments: [],
    })
  })

  it('caps points at 1,200 a copy when 10% would take the benefit past 15% of the list price', () => {
    const line = priceLine({ ...book, quantity: 3 }, richPoints)
    expect(line.points).toBe(3_600)
    expect(line.lawAdjustments).toEqual([{ code: 'points_capped', params: { asked: 2_160, allowed: 1_200 } }])
  })

  it('sells a sale price below 90% of the list at the list price, and says why', () => {
    const line = priceLine({ ...book, salePrice: 19_000 }, rules)
    expect(line).toMatchObject({ unitPrice: 24_000, discount: 0, points: 1_200, lineTotal: 24_000 })
    expect(line.lawAdjustments).toEqual([{ code: 'sale_below_minimum', params: { salePrice: 19_000, minimum: 21_600 } }])
  })

  it('cuts a coupon to what the law leaves after the discount, then leaves no room for points', () => {
    const line = priceLine({ ...book, quantity: 2, coupon: { amount: 5_000 } }, rules)
    expect(line).toMatchObject({ couponDiscount: 2_400, points: 0, lineTotal: 40_800 })
    expect(line.lawAdjustments.map((a) => a.code)).toEqual(['coupon_cut', 'points_capped'])
  })

  it('gives a small coupon and the points the rest of the room', () => {
    const line = priceLine({ ...book, coupon: { percent: 2 } }, rules)
    expect(line).toMatchObject({ couponDiscount: 432, points: 768, lineTotal: 21_168 })
  })

  it('sets no cap on other currencies or with the law off, only the point rate', () => {
    const usd = priceLine({ listPrice: 2_000, salePrice: 1_000, currency: 'USD', quantity: 1, coupon: { amount: 500 } }, richPoints)
    expect(usd).toMatchObject({ unitPrice: 1_000, couponDiscount: 500, points: 100, lineTotal: 500, lawAdjustments: [] })
    const off = priceLine({ ...book, salePrice: 19_000 }, { ...rules, isPriceLawOn: false })
    expect(off).toMatchObject({ unitPrice: 19_000, points: 950, lawAdjustments: [] })
  })

  it('rounds points down to the won, reading the rate exactly', () => {
    expect(priceLine({ listPrice: 100, currency: 'KRW', quantity: 1 }, { ...rules, pointRate: 0.07 }).points).toBe(7)
    expect(priceLine({ listPrice: 12_345, currency: 'KRW', quantity: 1 }, rules).points).toBe(617)
  })
})

describe('priceCart', () => {
  it('charges 3,000 won shipping below 15,000 and none from it, and is VAT exempt', () => {
    const small = priceCart([{ listPrice: 12_000, salePrice: 10_800, currency: 'KRW', quantity: 1 }], rules)
    expect(small).toMatchObject({ booksTotal: 10_800, shippingFee: 3_000, amountToPay: 13_800, pointsEarned: 540, isVatExempt: true })
    const large = priceCart([book], rules)
    expect(large).toMatchObject({ booksTotal: 21_600, shippingFee: 0, amountToPay: 21_600, pointsEarned: 1_080 })
  })

  it('spends points up to the balance and never past what is due', () => {
    expect(priceCart([book], rules, { pointsToSpend: 5_000, pointsBalance: 2_000 })).toMatchObject({ pointsSpent: 2_000, amountToPay: 19_600 })
    expect(priceCart([book], rules, { pointsToSpend: 90_000, pointsBalance: 90_000 })).toMatchObject({ pointsSpent: 21_600, amountToPay: 0 })
  })

  it('shares an order coupon among the lines by their totals, each within the law', () => {
    const cart = priceCart([book, { listPrice: 10_000, salePrice: 10_000, currency: 'KRW', quantity: 1 }], rules, { coupon: { amount: 3_160 } })
    expect(cart.lines.map((l) => l.couponDiscount)).toEqual([1_200, 1_000])
    expect(cart.lines[0]!.lawAdjustments[0]).toEqual({ code: 'coupon_cut', params: { asked: 2_160, allowed: 1_200 } })
    expect(cart.booksTotal).toBe(21_600 - 1_200 + 10_000 - 1_000)
  })

  it('charges no shipping on an empty cart and refuses mixed currencies', () => {
    expect(priceCart([], rules)).toMatchObject({ booksTotal: 0, shippingFee: 0, amountToPay: 0 })
    expect(() => priceCart([book, { ...book, currency: 'USD' }], rules)).toThrow(/one currency/)
  })
})

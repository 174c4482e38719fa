import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { priceCart } from './cart'
import type { LineInput, PricedLine } from './line'
import { DEFAULT_PRICING_RULES, type PricingRules } from './rules'

const coupon = fc.option(fc.oneof(fc.record({ amount: fc.integer({ min: 0, max: 2_000_000 }) }), fc.record({ percent: fc.integer({ min: 0, max: 100 }) })), { nil: undefined })

const line: fc.Arbitrary<LineInput> = fc
  .record({ listPrice: fc.integer({ min: 0, max: 1_000_000 }), saleShare: fc.double({ min: 0, max: 1, noNaN: true }), hasSale: fc.boolean(), quantity: fc.integer({ min: 1, max: 99 }), coupon })
  .map(({ listPrice, saleShare, hasSale, quantity, coupon }) => ({ listPrice, salePrice: hasSale ? Math.floor(listPrice * saleShare) : null, currency: 'KRW', quantity, coupon }))

const rules: fc.Arbitrary<PricingRules> = fc.record({
  isPriceLawOn: fc.constant(true),
  pointRate: fc.double({ min: 0, max: 0.2, noNaN: true }),
  shipping: fc.constant(DEFAULT_PRICING_RULES.shipping),
})

const isAmount = (n: number) => Number.isSafeInteger(n) && n >= 0
const benefit = (l: PricedLine) => l.discount + l.points + l.couponDiscount

describe('the book price law, for any prices, rates, coupons and quantities', () => {
  it('never charges below 90% of the list nor gives more than 15% of it, per copy and per line', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), rules, coupon, (lines, r, orderCoupon) => {
        const cart = priceCart(lines, r, { coupon: orderCoupon })
        cart.lines.forEach((l, i) => {
          expect(l.listPrice).toBe(lines[i]!.listPrice)
          expect(10 * l.unitPrice).toBeGreaterThanOrEqual(9 * l.listPrice)
          expect(100 * benefit(l)).toBeLessThanOrEqual(15 * l.listPrice * l.quantity)
          // Per copy: the line's discount and points are whole per copy; the coupon's share rounded up.
          expect(100 * (l.discount / l.quantity + l.points / l.quantity + Math.ceil(l.couponDiscount / l.quantity))).toBeLessThanOrEqual(15 * l.listPrice)
          for (const n of [l.unitPrice, l.discount, l.points, l.couponDiscount, l.lineTotal]) expect(isAmount(n)).toBe(true)
          expect(l.lineTotal).toBe(l.unitPrice * l.quantity - l.couponDiscount)
        })
      }),
      { numRuns: 500 },
    )
  })

  it('adds up to the won: books, shipping, points spent, points earned', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 5 }), rules, fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), (lines, r, pointsToSpend, pointsBalance) => {
        const cart = priceCart(lines, r, { pointsToSpend, pointsBalance })
        const sum = (f: (l: PricedLine) => number) => cart.lines.reduce((t, l) => t + f(l), 0)
        expect(cart.booksTotal).toBe(sum((l) => l.lineTotal))
        expect(cart.pointsEarned).toBe(sum((l) => l.points))
        expect(cart.amountToPay).toBe(cart.booksTotal + cart.shippingFee - cart.pointsSpent)
        expect(cart.pointsSpent).toBeLessThanOrEqual(Math.min(pointsBalance, cart.booksTotal + cart.shippingFee))
        expect(cart.shippingFee).toBe(lines.length && cart.booksTotal < r.shipping.freeFrom ? r.shipping.fee : 0)
        for (const n of [cart.booksTotal, cart.shippingFee, cart.pointsSpent, cart.amountToPay, cart.pointsEarned]) expect(isAmount(n)).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it('with the law off, earns the point rate of the sale price and sells at it', () => {
    fc.assert(
      fc.property(line, fc.integer({ min: 0, max: 2_000 }), (l, basisPoints) => {
        const [priced] = priceCart([l], { ...DEFAULT_PRICING_RULES, isPriceLawOn: false, pointRate: basisPoints / 10_000 }).lines
        const unit = l.salePrice ?? l.listPrice
        expect(priced!.unitPrice).toBe(unit)
        expect(priced!.points).toBe(Math.floor((unit * basisPoints) / 10_000) * l.quantity)
      }),
    )
  })
})

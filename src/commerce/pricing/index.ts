export { priceLine, type Coupon, type LineInput, type PricedLine, type LawAdjustment } from './line'
export { priceCart, type CartPricingOptions, type PricedCart } from './cart'
export { pricingRules, DEFAULT_PRICING_RULES, type PricingRules, type PricingConfig } from './rules'

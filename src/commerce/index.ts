export { CommerceService, MAX_QUANTITY } from './service'
export type { Cart, CartTotal, Order } from './types'
export { pricingRules, priceCart, priceLine, type PricingRules, type PricedCart, type PricedLine } from './pricing'

export { CommerceService, MAX_QUANTITY } from './service'
export type { Cart, CartLine, Money, Order, OrderLine, ShopperSignals } from './types'

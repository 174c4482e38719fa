export { CommerceService, MAX_QUANTITY } from './service'
export type { Cart, Order } from './types'

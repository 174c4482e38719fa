import type { BankAccount, DeliveryEstimate, Order } from '../commerce'

/** What the shop's pages tell a buyer about paying and delivery. */
export interface ShopFacts {
  bank: BankAccount
  estimate(placedAt: Date): DeliveryEstimate
  /** Card payments through PortOne, when the store has an account: its browser script and the window's parameters (no secrets). */
  card?: { sdkUrl: string; windowParams(order: Order): object }
}

import { InputError } from '../../core/errors'
import type { OrderStatus } from './types'

/**
 * The steps an order may take. Cancelling is only possible before the books
 * leave; after that, a return. Everything else is refused with a reason.
 */
const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  awaiting_payment: ['paid', 'cancelled'],
  paid: ['preparing', 'shipped', 'cancelled'],
  preparing: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: ['return_requested'],
  return_requested: ['returned', 'delivered'],
  returned: ['refunded'],
  refunded: [],
  cancelled: [],
}

export const ORDER_STATUSES = Object.keys(NEXT) as OrderStatus[]

export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  return NEXT[from].includes(to)
}

/** Refuses a step the order cannot take from where it is. */
export function assertMove(number: string, from: OrderStatus, to: OrderStatus): void {
  if (!canMove(from, to)) {
    throw new InputError('status', `order ${number} is ${from} and cannot become ${to} (from ${from}: ${NEXT[from].join(', ') || 'no further step'})`, {
      code: 'order_bad_step',
      params: { number, from, to },
    })
  }
}

/** Stock goes back to the shelf when an order leaves these for cancelled (it was taken at placing). */
export const HOLDS_STOCK: readonly OrderStatus[] = ['awaiting_payment', 'paid', 'preparing']

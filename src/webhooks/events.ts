import { HOLDS_STOCK, type Order, type OrderNotice } from '../commerce'
import type { WebhookEvent } from './types'

/** What a catalog write did to one book (the catalog's BookChange has this shape). */
export interface BookWrite {
  isbn13: string
  change: 'created' | 'updated'
  fields: Array<{ field: string; before: unknown; after: unknown }>
}

/** An event before it is addressed to endpoints: its type and its data. */
export interface RaisedEvent {
  type: WebhookEvent
  data: Record<string, unknown>
}

const ORDER_EVENTS: Partial<Record<string, WebhookEvent>> = { paid: 'order.paid', shipped: 'order.shipped', cancelled: 'order.cancelled' }

/** What a receiver learns of an order: enough to book it in accounts or ship it. */
function orderData(order: Order, notice: OrderNotice): Record<string, unknown> {
  const { id, number, status, placedAt, currency, booksTotal, shippingFee, pointsSpent, total, paymentMethod, paidAt, carrier, trackingNumber, buyer, delivery, lines } = order
  return {
    order: { id, number, status, placedAt, currency, booksTotal, shippingFee, pointsSpent, total, paymentMethod, paidAt, carrier, trackingNumber, buyer, delivery, lines: lines.map(({ isbn13, title, quantity, unitPrice }) => ({ isbn13, title, quantity, unitPrice })) },
    step: { from: notice.event.from, to: notice.event.to, at: notice.event.at, reason: notice.event.reason },
  }
}

/**
 * The events an order step raises: placing is order.placed, and it takes the
 * books from stock; paying, shipping and cancelling have their own events;
 * a cancelled order that held copies, or a received return, puts them back.
 */
export function orderStepEvents(notice: OrderNotice): RaisedEvent[] {
  const { order, event } = notice
  const type = event.from === null ? 'order.placed' : ORDER_EVENTS[event.to]
  const raised: RaisedEvent[] = type ? [{ type, data: orderData(order, notice) }] : []
  const stockSign = event.from === null ? -1 : (event.to === 'cancelled' && HOLDS_STOCK.includes(event.from)) || event.to === 'returned' ? 1 : 0
  if (stockSign !== 0) {
    for (const line of order.lines) raised.push({ type: 'stock.changed', data: { isbn13: line.isbn13, change: stockSign * line.quantity, cause: { order: order.number, step: event.to } } })
  }
  return raised
}

/** A catalog write: book.changed for each book made or changed, stock.changed for each whose count moved. */
export function bookWriteEvents(changes: BookWrite[]): RaisedEvent[] {
  const raised: RaisedEvent[] = []
  for (const change of changes) {
    if (change.change === 'updated' && change.fields.length === 0) continue
    raised.push({ type: 'book.changed', data: { isbn13: change.isbn13, change: change.change, fields: change.fields.map((f) => f.field) } })
    const stock = change.fields.find((f) => f.field === 'stock')
    if (stock) {
      const [before, after] = [stock.before as number | null, stock.after as number | null]
      raised.push({ type: 'stock.changed', data: { isbn13: change.isbn13, change: before !== null && after !== null ? after - before : null, stock: after, cause: { edit: true } } })
    }
  }
  return raised
}

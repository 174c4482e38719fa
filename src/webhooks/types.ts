/** The events an endpoint may ask for. */
export const WEBHOOK_EVENTS = ['order.placed', 'order.paid', 'order.shipped', 'order.cancelled', 'book.changed', 'stock.changed'] as const
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]

/** A receiver an owner registered. The secret is not part of it: it is shown once, when registered. */
export interface WebhookEndpoint {
  id: string
  url: string
  description: string
  events: WebhookEvent[]
  createdAt: string
  /** Set once the owner turned it off: nothing more is queued for it. */
  disabledAt: string | null
}

export interface EndpointDraft {
  url: string
  description: string
  events: WebhookEvent[]
}

export type DeliveryStatus = 'queued' | 'sending' | 'delivered' | 'failed'

/** One message to one endpoint, as the delivery log shows it. */
export interface WebhookDelivery {
  /** msg_…: the webhook-id header, the same on every attempt and re-send. */
  id: string
  endpointId: string
  event: WebhookEvent
  payload: string
  status: DeliveryStatus
  attempts: number
  createdAt: string
  nextAttemptAt: string
  lastAttemptAt: string | null
  /** The last answer's HTTP status, and the start of its body. */
  responseStatus: number | null
  responseExcerpt: string | null
  lastError: string | null
  deliveredAt: string | null
}

/** An event as the body of a delivery says it (the Standard Webhooks payload shape). */
export interface WebhookMessage {
  type: WebhookEvent
  timestamp: string
  data: Record<string, unknown>
}

export { WebhookService, type WebhookAudit, type WebhookEditor, type WebhookServiceOptions } from './service'
export { WEBHOOK_EVENTS, type DeliveryStatus, type EndpointDraft, type WebhookDelivery, type WebhookEndpoint, type WebhookEvent, type WebhookMessage } from './types'

export { PortOne, type PaymentCheck, type PaymentWindowParams, type PortOneConfig } from './client'
export { PortOneRefusedError, PortOneUnavailableError } from './errors'
export type { VerifiedWebhook } from './webhook'

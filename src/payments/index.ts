export { PaymentsService } from './service'
export type { CardOutcome, ExpiryReport, PaymentsOptions, StatementReport, WebhookOutcome } from './types'
export { parseStatement, matchDeposits, type ParsedStatement, type StatementError, type StatementLine, type AwaitingOrder, type DepositMatch } from './bank-transfer'
export { PortOne, PortOneRefusedError, PortOneUnavailableError, type PaymentCheck, type PaymentWindowParams, type PortOneConfig, type VerifiedWebhook } from './portone'

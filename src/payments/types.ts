import type { Logger } from '../core/logger'
import type { StatementError, StatementLine } from './bank-transfer'
import type { PortOne } from './portone'

export interface PaymentsOptions {
  /** Card payments; without it only bank transfers are taken. */
  portone?: PortOne
  logger?: Logger
  now?: () => Date
}

/** What importing one bank statement did, line by line, for the person who imported it. */
export interface StatementReport {
  file: string
  /** Deposits read from the file. */
  read: number
  /** Deposits imported before (by an earlier import of this or another statement): nothing credited again. */
  repeated: number
  matched: Array<{ line: StatementLine; orderNumber: string }>
  /** Deposits a person must decide: more than one order fits, or the one that fit changed meanwhile. */
  ambiguous: Array<{ line: StatementLine; candidates: string[] }>
  unmatched: Array<{ line: StatementLine; reason: 'no_amount' | 'no_name' }>
  errors: StatementError[]
}

/**
 * What came of asking PortOne about an order's card payment. `refunded_late`:
 * the money arrived for an order already cancelled, and was given back.
 */
export interface CardOutcome {
  outcome: 'paid' | 'pending' | 'refused' | 'already_paid' | 'refunded_late'
  reason?: string
}

/** A webhook is acknowledged whatever it says; `ignored` when it concerns no order of this shop. */
export interface WebhookOutcome {
  type: string
  outcome: CardOutcome['outcome'] | 'ignored'
}

/** What a round of the payment deadline did. */
export interface ExpiryReport {
  cancelled: string[]
  paid: string[]
}

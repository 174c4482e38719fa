/**
 * PortOne answered and said no: a wrong API secret (`UNAUTHORIZED`), a
 * refund it will not make (`PAYMENT_NOT_PAID`, `CANCEL_AMOUNT_EXCEEDS_…`).
 * `code` is PortOne's error type as it sent it. Retrying will not help.
 */
export class PortOneRefusedError extends Error {
  constructor(
    readonly operation: 'getPayment' | 'cancelPayment',
    readonly paymentId: string,
    readonly code: string,
    detail: string,
  ) {
    super(`PortOne refused ${operation} for payment ${paymentId}: ${code}${detail ? ` (${detail})` : ''}`)
    this.name = 'PortOneRefusedError'
  }
}

/** PortOne did not answer in time, or answered with a server error: worth trying again later. */
export class PortOneUnavailableError extends Error {
  constructor(
    readonly operation: 'getPayment' | 'cancelPayment',
    readonly paymentId: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`PortOne did not answer ${operation} for payment ${paymentId}: ${reason}`, options)
    this.name = 'PortOneUnavailableError'
  }
}

import { Payment, type Unrecognized } from '@portone/server-sdk'
import { PortOneRefusedError, PortOneUnavailableError } from './errors'

type Known<T> = Exclude<T, Unrecognized>
type Operation = 'getPayment' | 'cancelPayment'

// The error types PortOne documents for each call (the SDK's unions, checked by
// the compiler). An answer of any other type, or no parseable answer at all, is
// a server fault or a gateway page: PortOne is down, not saying no.
const REFUSALS: { [O in Operation]: Record<string, true> } = {
  getPayment: {
    FORBIDDEN: true,
    INVALID_REQUEST: true,
    PAYMENT_NOT_FOUND: true,
    UNAUTHORIZED: true,
  } satisfies Record<Known<Payment.GetPaymentError['data']['type']>, true>,
  cancelPayment: {
    CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN: true,
    CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT: true,
    CANCEL_TAX_AMOUNT_EXCEEDS_CANCELLABLE_TAX_AMOUNT: true,
    CANCEL_TAX_FREE_AMOUNT_EXCEEDS_CANCELLABLE_TAX_FREE_AMOUNT: true,
    FORBIDDEN: true,
    INVALID_REQUEST: true,
    NEGATIVE_PROMOTION_ADJUSTED_CANCEL_AMOUNT: true,
    PAYMENT_ALREADY_CANCELLED: true,
    PAYMENT_NOT_FOUND: true,
    PAYMENT_NOT_PAID: true,
    PG_PROVIDER: true,
    PROMOTION_DISCOUNT_RETAIN_OPTION_SHOULD_NOT_BE_CHANGED: true,
    SUM_OF_PARTS_EXCEEDS_CANCEL_AMOUNT: true,
    UNAUTHORIZED: true,
  } satisfies Record<Known<Payment.CancelPaymentError['data']['type']>, true>,
}

/**
 * Runs one PortOne call within `timeoutMs`. PortOne saying no becomes a
 * PortOneRefusedError; silence, a network failure or a server error becomes a
 * PortOneUnavailableError. The SDK takes no abort signal, so a call that
 * times out is abandoned rather than aborted.
 */
export async function callPortOne<T>(
  operation: Operation,
  paymentId: string,
  timeoutMs: number,
  call: () => Promise<T>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new PortOneUnavailableError(operation, paymentId, `no answer within ${timeoutMs} ms`)),
      timeoutMs,
    )
  })
  try {
    return await Promise.race([call(), timeout])
  } catch (err) {
    throw classify(operation, paymentId, err)
  } finally {
    clearTimeout(timer)
  }
}

function classify(operation: Operation, paymentId: string, err: unknown): Error {
  if (err instanceof PortOneUnavailableError) return err
  if (err instanceof Payment.PaymentError) {
    const { type } = err.data as { type: unknown; message?: string }
    if (typeof type === 'string' && REFUSALS[operation][type]) {
      return new PortOneRefusedError(operation, paymentId, type, err.message)
    }
    return new PortOneUnavailableError(operation, paymentId, `unexpected answer ${String(type)}`, { cause: err })
  }
  const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err)
  return new PortOneUnavailableError(operation, paymentId, reason, { cause: err })
}

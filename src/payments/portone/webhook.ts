import { Webhook } from '@portone/server-sdk'
import { InputError } from '../../core/errors'

export interface VerifiedWebhook {
  /** PortOne's event name, e.g. `Transaction.Paid`. */
  type: string
  paymentId?: string
}

/**
 * PortOne signs webhooks by the Standard Webhooks spec: HMAC-SHA256 over
 * `webhook-id.webhook-timestamp.body`, and a timestamp more than five minutes
 * off is refused so that a captured request cannot be replayed later.
 */
export async function verifyPortOneWebhook(
  secret: string | undefined,
  rawBody: string,
  headers: Record<string, string | undefined>,
): Promise<VerifiedWebhook> {
  if (!secret) {
    throw new InputError('webhook', 'no PortOne webhook secret is configured, so no webhook can be trusted', {
      code: 'webhook_signature',
      params: { reason: 'NO_SECRET' },
    })
  }
  let webhook: Webhook.Webhook
  try {
    webhook = await Webhook.verify(secret, rawBody, headers)
  } catch (err) {
    if (!(err instanceof Webhook.WebhookVerificationError)) throw err
    throw new InputError('webhook', `signature check failed (${err.reason})`, {
      code: 'webhook_signature',
      params: { reason: err.reason },
    })
  }
  const data: unknown = 'data' in webhook ? webhook.data : undefined
  const paymentId =
    typeof data === 'object' && data !== null && 'paymentId' in data && typeof data.paymentId === 'string'
      ? data.paymentId
      : undefined
  return { type: String(webhook.type), ...(paymentId === undefined ? {} : { paymentId }) }
}

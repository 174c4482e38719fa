import { Webhook } from 'standardwebhooks'

/** How long a receiver has to answer one attempt. */
const TIMEOUT_MS = 15_000
/** How much of an answer's body the delivery log keeps. */
const EXCERPT = 300

export interface SendResult {
  ok: boolean
  status: number | null
  excerpt: string | null
  error: string | null
}

/**
 * POSTs one message, signed by the Standard Webhooks scheme: webhook-id,
 * webhook-timestamp and webhook-signature (v1, HMAC-SHA256 of
 * "id.timestamp.body"). The timestamp is the wall clock's when sent, since
 * the receiver checks it against its own to refuse replays. Any 2xx answer
 * is a delivery; redirects are not followed (the spec counts them as failures).
 */
export async function sendSigned(url: string, secret: string, id: string, payload: string): Promise<SendResult> {
  const sentAt = new Date()
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'Colophon-Webhooks/1',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, sentAt, payload),
  }
  try {
    const res = await fetch(url, { method: 'POST', headers, body: payload, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) })
    const text = await res.text().catch(() => '')
    const ok = res.status >= 200 && res.status < 300
    return { ok, status: res.status, excerpt: text.slice(0, EXCERPT) || null, error: ok ? null : `HTTP ${res.status}` }
  } catch (err) {
    const e = err as { message?: string; cause?: { code?: string; message?: string } }
    return { ok: false, status: null, excerpt: null, error: (e.cause?.code ?? e.cause?.message ?? e.message ?? String(err)).slice(0, 500) }
  }
}

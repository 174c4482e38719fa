import type { Context } from 'hono'
import { InputError, NotFoundError, type ErrorParams } from '../../../core/errors'
import { PortOneRefusedError, PortOneUnavailableError } from '../../../payments'
import type { AppEnv } from '../../env'

export interface Refusal {
  code: string
  field?: string
  params?: ErrorParams
}

// The order was not where the staff member saw it: a conflict, not bad input.
const CONFLICTS = ['order_bad_step', 'order_changed', 'order_paid_already', 'deposit_decided', 'return_too_late']

/**
 * A step the domain would not take, as a code for the page to put into words
 * and the status to answer with; undefined for anything that is not a
 * refusal (those go to the app's one error handler).
 */
export function refusalOf(err: unknown, number?: string): { refusal: Refusal; status: 400 | 404 | 409 | 502 } | undefined {
  if (err instanceof InputError) return { refusal: { code: err.code, field: err.field, params: err.params }, status: CONFLICTS.includes(err.code) ? 409 : 400 }
  if (err instanceof PortOneRefusedError || err instanceof PortOneUnavailableError) return { refusal: { code: 'portone' }, status: 502 }
  if (err instanceof NotFoundError && number !== undefined && err.what === 'order') return { refusal: { code: 'unknown_order', params: { number } }, status: 404 }
  return undefined
}

/** The `file` field of a multipart form (its name cut to a length a page can show), or undefined when none was sent. */
export async function uploadedFile(c: Context<AppEnv>): Promise<{ name: string; bytes: Buffer } | undefined> {
  const file = (await c.req.parseBody()).file
  if (!(file instanceof File)) return undefined
  return { name: file.name.slice(0, 200), bytes: Buffer.from(await file.arrayBuffer()) }
}

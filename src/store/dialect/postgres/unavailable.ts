import type pg from 'pg'
import type { PostgresPool, PostgresPoolClient } from 'kysely'
import { StoreUnavailableError } from '../../../core/errors'

// Node's socket errors and PostgreSQL's SQLSTATEs for "no usable connection": classes 08
// (connection exception) and 28 (authorization), 3D000 (no such database), and 57P
// (operator intervention: shutdown, crash, not yet accepting connections).
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE'])
const LOST = /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed/

/** Whether an error from pg means the server is out of reach rather than that the query was wrong. */
export function isConnectionError(err: unknown): boolean {
  if (!(err instanceof Error)) return false
  const code = (err as { code?: unknown }).code
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || /^(08|28|57P)/.test(code) || code === '3D000')) return true
  return LOST.test(err.message)
}

export function unavailable(where: string, err: unknown): StoreUnavailableError {
  const code = (err as { code?: string }).code
  const cause = err instanceof Error ? (code && !err.message.includes(code) ? `${code}: ${err.message}` : err.message) : String(err)
  return new StoreUnavailableError(`PostgreSQL at ${where} is not available (${cause})`, { cause: err })
}

const rethrow = (where: string) => (err: unknown) => {
  throw isConnectionError(err) ? unavailable(where, err) : err
}

/**
 * The pool as Kysely sees it, with every lost connection turned into a
 * StoreUnavailableError, so the layers above can answer 503 without
 * knowing which driver failed.
 */
export function guardedPool(pool: pg.Pool, where: string): PostgresPool {
  const clients = new WeakMap<pg.PoolClient, PostgresPoolClient>()
  const guard = (client: pg.PoolClient): PostgresPoolClient => {
    let guarded = clients.get(client)
    if (!guarded) {
      // pg emits 'error' on a checked-out client whose connection drops between two queries;
      // unheard, that ends the process. The next query on it fails, and that failure is the one reported.
      client.on('error', () => {})
      guarded = {
        query: ((text: string, values: unknown[]) => client.query(text, values).catch(rethrow(where))) as unknown as PostgresPoolClient['query'],
        release: (destroy?: boolean) => client.release(destroy),
      }
      clients.set(client, guarded)
    }
    return guarded
  }
  return {
    connect: () => pool.connect().then(guard, rethrow(where)),
    end: () => pool.end(),
  }
}

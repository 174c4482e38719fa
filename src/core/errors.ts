/** Facts a message is built from: the web layer puts them into words in the reader's language. */
export type ErrorParams = Record<string, string | number>

/**
 * Input that fails validation: says which field, what was wrong, and what
 * was expected. `reason` is for operators and logs (English); `code` and
 * `params` are what a shopper's or staff member's page turns into words.
 */
export class InputError extends Error {
  readonly code: string
  readonly params: ErrorParams

  constructor(
    readonly field: string,
    readonly reason: string,
    { code = 'invalid', params = {} }: { code?: string; params?: ErrorParams } = {},
  ) {
    super(`${field}: ${reason}`)
    this.name = 'InputError'
    this.code = code
    this.params = params
  }
}

/** A thing the caller asked for does not exist. */
export class NotFoundError extends Error {
  constructor(
    readonly what: string,
    readonly key: string,
  ) {
    super(`${what} ${key} not found`)
    this.name = 'NotFoundError'
  }
}

/** The process cannot start: bad configuration or an unreachable database. */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'StartupError'
  }
}

/** The database cannot be reached or dropped the connection; worth retrying once it is back. */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'StoreUnavailableError'
  }
}

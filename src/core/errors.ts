/** Input that fails validation: says which field, what was wrong, and what was expected. */
export class InputError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`)
    this.name = 'InputError'
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

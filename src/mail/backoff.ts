const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** Waits after the 1st, 2nd, ... failed attempt; later failures wait as long as the last. */
const RETRY_DELAYS = [1 * MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 6 * HOUR]

/** A mail still undelivered this long after it was written is given up on. */
export const GIVE_UP_AFTER_MS = 72 * HOUR

export function retryDelay(attempts: number): number {
  return RETRY_DELAYS[Math.min(Math.max(attempts, 1), RETRY_DELAYS.length) - 1]!
}

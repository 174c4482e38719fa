const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

/** Waits after the 1st, 2nd, ... failed attempt, as the Standard Webhooks guidance schedules them; later ones wait as long as the last. */
const RETRY_DELAYS = [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR]

/** How long a delivery is retried after it is queued (or re-sent) before it is given up. */
export const RETRY_FOR_MS = 24 * HOUR

export function retryDelay(attempts: number): number {
  return RETRY_DELAYS[Math.min(Math.max(attempts, 1), RETRY_DELAYS.length) - 1]!
}

import cluster from 'node:cluster'
import type { MiddlewareHandler } from 'hono'
import type { RateLimiterAbstract } from 'rate-limiter-flexible'
import type { AppEnv } from '../env'

export interface RateLimit {
  /** Requests allowed per address within the window. */
  points: number
  windowSeconds: number
}

/** What an open API allows one address by default: a reading app or a script paging a catalog is well within it. */
export const API_RATE_LIMIT: RateLimit = { points: 600, windowSeconds: 60 }

/**
 * Counts requests per client address (as the gate reads it, through trusted
 * proxies) and answers 429 with Retry-After beyond the limit. In `colophon
 * serve`'s workers the count is kept by the primary's RateLimiterClusterMaster,
 * so the limit holds whichever worker answers.
 */
export function rateLimit(name: string, { points, windowSeconds }: RateLimit): MiddlewareHandler<AppEnv> {
  let loaded: Promise<{ limiter: RateLimiterAbstract; isRefusal: (e: unknown) => e is { msBeforeNext: number } }> | undefined
  // Loaded at the first request, not at start, as the sign-in throttle is: the package's index is slow to load.
  const load = () =>
    (loaded ??= import('rate-limiter-flexible').then(({ RateLimiterCluster, RateLimiterMemory, RateLimiterRes }) => {
      const options = { keyPrefix: `rate-${name}`, points, duration: windowSeconds }
      return {
        limiter: cluster.isWorker ? new RateLimiterCluster(options) : new RateLimiterMemory(options),
        isRefusal: (e: unknown): e is { msBeforeNext: number } => e instanceof RateLimiterRes,
      }
    }))
  return async (c, next) => {
    const { limiter, isRefusal } = await load()
    try {
      const res = await limiter.consume(c.var.visitor.ip || 'unknown')
      c.header('RateLimit-Limit', String(points))
      c.header('RateLimit-Remaining', String(res.remainingPoints))
    } catch (thrown) {
      if (!isRefusal(thrown)) throw thrown
      const retryAfter = Math.max(1, Math.ceil(thrown.msBeforeNext / 1000))
      return c.json({ error: { code: 'rate_limited', message: `too many requests: try again in ${retryAfter} s` } }, 429, { 'Retry-After': String(retryAfter), 'Cache-Control': 'no-store' })
    }
    await next()
  }
}

import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { timingSafeEqual } from 'hono/utils/buffer'
import { createLogger, type Logger } from '../../../core/logger'
import type { AppEnv } from '../../env'
import { fill } from '../../i18n'
import type { SignInBlock, SignInThrottle } from './throttle'

const STAFF_ACCOUNT = 'staff'

function blockedAnswer(c: Context<AppEnv>, block: SignInBlock): Response {
  const message = fill(c.var.page.t.signInBlocked, { minutes: Math.ceil(block.retryAfter / 60) })
  return new Response(message, { status: 429, headers: { 'Retry-After': String(block.retryAfter), 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } })
}

/**
 * Checks the staff account's password for HTTP basic auth, refusing with 429
 * while the address or the account is blocked: even the right password then
 * waits until the block ends, or guessing would only need patience.
 */
export function signInGuard({ password, throttle, logger = createLogger('warn') }: { password: string; throttle: SignInThrottle; logger?: Logger }) {
  return async (account: string, given: string, c: Context<AppEnv>): Promise<boolean> => {
    // The gate's address: the connection's, or what a trusted proxy forwarded.
    const ip = c.var.visitor.ip || 'unknown'
    const block = await throttle.check(ip, account)
    if (block) throw new HTTPException(429, { res: blockedAnswer(c, block) })
    const [isAccount, isPassword] = await Promise.all([timingSafeEqual(STAFF_ACCOUNT, account), timingSafeEqual(password, given)])
    if (isAccount && isPassword) {
      await throttle.succeed(ip, account)
      return true
    }
    for (const started of await throttle.fail(ip, account)) {
      logger.warn({ ip, account, blockedBy: started.scope, seconds: started.retryAfter }, 'back-office sign-in blocked after repeated failures')
    }
    return false
  }
}

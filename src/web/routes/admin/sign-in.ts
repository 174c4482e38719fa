import type { Context } from 'hono'
import type { StaffService, StaffSession } from '../../../accounts'
import { InputError } from '../../../core/errors'
import { createLogger, type Logger } from '../../../core/logger'
import type { AppEnv } from '../../env'
import type { Gate } from '../../gate'
import { fill } from '../../i18n'
import { href } from '../../pages/context'
import { codePage, setPasswordPage, signInPage, type SignInNotice } from '../../pages/admin/sign-in'
import { problemText } from '../../pages/admin/staff-problem'
import { route, type AdminRoute } from './access'
import { postedText, safeNext } from './form'
import type { SignInThrottle } from './throttle'

export interface SignInDeps {
  staff: StaffService
  gate: Gate
  throttle: SignInThrottle
  /** Hears the warning when an address or account is blocked from signing in. */
  logger?: Logger
}

const NOTICES: SignInNotice[] = ['password-set', 'signed-out']

/**
 * Signing in to the back office: email and password, then the authenticator's
 * code or a recovery code when the member has two-factor; the set-password
 * link; signing out. Failures are counted per address and per email, and a
 * blocked one waits even with the right password, or guessing would only need patience.
 */
export function signInRoutes({ staff, gate, throttle, logger = createLogger('warn') }: SignInDeps): AdminRoute[] {
  const ipOf = (c: Context<AppEnv>) => c.var.visitor.ip || 'unknown'

  const blocked = async (c: Context<AppEnv>, email: string) => {
    const block = await throttle.check(ipOf(c), email)
    if (!block) return undefined
    c.header('Retry-After', String(block.retryAfter))
    return c.html(signInPage(c.var.page, { email, problem: fill(c.var.page.t.signInBlocked, { minutes: Math.ceil(block.retryAfter / 60) }) }), 429)
  }

  const failed = async (c: Context<AppEnv>, email: string) => {
    for (const started of await throttle.fail(ipOf(c), email)) {
      logger.warn({ ip: ipOf(c), account: email, blockedBy: started.scope, seconds: started.retryAfter }, 'back-office sign-in blocked after repeated failures')
    }
  }

  const signedIn = async (c: Context<AppEnv>, email: string, session: StaffSession, next: string | undefined) => {
    await throttle.succeed(ipOf(c), email)
    // A session this browser held before (another member's, say) ends rather than lingering unseen.
    if (c.var.visitor.staffToken) await staff.signOut(c.var.visitor.staffToken)
    // A session id or form token someone saw or planted before cannot follow the member in.
    gate.rotateSession(c.var.visitor)
    gate.staffSignIn(c.var.visitor, session.token)
    return c.redirect(next ?? href(c.var.page, '/admin'), 303)
  }

  return [
    route('GET', '/sign-in', 'signedOut', (c) => {
      const next = safeNext(c.req.query('next'))
      if (c.var.staff) return c.redirect(next ?? href(c.var.page, '/admin'), 303)
      const done = c.req.query('done') as SignInNotice | undefined
      return c.html(signInPage(c.var.page, { next, notice: done && NOTICES.includes(done) ? done : undefined }))
    }),
    route('POST', '/sign-in', 'signedOut', async (c) => {
      const field = await postedText(c)
      const email = field('email').trim().toLowerCase()
      const next = safeNext(field('next'))
      const refused = await blocked(c, email)
      if (refused) return refused
      try {
        const result = await staff.signIn(email, field('password'))
        if (result.kind === 'code') return c.html(codePage(c.var.page, { challenge: result.challenge, email, next }))
        return await signedIn(c, email, result, next)
      } catch (err) {
        if (!(err instanceof InputError)) throw err
        await failed(c, email)
        return c.html(signInPage(c.var.page, { email, next, problem: problemText(c.var.page, err) }), 401)
      }
    }),
    route('POST', '/sign-in/code', 'signedOut', async (c) => {
      const field = await postedText(c)
      const email = field('email').trim().toLowerCase()
      const next = safeNext(field('next'))
      const challenge = field('challenge')
      const refused = await blocked(c, email)
      if (refused) return refused
      try {
        return await signedIn(c, email, await staff.signInWithCode(challenge, field('code')), next)
      } catch (err) {
        if (!(err instanceof InputError)) throw err
        await failed(c, email)
        const problem = problemText(c.var.page, err)
        if (err.code === 'bad_code') return c.html(codePage(c.var.page, { challenge, email, next, problem }), 401)
        return c.html(signInPage(c.var.page, { email, next, problem }), 401)
      }
    }),
    route('GET', '/set-password', 'signedOut', async (c) => {
      const token = c.req.query('token') ?? ''
      try {
        const member = await staff.passwordTokenHolder(token)
        return c.html(setPasswordPage(c.var.page, { token, email: member.email }))
      } catch (err) {
        if (!(err instanceof InputError)) throw err
        return c.html(setPasswordPage(c.var.page, { token, problem: problemText(c.var.page, err) }), 400)
      }
    }),
    route('POST', '/set-password', 'signedOut', async (c) => {
      const field = await postedText(c)
      const token = field('token')
      try {
        await staff.setPassword(token, field('password'))
        return c.redirect(href(c.var.page, '/admin/sign-in?done=password-set'), 303)
      } catch (err) {
        if (!(err instanceof InputError)) throw err
        const problem = problemText(c.var.page, err)
        const email = err.field === 'password' ? (await staff.passwordTokenHolder(token).catch(() => undefined))?.email : undefined
        return c.html(setPasswordPage(c.var.page, { token, email, problem }), 400)
      }
    }),
    route('POST', '/sign-out', 'signedOut', async (c) => {
      const visitor = c.var.visitor
      if (visitor.staffToken) await staff.signOut(visitor.staffToken)
      gate.staffSignOut(visitor)
      gate.rotateSession(visitor)
      return c.redirect(href(c.var.page, '/admin/sign-in?done=signed-out'), 303)
    }),
  ]
}

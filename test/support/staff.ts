import { randomUUID } from 'node:crypto'
import { generate } from 'otplib'
import { StaffService, type StaffOptions, type StaffRole } from '../../src/accounts'
import type { Services } from '../../src/cli/services'
import { createApp, type AppServices } from '../../src/web/app'
import { testServices } from '../helpers'
import { appRequester, shopper, type Requester } from '../web/shopper'

export const STAFF_PASSWORD = 'lantern-quiet-orchard-7'

/** The staff service over the test store's database (the same rows the app reads). */
export const staffService = (store: Services, options: StaffOptions = {}) => new StaffService(store.store.db, options)

/** The app with its back office, over the test store. */
export function staffApp(store: Services, extra: Partial<AppServices> = {}, options: StaffOptions = {}) {
  return createApp({ ...testServices(store), staff: staffService(store, options), ...extra })
}

/** The member's current TOTP code; `stepsAhead` 1 gives the next step's (the one before was used already). */
export async function totpCode(store: Services, email: string, stepsAhead = 0, at = Date.now()): Promise<string> {
  const row = await store.store.db.selectFrom('staff').select('totp_secret').where('email', '=', email).executeTakeFirstOrThrow()
  return generate({ secret: row.totp_secret!, epoch: Math.floor(at / 1000) + stepsAhead * 30 })
}

/** A member of staff with a password and two-factor on, made through the staff service, as `colophon staff add` and enrolment would. */
export async function enrolledStaff(store: Services, { email, role, name }: { email: string; role: StaffRole; name: string }) {
  const staff = staffService(store)
  const { member, token } = await staff.add({ email, role, name })
  await staff.setPassword(token, STAFF_PASSWORD)
  await staff.startTwoFactor(member.id)
  await staff.confirmTwoFactor(member.id, await totpCode(store, email))
  return member
}

/**
 * A browser signed in to the back office as a new member of the role: the
 * member is created through the staff service with a password and
 * two-factor, then signs in through the forms (password, then the TOTP code
 * otplib makes from the stored secret). The jar holds the live staff session.
 */
export async function staffShopper(app: { request(path: string, init: RequestInit): Response | Promise<Response> } | Requester, store: Services, role: StaffRole, { name }: { name?: string } = {}) {
  const email = `${role}-${randomUUID().slice(0, 8)}@example.com`
  const member = await enrolledStaff(store, { email, role, name: name ?? `${role} tester` })
  const browser = shopper(typeof app === 'function' ? app : appRequester(app), { startAt: '/admin/sign-in' })
  await browser.get('/admin/sign-in')
  const step = await browser.post('/admin/sign-in', { email, password: STAFF_PASSWORD })
  const page = await step.text()
  const challenge = /name="challenge" value="([^"]+)"/.exec(page)?.[1]
  if (step.status !== 200 || !challenge) throw new Error(`staff sign-in for ${email} did not ask for the code (status ${step.status})`)
  // Enrolment spent the current step's code: the next step's is still within the window, and unused.
  const signedIn = await browser.post('/admin/sign-in/code', { challenge, email, code: await totpCode(store, email, 1) })
  if (signedIn.status !== 303 || !browser.cookieValue('staff')) throw new Error(`staff sign-in for ${email} failed at the code step (status ${signedIn.status})`)
  await browser.get('/admin')
  return Object.assign(browser, { member: { ...member, hasTwoFactor: true }, email, password: STAFF_PASSWORD })
}

/** A signed-in member's cookies as a browser context on the test server takes them (Playwright's addCookies). */
export const browserCookies = (member: { cookie(): string }, domain = '127.0.0.1') =>
  member.cookie().split('; ').map((pair) => ({ name: pair.slice(0, pair.indexOf('=')), value: pair.slice(pair.indexOf('=') + 1), domain, path: '/' }))

import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { InputError, NotFoundError } from '../../core/errors'
import type { Database, Kysely } from '../../store'
import { checkPassword, hashPassword, passwordMatches } from '../password'
import * as repo from './repo'
import { enrolment, looksLikeRecoveryCode, newRecoveryCodes, newTotpSecret, recoveryCodeHash, totpStep } from './totp'
import { STAFF_ROLES, type StaffMember, type StaffRecord, type StaffRole, type StaffSession, type StaffSignIn } from './types'

const MINUTE = 60 * 1000
const HOUR = 60 * MINUTE
const LINK_HOURS = 72
/** Between the password and the code: long enough to open an authenticator app. */
const CHALLENGE_MINUTES = 10
/** last_seen_at is written at most this often; the idle timeout is counted in minutes, so a minute's slack is harmless. */
const TOUCH_EVERY = MINUTE
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

const newToken = () => randomBytes(32).toString('base64url')
const digest = (token: string) => createHash('sha256').update(token).digest('hex')

const badCredentials = () => new InputError('password', 'email or password does not match', { code: 'bad_credentials' })
const badCode = () => new InputError('code', 'is not the current code or an unused recovery code', { code: 'bad_code' })
const deadLink = () => new InputError('token', 'is unknown or already used', { code: 'token_invalid' })

export interface StaffOptions {
  /** The clock sessions and links are dated by (tests move it). */
  now?: () => Date
  /** A session unused this long ends (COLOPHON_STAFF_IDLE_MINUTES). */
  idleMinutes?: number
  /** A session ends this long after sign-in, however busy (COLOPHON_STAFF_MAX_HOURS). */
  maxHours?: number
}

export interface NewStaff {
  email: string
  role: StaffRole
  name?: string
  lang?: 'ko' | 'en'
}

/** Staff accounts: roles, set-password links, password and TOTP sign-in, sessions that end when idle, after hours, or on an owner's word. */
export class StaffService {
  private readonly now: () => Date
  private readonly idleMs: number
  private readonly maxMs: number
  // Verified against when the email is unknown, so an unknown email costs the same time as a wrong password.
  private dummyHash: Promise<string> | undefined

  constructor(
    private readonly db: Kysely<Database>,
    { now = () => new Date(), idleMinutes = 30, maxHours = 8 }: StaffOptions = {},
  ) {
    this.now = now
    this.idleMs = idleMinutes * MINUTE
    this.maxMs = maxHours * HOUR
  }

  /** Adds a member without a password; the token goes into the one-time link that sets it (72 hours). */
  async add({ email: raw, role, name, lang = 'ko' }: NewStaff): Promise<{ member: StaffMember; token: string }> {
    const email = normaliseEmail(raw)
    if (!STAFF_ROLES.includes(role)) throw new InputError('role', `expected one of ${STAFF_ROLES.join(', ')}, got "${role}"`, { code: 'role_invalid' })
    const row: repo.StaffRow = {
      id: randomUUID(),
      email,
      name: name?.trim().slice(0, 100) || email.split('@')[0]!,
      role,
      password_hash: null,
      totp_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
      lang,
      created_at: this.iso(),
      disabled_at: null,
    }
    if (!(await repo.insertStaff(this.db, row))) throw new InputError('email', 'is already a member of staff', { code: 'email_taken' })
    return { member: repo.toStaffMember(row), token: await this.issueToken('password', row.id, LINK_HOURS * HOUR) }
  }

  /** A fresh set-password link for a member (one who lost theirs, or their password). */
  async passwordLink(staffId: string): Promise<string> {
    await this.row(staffId)
    return this.issueToken('password', staffId, LINK_HOURS * HOUR)
  }

  async list(): Promise<StaffRecord[]> {
    return (await repo.allStaff(this.db)).map((row) => ({ ...repo.toStaffMember(row), createdAt: row.created_at, disabledAt: row.disabled_at, hasPassword: row.password_hash !== null }))
  }

  async byEmail(email: string): Promise<StaffMember> {
    const row = await repo.staffByEmail(this.db, email.trim().toLowerCase())
    if (!row) throw new NotFoundError('staff member', email)
    return repo.toStaffMember(row)
  }

  /** The member a set-password link names, while the link is unused and within its 72 hours. */
  async passwordTokenHolder(token: string): Promise<StaffMember> {
    const row = await this.liveToken(token, 'password')
    return repo.toStaffMember(await this.row(row.staff_id))
  }

  /** Sets the password through the link (once), and ends any session the member had. */
  async setPassword(token: string, password: string): Promise<StaffMember> {
    await checkPassword(password)
    const link = await this.liveToken(token, 'password')
    if (!(await repo.useToken(this.db, link.id, this.iso()))) throw deadLink()
    await repo.updateStaff(this.db, link.staff_id, { password_hash: await hashPassword(password) })
    await repo.revokeSessionsOf(this.db, link.staff_id, this.iso())
    return repo.toStaffMember(await this.row(link.staff_id))
  }

  /** The password step; a member with two-factor gets a challenge for the code step instead of a session. */
  async signIn(email: string, password: string): Promise<StaffSignIn> {
    const row = await repo.staffByEmail(this.db, email.trim().toLowerCase())
    if (!row?.password_hash || row.disabled_at) {
      await passwordMatches(await (this.dummyHash ??= hashPassword(newToken())), password)
      throw badCredentials()
    }
    if (!(await passwordMatches(row.password_hash, password))) throw badCredentials()
    if (!row.totp_enabled_at) return { kind: 'signed-in', ...(await this.openSession(row)) }
    return { kind: 'code', challenge: await this.issueToken('sign-in', row.id, CHALLENGE_MINUTES * MINUTE) }
  }

  /** The code step: the authenticator's current code, or a recovery code (each works once). */
  async signInWithCode(challenge: string, code: string): Promise<StaffSession> {
    const link = await this.liveToken(challenge, 'sign-in')
    const row = await this.row(link.staff_id)
    if (row.disabled_at || !row.totp_secret || !row.totp_enabled_at) throw deadLink()
    if (!(await this.acceptCode(row, code))) throw badCode()
    if (!(await repo.useToken(this.db, link.id, this.iso()))) throw deadLink()
    return this.openSession(row)
  }

  /** The member a session token belongs to, as their row says now; undefined once it is revoked, idle too long, too old, or the member disabled. */
  async session(token: string): Promise<StaffMember | undefined> {
    if (token.length > 64) return undefined
    const id = digest(token)
    const row = await repo.sessionWithStaff(this.db, id)
    if (!row || row.revoked_at || row.disabled_at) return undefined
    const at = this.now().getTime()
    if (at - Date.parse(row.last_seen_at) >= this.idleMs || at - Date.parse(row.session_created_at) >= this.maxMs) return undefined
    if (at - Date.parse(row.last_seen_at) > TOUCH_EVERY) await repo.touchSession(this.db, id, this.iso())
    return repo.toStaffMember(row)
  }

  async signOut(token: string): Promise<void> {
    if (token.length <= 64) await repo.revokeSession(this.db, digest(token), this.iso())
  }

  /** Ends every session of the member: they are out on their next request. */
  async revokeSessions(staffId: string): Promise<void> {
    await repo.revokeSessionsOf(this.db, staffId, this.iso())
  }

  async changeRole(staffId: string, role: StaffRole): Promise<void> {
    if (!STAFF_ROLES.includes(role)) throw new InputError('role', `expected one of ${STAFF_ROLES.join(', ')}, got "${role}"`, { code: 'role_invalid' })
    if (!(await repo.updateStaff(this.db, staffId, { role }))) throw new NotFoundError('staff member', staffId)
  }

  /** Disables the member and ends their sessions; their history stays. */
  async disable(staffId: string): Promise<void> {
    if (!(await repo.updateStaff(this.db, staffId, { disabled_at: this.iso() }))) throw new NotFoundError('staff member', staffId)
    await repo.revokeSessionsOf(this.db, staffId, this.iso())
  }

  async setLang(staffId: string, lang: 'ko' | 'en'): Promise<void> {
    await repo.updateStaff(this.db, staffId, { lang })
  }

  /** A new password needs the current one; the member's other sessions end, the one they are using stays. */
  async changePassword(staffId: string, current: string, next: string, keepSession: string): Promise<void> {
    const row = await this.row(staffId)
    if (!row.password_hash || !(await passwordMatches(row.password_hash, current))) throw new InputError('current', 'does not match', { code: 'bad_credentials' })
    await checkPassword(next, 'password')
    await repo.updateStaff(this.db, staffId, { password_hash: await hashPassword(next) })
    await repo.revokeSessionsOf(this.db, staffId, this.iso(), digest(keepSession))
  }

  /** The secret being enrolled (made at the first visit and kept until confirmed), with its QR code. */
  async startTwoFactor(staffId: string): Promise<{ secret: string; uri: string; qrSvg: string }> {
    const row = await this.row(staffId)
    let secret = row.totp_enabled_at ? null : row.totp_secret
    if (!secret) {
      secret = newTotpSecret()
      await repo.updateStaff(this.db, staffId, { totp_secret: secret, totp_enabled_at: null, totp_last_step: null })
    }
    return { secret, ...(await enrolment(row.email, secret)) }
  }

  /** Turns two-factor on once the app shows the right code; returns the ten recovery codes, the only time they are seen. */
  async confirmTwoFactor(staffId: string, code: string): Promise<string[]> {
    const row = await this.row(staffId)
    if (!row.totp_secret || row.totp_enabled_at) throw new InputError('code', 'no enrolment in progress', { code: 'bad_code' })
    const step = await totpStep(row.totp_secret, code, this.now(), null)
    if (step === undefined) throw badCode()
    await repo.updateStaff(this.db, staffId, { totp_enabled_at: this.iso(), totp_last_step: step })
    return this.newRecoveryCodes(staffId)
  }

  /** Ten new recovery codes in place of the old ones. */
  async newRecoveryCodes(staffId: string): Promise<string[]> {
    const codes = newRecoveryCodes()
    await repo.replaceRecoveryCodes(this.db, staffId, codes.map(recoveryCodeHash))
    return codes
  }

  private async acceptCode(row: repo.StaffRow, code: string): Promise<boolean> {
    if (looksLikeRecoveryCode(code)) return repo.useRecoveryCode(this.db, row.id, recoveryCodeHash(code), this.iso())
    const step = await totpStep(row.totp_secret!, code, this.now(), row.totp_last_step)
    return step !== undefined && (await repo.advanceTotpStep(this.db, row.id, step))
  }

  private async openSession(row: repo.StaffRow): Promise<StaffSession> {
    const token = newToken()
    await repo.insertSession(this.db, digest(token), row.id, this.iso())
    return { token, member: repo.toStaffMember(row) }
  }

  private async row(staffId: string): Promise<repo.StaffRow> {
    const row = await repo.staffById(this.db, staffId)
    if (!row) throw new NotFoundError('staff member', staffId)
    return row
  }

  private async issueToken(purpose: repo.StaffTokenPurpose, staffId: string, lifetimeMs: number): Promise<string> {
    const token = newToken()
    await repo.insertToken(this.db, digest(token), purpose, staffId, new Date(this.now().getTime() + lifetimeMs).toISOString())
    return token
  }

  private async liveToken(token: string, purpose: repo.StaffTokenPurpose) {
    if (token.length > 64) throw deadLink()
    const id = digest(token)
    const live = await repo.liveToken(this.db, id, purpose, this.iso())
    if (live) return live
    const seen = await repo.tokenOf(this.db, id, purpose)
    if (seen && !seen.used_at) throw new InputError('token', 'has expired', { code: 'token_expired' })
    throw deadLink()
  }

  private iso(): string {
    return this.now().toISOString()
  }
}

function normaliseEmail(raw: string): string {
  const email = raw.trim().toLowerCase()
  if (email.length > 254 || !EMAIL.test(email)) throw new InputError('email', `"${raw}" is not an email address`, { code: 'email_invalid' })
  return email
}

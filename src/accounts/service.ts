import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { InputError } from '../core/errors'
import type { Database, Kysely } from '../store'
import { AddressBook } from './addresses'
import { checkPassword, hashPassword, passwordMatches } from './password'
import * as repo from './repo'
import type { Customer, Mailable, SignUpInput, SignedIn, TokenPurpose } from './types'

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR
const SESSION_DAYS = 30
const VERIFY_HOURS = 24
export const RESET_MINUTES = 30
/** last_seen_at is written at most this often, so a signed-in page view does not always write. */
const TOUCH_EVERY = 5 * 60 * 1000
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** A token the customer holds (a cookie, a mailed link); the store keeps only its SHA-256. */
const newToken = () => randomBytes(32).toString('base64url')
const digest = (token: string) => createHash('sha256').update(token).digest('hex')

const badCredentials = () => new InputError('password', 'email or password does not match', { code: 'bad_credentials' })

export interface AccountsOptions {
  /** The clock tokens and sessions are dated by (tests move it). */
  now?: () => Date
}

/** Customer accounts: sign-up, email verification, sign-in with server-side sessions, password reset. */
export class AccountsService {
  private readonly now: () => Date
  /** The customer's delivery addresses (배송지). */
  readonly addresses: AddressBook
  // Verified against when the email is unknown, so an unknown email costs the same time as a wrong password.
  private dummyHash: Promise<string> | undefined

  constructor(
    private readonly db: Kysely<Database>,
    { now = () => new Date() }: AccountsOptions = {},
  ) {
    this.now = now
    this.addresses = new AddressBook(db, now)
  }

  /** Creates an unverified account; the token goes into the verify link mailed to the customer. */
  async signUp(input: SignUpInput): Promise<Mailable> {
    const [problem] = await signUpProblems(input)
    if (problem) throw problem
    const email = normaliseEmail(input.email)
    const name = input.name.trim()
    const at = this.iso()
    const row: repo.CustomerRow = {
      id: randomUUID(),
      email,
      password_hash: await hashPassword(input.password),
      name,
      phone: input.phone?.trim() || null,
      lang: input.lang,
      verified_at: null,
      created_at: at,
      updated_at: at,
    }
    if (!(await repo.insertCustomer(this.db, row))) throw new InputError('email', 'already has an account', { code: 'email_taken' })
    return { customer: repo.toCustomer(row), token: await this.issueToken('verify', row.id, VERIFY_HOURS * HOUR) }
  }

  /** Marks the email verified; the link works once, within 24 hours. */
  async verifyEmail(token: string): Promise<Customer> {
    const customerId = await this.useToken(token, 'verify')
    await repo.updateCustomer(this.db, customerId, { verified_at: this.iso(), updated_at: this.iso() })
    return this.customer(customerId)
  }

  /** Opens a session; the same refusal whether the email is unknown or the password wrong. */
  async signIn(email: string, password: string): Promise<SignedIn> {
    const row = await repo.customerByEmail(this.db, email.trim().toLowerCase())
    if (!row) {
      await passwordMatches(await (this.dummyHash ??= hashPassword(newToken())), password)
      throw badCredentials()
    }
    if (!(await passwordMatches(row.password_hash, password))) throw badCredentials()
    const token = newToken()
    const at = this.now()
    await repo.insertSession(this.db, digest(token), row.id, at.toISOString(), new Date(at.getTime() + SESSION_DAYS * DAY).toISOString())
    return { customer: repo.toCustomer(row), token }
  }

  /** The customer a session token belongs to, while it is neither revoked nor expired; each use extends it to 30 days from now. */
  async session(token: string): Promise<Customer | undefined> {
    if (token.length > 64) return undefined
    const id = digest(token)
    const at = this.now()
    const row = await repo.liveSession(this.db, id, at.toISOString())
    if (!row) return undefined
    if (at.getTime() - Date.parse(row.last_seen_at) > TOUCH_EVERY) {
      await repo.touchSession(this.db, id, at.toISOString(), new Date(at.getTime() + SESSION_DAYS * DAY).toISOString())
    }
    return repo.toCustomer(row)
  }

  async signOut(token: string): Promise<void> {
    await repo.revokeSession(this.db, digest(token), this.iso())
  }

  /** Ends every session of the customer, on every device. */
  async signOutEverywhere(customerId: string): Promise<void> {
    await repo.revokeSessionsOf(this.db, customerId, this.iso())
  }

  /** A reset token for the email's account, or undefined when there is none (the caller must not tell the difference). */
  async requestReset(email: string): Promise<Mailable | undefined> {
    const row = await repo.customerByEmail(this.db, email.trim().toLowerCase())
    if (!row) return undefined
    return { customer: repo.toCustomer(row), token: await this.issueToken('reset', row.id, RESET_MINUTES * 60 * 1000) }
  }

  /** Sets a new password with a reset token (once, within 30 minutes) and signs the customer out everywhere. */
  async resetPassword(token: string, password: string): Promise<Customer> {
    await checkPassword(password)
    const customerId = await this.useToken(token, 'reset')
    const at = this.iso()
    // The mailed link proves the address, as a verify link would.
    const row = await repo.customerById(this.db, customerId)
    await repo.updateCustomer(this.db, customerId, { password_hash: await hashPassword(password), updated_at: at, ...(row?.verified_at ? {} : { verified_at: at }) })
    await repo.revokeSessionsOf(this.db, customerId, at)
    return this.customer(customerId)
  }

  private async customer(id: string): Promise<Customer> {
    const row = await repo.customerById(this.db, id)
    if (!row) throw new InputError('token', 'names no account', { code: 'token_invalid' })
    return repo.toCustomer(row)
  }

  private async issueToken(purpose: TokenPurpose, customerId: string, lifetimeMs: number): Promise<string> {
    const token = newToken()
    await repo.insertToken(this.db, digest(token), purpose, customerId, new Date(this.now().getTime() + lifetimeMs).toISOString())
    return token
  }

  private async useToken(token: string, purpose: TokenPurpose): Promise<string> {
    const at = this.iso()
    const row = token.length <= 64 ? await repo.useToken(this.db, digest(token), purpose, at) : undefined
    if (!row || row.used_at) throw new InputError('token', 'is unknown or already used', { code: 'token_invalid' })
    if (row.expires_at <= at) throw new InputError('token', 'has expired', { code: 'token_expired' })
    return row.customer_id
  }

  private iso(): string {
    return this.now().toISOString()
  }
}

/** Every field of a sign-up that is wrong (a taken email aside), so a form can name them all at once. */
export async function signUpProblems(input: Pick<SignUpInput, 'email' | 'name' | 'password'>): Promise<InputError[]> {
  const problems: InputError[] = []
  const check = async (run: () => unknown) => {
    try {
      await run()
    } catch (err) {
      if (!(err instanceof InputError)) throw err
      problems.push(err)
    }
  }
  await check(() => normaliseEmail(input.email))
  await check(() => {
    const name = input.name.trim()
    if (!name || name.length > 100) throw new InputError('name', 'is required, up to 100 characters', { code: 'name_required' })
  })
  await check(() => checkPassword(input.password))
  return problems
}

function normaliseEmail(raw: string): string {
  const email = raw.trim().toLowerCase()
  if (email.length > 254 || !EMAIL.test(email)) throw new InputError('email', `"${raw}" is not an email address`, { code: 'email_invalid' })
  return email
}

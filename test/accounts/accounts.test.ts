import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AccountsService } from '../../src/accounts'
import { InputError } from '../../src/core/errors'
import { testDialects } from '../dialects'
import { testStore, type TestStore } from '../helpers'

const codeOf = async (p: Promise<unknown>) => p.then(() => 'ok', (err: unknown) => (err instanceof InputError ? `${err.field}:${err.code}` : String(err)))

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: customer accounts`, () => {
    let store: TestStore
    let clock = new Date('2026-12-02T09:00:00Z')
    let accounts: AccountsService
    beforeAll(async () => {
      store = await testStore(dialect)
      accounts = new AccountsService(store.store.db, { now: () => clock })
    })
    afterAll(() => store?.cleanup())
    const later = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000))

    it('signs up with a lowercased email and a hashed password, then verifies once', async () => {
      const { customer, token } = await accounts.signUp({ email: ' Mina@Example.COM ', password: 'a quiet reading room', name: '김민아', lang: 'ko' })
      expect(customer).toMatchObject({ email: 'mina@example.com', name: '김민아', verifiedAt: null })
      expect(token).toMatch(/^[\w-]{43}$/)
      const row = await store.store.db.selectFrom('customer').select('password_hash').where('id', '=', customer.id).executeTakeFirstOrThrow()
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
      const stored = await store.store.db.selectFrom('account_token').select('id').execute()
      expect(stored.map((t) => t.id)).not.toContain(token)
      expect((await accounts.verifyEmail(token)).verifiedAt).toBe(clock.toISOString())
      expect(await codeOf(accounts.verifyEmail(token))).toBe('token:token_invalid')
      expect(await codeOf(accounts.signUp({ email: 'MINA@example.com', password: 'another long phrase', name: 'x', lang: 'en' }))).toBe('email:email_taken')
    })

    it('refuses short, common and malformed input, naming the field', async () => {
      const base = { email: 'kim@example.com', password: 'a long enough phrase', name: 'Kim', lang: 'en' as const }
      expect(await codeOf(accounts.signUp({ ...base, password: 'short1' }))).toBe('password:password_too_short')
      expect(await codeOf(accounts.signUp({ ...base, password: 'qwertyuiop' }))).toBe('password:password_common')
      expect(await codeOf(accounts.signUp({ ...base, email: 'not-an-address' }))).toBe('email:email_invalid')
      expect(await codeOf(accounts.signUp({ ...base, name: '  ' }))).toBe('name:name_required')
    })

    it('a verify link expires after 24 hours', async () => {
      const { token } = await accounts.signUp({ email: 'late@example.com', password: 'slow post arrives', name: 'Late', lang: 'en' })
      later(24 * 60 + 1)
      expect(await codeOf(accounts.verifyEmail(token))).toBe('token:token_expired')
    })

    it('signs in with a server-side session, and refuses a wrong password or unknown email alike', async () => {
      await accounts.signUp({ email: 'park@example.com', password: 'tea and old books', name: 'Park', lang: 'ko' })
      expect(await codeOf(accounts.signIn('park@example.com', 'tea and old book'))).toBe('password:bad_credentials')
      expect(await codeOf(accounts.signIn('nobody@example.com', 'tea and old books'))).toBe('password:bad_credentials')
      const { token, customer } = await accounts.signIn('PARK@example.com', 'tea and old books')
      expect((await accounts.session(token))?.id).toBe(customer.id)
      expect(await accounts.session(token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'))).toBeUndefined()
      // Sliding: used within 30 days it lives on; unused for 30 days it ends.
      later(29 * 24 * 60)
      expect((await accounts.session(token))?.id).toBe(customer.id)
      later(29 * 24 * 60)
      expect((await accounts.session(token))?.id).toBe(customer.id)
      later(30 * 24 * 60 + 1)
      expect(await accounts.session(token)).toBeUndefined()
    })

    it('signing out everywhere revokes every session of the customer', async () => {
      const a = await accounts.signIn('park@example.com', 'tea and old books')
      const b = await accounts.signIn('park@example.com', 'tea and old books')
      await accounts.signOut(a.token)
      expect(await accounts.session(a.token)).toBeUndefined()
      expect(await accounts.session(b.token)).toBeDefined()
      const c = await accounts.signIn('park@example.com', 'tea and old books')
      await accounts.signOutEverywhere(c.customer.id)
      expect(await accounts.session(b.token)).toBeUndefined()
      expect(await accounts.session(c.token)).toBeUndefined()
    })

    it('resets the password with a single-use token within 30 minutes, signing out everywhere', async () => {
      expect(await accounts.requestReset('nobody@example.com')).toBeUndefined()
      const session = await accounts.signIn('park@example.com', 'tea and old books')
      const expired = (await accounts.requestReset('park@example.com'))!
      later(31)
      expect(await codeOf(accounts.resetPassword(expired.token, 'new long passphrase'))).toBe('token:token_expired')
      const fresh = (await accounts.requestReset('Park@Example.com'))!
      expect(await codeOf(accounts.resetPassword(fresh.token, '1234567890'))).toBe('password:password_common')
      later(29)
      await accounts.resetPassword(fresh.token, 'new long passphrase')
      expect(await codeOf(accounts.resetPassword(fresh.token, 'another new phrase'))).toBe('token:token_invalid')
      expect(await accounts.session(session.token)).toBeUndefined()
      expect(await codeOf(accounts.signIn('park@example.com', 'tea and old books'))).toBe('password:bad_credentials')
      expect((await accounts.signIn('park@example.com', 'new long passphrase')).customer.email).toBe('park@example.com')
    })
  })
}

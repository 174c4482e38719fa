import { Writable } from 'node:stream'
import { Hono } from 'hono'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppEnv } from '../../src/web/env'
import { Gate } from '../../src/web/gate'
import { gateway } from '../../src/web/middleware/gate'
import { adminRoutes } from '../../src/web/routes/admin'
import { createSignInThrottle } from '../../src/web/routes/admin/throttle'
import { sqlite } from '../dialects'
import { testStore, type TestStore } from '../helpers'

const PASSWORD = 'correct horse'
let store: TestStore

beforeAll(async () => {
  store = await testStore(sqlite, { demoBooks: 2 })
})
afterAll(() => store.cleanup())

/** The back office behind a throttle of its own, with the warnings it logs. */
function backOffice() {
  const warnings: Array<Record<string, unknown>> = []
  const logger = pino({ level: 'warn' }, new Writable({ write: (line, _enc, done) => (warnings.push(JSON.parse(String(line))), done()) }))
  const app = new Hono<AppEnv>()
    // The request gate decides the client's address, as in the app.
    .use(gateway(Gate.withRandomSecret({}), undefined))
    .route('/admin', adminRoutes({ catalog: store.catalog, password: PASSWORD, logger, throttle: createSignInThrottle('staff') }))
  // The connection's address, as @hono/node-server hands it to the app.
  const signIn = (address: string, account: string, password: string) =>
    app.request('/admin', { headers: { authorization: `Basic ${Buffer.from(`${account}:${password}`).toString('base64')}` } }, { incoming: { socket: { remoteAddress: address } } })
  return { signIn, warnings }
}

describe('back-office sign-in throttle', () => {
  it('blocks an address after 10 wrong passwords, even for the right one, and says for how long', async () => {
    const { signIn, warnings } = backOffice()
    for (let i = 0; i < 10; i++) expect((await signIn('203.0.113.7', 'guess', `wrong ${i}`)).status).toBe(401)
    const blocked = await signIn('203.0.113.7', 'staff', PASSWORD)
    expect(blocked.status).toBe(429)
    const retryAfter = Number(blocked.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(590)
    expect(retryAfter).toBeLessThanOrEqual(600)
    expect(await blocked.text()).toContain('로그인에 너무 여러 번 실패해 잠시 막혔습니다. 10분 뒤에 다시 시도하세요.')
    expect(warnings).toMatchObject([
      { level: 40, ip: '203.0.113.7', blockedBy: 'address', seconds: 600 },
      { level: 40, account: 'guess', blockedBy: 'account', seconds: 600 },
    ])
    expect(JSON.stringify(warnings)).not.toMatch(/wrong|correct horse/)
  })

  it('does not block another address for the first one\'s failures', async () => {
    const { signIn } = backOffice()
    for (let i = 0; i < 10; i++) await signIn('203.0.113.7', 'guess', 'wrong')
    expect((await signIn('203.0.113.7', 'staff', PASSWORD)).status).toBe(429)
    expect((await signIn('198.51.100.2', 'staff', PASSWORD)).status).toBe(200)
  })

  it('blocks an account guessed at from many addresses', async () => {
    const { signIn, warnings } = backOffice()
    const answers = []
    for (let i = 1; i <= 11; i++) answers.push((await signIn(`192.0.2.${i}`, 'staff', `wrong ${i}`)).status)
    expect(answers).toEqual([...Array(10).fill(401), 429])
    expect((await signIn('192.0.2.99', 'staff', PASSWORD)).status).toBe(429)
    expect(warnings).toMatchObject([{ account: 'staff', blockedBy: 'account' }])
  })

  it('forgets an account\'s failures once it signs in', async () => {
    const { signIn } = backOffice()
    for (let i = 1; i <= 9; i++) await signIn(`192.0.2.${i}`, 'staff', 'wrong')
    expect((await signIn('192.0.2.50', 'staff', PASSWORD)).status).toBe(200)
    for (let i = 1; i <= 9; i++) expect((await signIn(`198.51.100.${i}`, 'staff', 'wrong')).status).toBe(401)
    expect((await signIn('198.51.100.50', 'staff', PASSWORD)).status).toBe(200)
  })
})

import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Webhook } from 'standardwebhooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseIsbn } from '../../src/catalog'
import { openStore, type Store } from '../../src/store'
import { WEBHOOK_EVENTS, WebhookService, type WebhookMessage } from '../../src/webhooks'
import { testDialects } from '../dialects'
import { testStore, type TestStore } from '../helpers'
import { checkoutInput, SEED, stockSeed } from '../support/checkout'
import { staffApp, staffShopper } from '../support/staff'

const OWNER = { actor: 'staff:owner', actorName: 'Owner', via: 'form' }
const FAILS_FIRST = 2

/** A receiver on loopback: verifies each signature, refuses the first attempts of every message, then accepts. */
async function receiver() {
  const attempts = new Map<string, number>()
  const accepted: Array<{ id: string; message: WebhookMessage }> = []
  const refusedSignatures: string[] = []
  let verifier: Webhook | undefined
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const id = String(req.headers['webhook-id'])
      let message: WebhookMessage
      try {
        message = verifier!.verify(body, req.headers as Record<string, string>) as WebhookMessage
      } catch (err) {
        refusedSignatures.push(`${id}: ${(err as Error).message}`)
        return res.writeHead(400).end('bad signature')
      }
      const n = (attempts.get(id) ?? 0) + 1
      attempts.set(id, n)
      if (n <= FAILS_FIRST) return res.writeHead(503).end('busy, try later')
      accepted.push({ id, message })
      res.writeHead(200).end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    trust: (secret: string) => (verifier = new Webhook(secret)),
    attempts,
    accepted,
    refusedSignatures,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: webhooks`, { timeout: 60_000 }, () => {
    let store: TestStore
    let second: Store | undefined
    let hooks: Awaited<ReturnType<typeof receiver>>
    beforeAll(async () => {
      store = await testStore(dialect, { demoBooks: 5 })
      hooks = await receiver()
    })
    afterAll(async () => {
      await hooks?.close()
      await second?.close()
      await store?.cleanup()
    })

    it('queues each event with the change, signs it, retries a failing receiver, and a new server on the same database delivers every event once', async () => {
      // Before any endpoint exists: nothing is queued for it.
      await stockSeed(store, 3)
      const { endpoint, secret } = await store.webhooks.register({ url: hooks.url, description: 'accounting', events: [...WEBHOOK_EVENTS] }, OWNER)
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/)
      hooks.trust(secret)
      // An endpoint for paid orders only, turned off: nothing is queued for it.
      const off = await store.webhooks.register({ url: hooks.url, description: 'off', events: ['order.paid'] }, OWNER)
      await store.webhooks.disable(off.endpoint.id, OWNER)

      const seed = parseIsbn(SEED)
      await store.catalog.editBooks([{ isbn13: seed, fields: { stock: 7 } }], OWNER)
      await store.catalog.editBooks([{ isbn13: seed, fields: { subtitle: '웹훅 부제' } }], OWNER)
      await store.commerce.addItem('hook-shopper', seed, 2)
      const paid = await store.orders.place({ owner: 'hook-shopper', customerId: null, input: checkoutInput() })
      await store.orders.markPaid(paid.number, 'bank')
      await store.orders.prepare(paid.number, 'staff:owner')
      await store.orders.ship(paid.number, 'cj', '123456789012', 'staff:owner')
      await store.commerce.addItem('hook-shopper-2', seed, 1)
      const cancelled = await store.orders.place({ owner: 'hook-shopper-2', customerId: null, input: checkoutInput() })
      await store.orders.cancel(cancelled.number, 'staff:owner', 'changed mind')

      const queued = await store.webhooks.deliveries(endpoint.id)
      expect(await store.webhooks.deliveries(off.endpoint.id)).toEqual([])
      expect(queued.map((d) => d.event).sort()).toEqual(
        ['book.changed', 'book.changed', 'stock.changed', 'order.placed', 'stock.changed', 'order.paid', 'order.shipped', 'order.placed', 'stock.changed', 'order.cancelled', 'stock.changed'].sort(),
      )

      // The first server: its clock at the queueing, then after the first backoff; the receiver refuses both attempts.
      const t0 = Date.now()
      const first = new WebhookService(store.store.db, { now: () => new Date(t0) })
      expect(await first.deliverDue()).toEqual({ delivered: 0, failed: queued.length })
      expect(await first.deliverDue()).toEqual({ delivered: 0, failed: 0 })
      const later = new WebhookService(store.store.db, { now: () => new Date(t0 + 6_000) })
      expect(await later.deliverDue()).toEqual({ delivered: 0, failed: queued.length })
      const midway = await store.webhooks.deliveries(endpoint.id)
      expect(midway.every((d) => d.status === 'queued' && d.attempts === 2 && d.responseStatus === 503 && d.responseExcerpt === 'busy, try later')).toBe(true)
      await first.close()
      await later.close()

      // The server stops; a new one on the same database, six minutes on, finishes the work.
      second = await openStore(store.url, { poolSize: 2 })
      const restarted = new WebhookService(second.db, { now: () => new Date(t0 + 6 * 60_000) })
      expect(await restarted.deliverDue()).toEqual({ delivered: queued.length, failed: 0 })
      expect(await restarted.deliverDue()).toEqual({ delivered: 0, failed: 0 })

      expect(hooks.refusedSignatures).toEqual([])
      const ids = hooks.accepted.map((a) => a.id)
      expect(new Set(ids).size).toBe(ids.length)
      expect(ids.sort()).toEqual(queued.map((d) => d.id).sort())
      expect([...hooks.attempts.values()].every((n) => n === FAILS_FIRST + 1)).toBe(true)
      expect(new Set(hooks.accepted.map((a) => a.message.type))).toEqual(new Set(WEBHOOK_EVENTS))
      const placed = hooks.accepted.filter((a) => a.message.type === 'order.placed').map((a) => (a.message.data.order as { number: string }).number)
      expect(placed.sort()).toEqual([paid.number, cancelled.number].sort())
      const shipped = hooks.accepted.find((a) => a.message.type === 'order.shipped')!.message.data
      expect(shipped).toMatchObject({ order: { number: paid.number, status: 'shipped', trackingNumber: '123456789012' }, step: { from: 'preparing', to: 'shipped' } })
      const changes = hooks.accepted.filter((a) => a.message.type === 'stock.changed').map((a) => a.message.data.change).sort()
      expect(changes).toEqual([-2, -1, 1, 4].sort())

      const log = await store.webhooks.deliveries(endpoint.id)
      expect(log.every((d) => d.status === 'delivered' && d.attempts === 3 && d.responseStatus === 200 && d.responseExcerpt === 'ok' && d.deliveredAt)).toBe(true)
      // A signature made with another secret is refused by the library: the check above is not vacuous.
      const body = JSON.stringify({ type: 'order.paid', timestamp: new Date().toISOString(), data: {} })
      const forged = new Webhook(`whsec_${Buffer.alloc(24, 7).toString('base64')}`)
      const now = new Date()
      expect(() => new Webhook(secret).verify(body, { 'webhook-id': 'msg_x', 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)), 'webhook-signature': forged.sign('msg_x', now, body) })).toThrow()
    })

    it('re-sends a delivery under its message id; an unknown delivery is not found', async () => {
      const [endpoint] = (await store.webhooks.endpoints()).filter((e) => !e.disabledAt)
      const [delivery] = await store.webhooks.deliveries(endpoint!.id)
      await store.webhooks.resend(endpoint!.id, delivery!.id)
      expect((await store.webhooks.deliveries(endpoint!.id)).find((d) => d.id === delivery!.id)?.status).toBe('queued')
      const before = hooks.accepted.length
      expect(await new WebhookService(store.store.db).deliverDue()).toEqual({ delivered: 1, failed: 0 })
      expect(hooks.accepted.slice(before).map((a) => a.id)).toEqual([delivery!.id])
      await expect(store.webhooks.resend(endpoint!.id, 'msg_nothing')).rejects.toThrow(/not found/)
    })

    it('back office: an owner registers an endpoint and sees its secret once, reads the delivery log, sends one again and turns it off, all audited; others may not', async () => {
      const app = staffApp(store)
      const owner = await staffShopper(app, store, 'owner')
      const post = (path: string, pairs: Array<[string, string]>) => owner.send('POST', path, new URLSearchParams([...pairs, ['_csrf', owner.token()]]) as unknown as Record<string, string>)
      const badUrl = await post('/admin/webhooks', [['url', 'ftp://warehouse.example'], ['events', 'order.paid']])
      expect(badUrl.status).toBe(400)
      expect(await badUrl.text()).toContain('받는 주소 (URL)은(는) https:// 또는 http://로 시작하는 주소여야 합니다.')
      const noEvents = await post('/admin/webhooks?lang=en', [['url', hooks.url]])
      expect(noEvents.status).toBe(400)
      expect(await noEvents.text()).toContain('Enter the Events to send.')

      const made = await post('/admin/webhooks', [['url', hooks.url], ['description', '창고'], ['events', 'order.paid'], ['events', 'order.shipped']])
      expect(made.status).toBe(200)
      const secret = /whsec_[A-Za-z0-9+/]{32}/.exec(await made.text())?.[0]
      expect(secret).toBeDefined()
      const endpoint = (await store.webhooks.endpoints()).find((e) => e.description === '창고')!
      expect(endpoint.events).toEqual(['order.paid', 'order.shipped'])
      expect(await (await owner.get('/admin/webhooks')).text()).not.toContain(secret)
      expect((await store.audit.history('webhook', endpoint.id)).map((e) => e.action)).toEqual(['create'])

      await store.commerce.addItem('hook-office', parseIsbn(SEED), 1)
      const order = await store.orders.place({ owner: 'hook-office', customerId: null, input: checkoutInput() })
      await store.orders.markPaid(order.number, 'bank')
      const [delivery] = await store.webhooks.deliveries(endpoint.id)
      expect(delivery?.event).toBe('order.paid')
      const page = await (await owner.get(`/admin/webhooks/${endpoint.id}`)).text()
      expect(page).toContain(delivery!.id)
      expect(page).not.toContain(secret)
      expect(page).toContain('<th scope="col">시도</th>')
      const resent = await post(`/admin/webhooks/${endpoint.id}/deliveries/${delivery!.id}/resend`, [])
      expect(resent.status).toBe(303)
      expect(resent.headers.get('location')).toBe(`/admin/webhooks/${endpoint.id}?done=resent`)
      expect((await owner.get(`/admin/webhooks/nothing`)).status).toBe(404)
      expect((await post(`/admin/webhooks/${endpoint.id}/deliveries/msg_nothing/resend`, [])).status).toBe(404)

      expect((await post(`/admin/webhooks/${endpoint.id}/disable`, [])).status).toBe(303)
      expect((await store.webhooks.endpoint(endpoint.id)).disabledAt).not.toBeNull()
      expect((await store.audit.history('webhook', endpoint.id)).map((e) => e.action)).toEqual(['disable', 'create'])

      const cataloguer = await staffShopper(app, store, 'catalog')
      expect((await cataloguer.get('/admin/webhooks')).status).toBe(403)
    })
  })
}

import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { InputError } from '../../core/errors'
import { startPortOneStandin, type PortOneStandin } from '../../../test/support/portone-standin'
import { PortOne, PortOneRefusedError, type PortOneConfig } from './index'

let standin: PortOneStandin
let config: PortOneConfig
const warnings: Array<{ obj: object; msg: string }> = []
const log = { warn: (obj: object, msg: string) => void warnings.push({ obj, msg }) }

beforeAll(async () => {
  standin = await startPortOneStandin()
  config = {
    storeId: standin.storeId,
    channelKey: 'channel-key-test',
    apiSecret: standin.secret,
    webhookSecret: standin.webhookSecret,
    baseUrl: standin.url,
    timeoutMs: 300,
  }
})
afterAll(() => standin.close())

const order = { amount: 25_000, currency: 'KRW' }

describe('PortOne check', () => {
  it('accepts a paid payment of the order amount and currency', async () => {
    standin.setPayment('pay-ok', { status: 'PAID', amount: { total: 25_000 }, currency: 'KRW', paidAt: '2026-03-01T10:00:00Z' })
    const check = await new PortOne(config, log).check('pay-ok', order)
    expect(check).toEqual({ outcome: 'paid', paidAt: '2026-03-01T10:00:00Z', amount: 25_000, currency: 'KRW' })
    expect(standin.cancels.filter((c) => c.paymentId === 'pay-ok')).toEqual([])
  })

  it('refuses a paid payment of another amount and cancels it at PortOne', async () => {
    standin.setPayment('pay-short', { status: 'PAID', amount: { total: 1_000 }, currency: 'KRW' })
    const check = await new PortOne(config, log).check('pay-short', order)
    expect(check).toMatchObject({ outcome: 'refused', cancelled: true })
    expect(check.outcome === 'refused' && check.reason).toContain('1000 KRW')
    expect(standin.cancels.filter((c) => c.paymentId === 'pay-short')).toHaveLength(1)
    expect(standin.payment('pay-short')?.status).toBe('CANCELLED')
  })

  it('refuses a paid payment in another currency and cancels it', async () => {
    standin.setPayment('pay-usd', { status: 'PAID', amount: { total: 25_000 }, currency: 'USD' })
    expect(await new PortOne(config, log).check('pay-usd', order)).toMatchObject({ outcome: 'refused', cancelled: true })
    expect(standin.payment('pay-usd')?.status).toBe('CANCELLED')
  })

  it('refuses a failed payment without cancelling anything', async () => {
    standin.setPayment('pay-failed', { status: 'FAILED', amount: { total: 25_000 }, currency: 'KRW', failure: { reason: 'card declined' } })
    const check = await new PortOne(config, log).check('pay-failed', order)
    expect(check).toEqual({ outcome: 'refused', reason: 'the payment failed: card declined', cancelled: false })
    expect(standin.cancels.filter((c) => c.paymentId === 'pay-failed')).toEqual([])
  })

  it('reports a payment still in the window as pending', async () => {
    standin.setPayment('pay-ready', { status: 'READY', amount: { total: 25_000 }, currency: 'KRW' })
    expect(await new PortOne(config, log).check('pay-ready', order)).toMatchObject({ outcome: 'pending' })
  })

  it('reports pending when PortOne answers later than timeoutMs', async () => {
    standin.setPayment('pay-slow', { status: 'PAID', amount: { total: 25_000 }, currency: 'KRW' })
    standin.misbehave('pay-slow', { delayMs: 2_000 })
    const started = Date.now()
    const check = await new PortOne(config, log).check('pay-slow', order)
    expect(check).toMatchObject({ outcome: 'pending' })
    expect(check.outcome === 'pending' && check.reason).toContain('no answer within 300 ms')
    expect(Date.now() - started).toBeLessThan(1_500)
  })

  it('reports pending when PortOne answers 500', async () => {
    standin.setPayment('pay-500', { status: 'PAID', amount: { total: 25_000 }, currency: 'KRW' })
    standin.misbehave('pay-500', { status: 500 })
    expect(await new PortOne(config, log).check('pay-500', order)).toMatchObject({ outcome: 'pending' })
  })

  it('reports pending when nothing listens at PortOne’s address', async () => {
    const gone = new PortOne({ ...config, baseUrl: 'http://127.0.0.1:1' }, log)
    expect(await gone.check('pay-ok', order)).toMatchObject({ outcome: 'pending' })
  })

  it('refuses a payment PortOne does not know', async () => {
    expect(await new PortOne(config, log).check('pay-unknown', order)).toMatchObject({ outcome: 'refused', cancelled: false })
  })

  it('throws a clear error for a wrong API secret and logs no secret', async () => {
    standin.setPayment('pay-secret', { status: 'PAID', amount: { total: 25_000 }, currency: 'KRW' })
    const wrong = new PortOne({ ...config, apiSecret: 'not-the-secret' }, log)
    const error = await wrong.check('pay-secret', order).catch((err: unknown) => err)
    expect(error).toBeInstanceOf(PortOneRefusedError)
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', operation: 'getPayment', paymentId: 'pay-secret' })
    expect(String(error)).not.toContain('not-the-secret')
    expect(JSON.stringify(warnings)).not.toContain(standin.secret)
  })
})

describe('PortOne cancel', () => {
  it('refunds part of a payment, then says no to refunding more than is left', async () => {
    standin.setPayment('pay-refund', { status: 'PAID', amount: { total: 30_000 }, currency: 'KRW' })
    const portone = new PortOne(config, log)
    await portone.cancel('pay-refund', 'one book out of stock', 10_000)
    expect(standin.cancels.at(-1)).toEqual({ paymentId: 'pay-refund', amount: 10_000, reason: 'one book out of stock' })
    expect(standin.payment('pay-refund')?.status).toBe('PARTIAL_CANCELLED')
    await expect(portone.cancel('pay-refund', 'too much', 25_000)).rejects.toMatchObject({
      name: 'PortOneRefusedError',
      code: 'CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT',
    })
  })

  it('takes a repeated full refund as done', async () => {
    standin.setPayment('pay-twice', { status: 'PAID', amount: { total: 5_000 }, currency: 'KRW' })
    const portone = new PortOne(config, log)
    await portone.cancel('pay-twice', 'order cancelled')
    await portone.cancel('pay-twice', 'order cancelled')
    expect(standin.cancels.filter((c) => c.paymentId === 'pay-twice')).toHaveLength(2)
    expect(standin.payment('pay-twice')?.status).toBe('CANCELLED')
  })

  it('refuses an amount that is not whole won', async () => {
    await expect(new PortOne(config, log).cancel('pay-ok', 'x', 10.5)).rejects.toBeInstanceOf(InputError)
  })
})

describe('PortOne window parameters', () => {
  it('carry the store, channel, order and buyer but no secret', () => {
    const params = new PortOne(config, log).windowParams('pay-window', {
      name: '채식주의자 외 1권',
      amount: 27_000,
      currency: 'KRW',
      buyer: { name: '홍길동', phone: '01012345678', email: 'reader@example.com' },
    })
    expect(params).toEqual({
      storeId: standin.storeId,
      channelKey: 'channel-key-test',
      paymentId: 'pay-window',
      orderName: '채식주의자 외 1권',
      totalAmount: 27_000,
      currency: 'KRW',
      payMethod: 'CARD',
      customer: { fullName: '홍길동', phoneNumber: '01012345678', email: 'reader@example.com' },
    })
    expect(JSON.stringify(params)).not.toContain(standin.secret)
    expect(JSON.stringify(params)).not.toContain(standin.webhookSecret)
  })

  it('paid through the stand-in browser SDK, pass the server check', async () => {
    const portone = new PortOne(config, log)
    const params = portone.windowParams('pay-browser', {
      name: '소년이 온다',
      amount: 13_500,
      currency: 'KRW',
      buyer: { name: '홍길동', phone: '01012345678', email: 'reader@example.com' },
    })
    const script = await (await fetch(`${standin.url}/v2/browser-sdk.js`)).text()
    const page: { PortOne?: { requestPayment(p: object): Promise<{ paymentId: string }> } } = {}
    new Function('window', script)(page)
    expect(await page.PortOne!.requestPayment(params)).toMatchObject({ paymentId: 'pay-browser', transactionType: 'PAYMENT' })
    expect(await portone.check('pay-browser', { amount: 13_500, currency: 'KRW' })).toMatchObject({ outcome: 'paid', amount: 13_500 })
  })
})

describe('PortOne webhooks', () => {
  const paid = { type: 'Transaction.Paid', timestamp: '2026-03-01T10:00:00Z', data: { paymentId: 'pay-ok', storeId: 's', transactionId: 't' } }
  let receiver: Server
  let receiverUrl: string
  const received: Array<{ type: string; paymentId?: string }> = []

  // A receiver as the store's route will be: raw body in, 200 or 400 out.
  beforeAll(async () => {
    const portone = new PortOne(config, log)
    receiver = createServer(async (req, res) => {
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(chunk as Buffer)
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]))
      try {
        received.push(await portone.verifyWebhook(Buffer.concat(chunks).toString('utf8'), headers))
        res.writeHead(200).end()
      } catch (err) {
        res.writeHead(400).end(err instanceof InputError ? err.code : 'other')
      }
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/portone`
  })
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())))

  it('accepts a webhook signed with the webhook secret', async () => {
    const answer = await standin.sendWebhook(receiverUrl, paid)
    expect(answer.status).toBe(200)
    expect(received.at(-1)).toEqual({ type: 'Transaction.Paid', paymentId: 'pay-ok' })
  })

  it('rejects a webhook signed with another secret', async () => {
    const forged = `whsec_${randomBytes(24).toString('base64')}`
    expect(await standin.sendWebhook(receiverUrl, paid, { secret: forged })).toEqual({ status: 400, body: 'webhook_signature' })
  })

  it('rejects a webhook whose timestamp is ten minutes old', async () => {
    const at = new Date(Date.now() - 10 * 60_000)
    expect(await standin.sendWebhook(receiverUrl, paid, { at })).toEqual({ status: 400, body: 'webhook_signature' })
  })

  it('rejects a body changed after signing', async () => {
    const { body, headers } = standin.signWebhook(paid)
    const tampered = body.replace('pay-ok', 'pay-other')
    expect(tampered).not.toBe(body)
    await expect(new PortOne(config, log).verifyWebhook(tampered, headers)).rejects.toMatchObject({
      field: 'webhook',
      code: 'webhook_signature',
    })
  })

  it('rejects a webhook without signature headers', async () => {
    const { body, headers } = standin.signWebhook(paid)
    const { 'webhook-signature': _, ...unsigned } = headers
    await expect(new PortOne(config, log).verifyWebhook(body, unsigned)).rejects.toMatchObject({ code: 'webhook_signature' })
  })

  it('trusts no webhook when no webhook secret is configured', async () => {
    const { body, headers } = standin.signWebhook(paid)
    const { webhookSecret: _, ...withoutSecret } = config
    await expect(new PortOne(withoutSecret, log).verifyWebhook(body, headers)).rejects.toMatchObject({ code: 'webhook_signature' })
  })
})

import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { simpleParser } from 'mailparser'
import { afterEach, describe, expect, it } from 'vitest'
import type { Order } from '../../src/commerce'
import { assets } from '../../src/web/assets'
import { officeWords } from '../../src/web/pages/admin/orders-words'
import { courierCell } from '../../src/web/routes/admin/orders-courier'
import { parseTrackingCsv } from '../../src/web/routes/admin/orders-tracking'
import { testDialects } from '../dialects'
import { paymentsStore, placeOrder, stepsTo, type PaymentsStore } from '../payments/setup'
import { staffApp, staffShopper } from '../support/staff'
import { BROWSER } from './shopper'

let store: PaymentsStore | undefined
afterEach(async () => {
  await store?.cleanup()
  store = undefined
})

/** The app with its back office, where the order screens are. */
const officeApp = (services: PaymentsStore) => staffApp(services)

type Staff = Awaited<ReturnType<typeof staffShopper>>

/** A file posted from the back office's own page, as a browser sends a multipart form. */
async function upload(app: ReturnType<typeof officeApp>, staff: Staff, path: string, name: string, bytes: Buffer) {
  const form = new FormData()
  form.set('_csrf', staff.token())
  form.set('file', new File([new Uint8Array(bytes)], name, { type: 'text/csv' }))
  return app.request(path, { method: 'POST', body: form, headers: { cookie: staff.cookie(), 'sec-fetch-site': 'same-origin', 'user-agent': BROWSER } })
}

const utf8 = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])

/** The mails the store wrote for this order, once its queued steps are delivered. */
async function mailsAbout(services: PaymentsStore, order: Order) {
  await services.orderMailQueued()
  await services.mail.deliverDue()
  const dir = services.shop.mail.outboxDir
  const parsed = await Promise.all((await readdir(dir)).map(async (f) => simpleParser(await readFile(join(dir, f)))))
  return parsed.filter((m) => (m.text ?? '').includes(order.number))
}

async function paid(services: PaymentsStore, copies = 1) {
  const order = await placeOrder(services, copies)
  await services.payments.confirmDeposit(order.number, 'staff:setup')
  return order
}

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: the back office for orders`, () => {
    it('lists the queues with their counts, one queue at a time, and finds orders by number or phone', async () => {
      store = await paymentsStore(dialect)
      const waiting = await placeOrder(store, 1)
      const toPrepare = await paid(store, 2)
      const toShip = await paid(store, 3)
      await store.orders.prepare(toShip.number, 'staff:setup')
      const dueTonight = new Date(`${new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10)}T23:59:00+09:00`).toISOString()
      await store.store.db.updateTable('orders').set({ pay_by: dueTonight }).where('number', '=', waiting.number).execute()
      const app = officeApp(store)
      const staff = await staffShopper(app, store, 'orders')

      const res = await staff.get('/admin/orders')
      expect(res.status).toBe(200)
      expect(res.headers.get('cache-control')).toContain('no-store')
      const page = await res.text()
      expect(page).toContain('<meta name="robots" content="noindex')
      for (const [status, n] of [['입금 대기', 1], ['결제 완료', 1], ['상품 준비 중', 1], ['배송 중', 0], ['반품 요청', 0]] as const) {
        expect(page).toContain(`<strong>${status}</strong> <span class="count">${n}건</span>`)
      }
      expect(page).toContain('오늘 기한이 끝나는 주문 1건')
      expect(page).toContain(waiting.number)
      expect(page).not.toContain(toPrepare.number)

      const paidQueue = await (await staff.get('/admin/orders?queue=paid&lang=en')).text()
      expect(paidQueue).toContain(toPrepare.number)
      expect(paidQueue).not.toContain(waiting.number)
      expect(paidQueue).toContain('<strong>Paid</strong> <span class="count">1</span>')

      const byNumber = await (await staff.get(`/admin/orders?q=${toShip.number}`)).text()
      expect(byNumber).toContain(`/admin/orders/${toShip.number}`)
      expect(byNumber).not.toContain(`/admin/orders/${waiting.number}"`)
      const byPhone = await (await staff.get('/admin/orders?q=01012345678')).text()
      for (const o of [waiting, toPrepare, toShip]) expect(byPhone).toContain(`/admin/orders/${o.number}"`)
    })

    it('ships an order from its page with a tracking number, and the buyer is mailed the tracking link', async () => {
      store = await paymentsStore(dialect)
      const order = await paid(store)
      const app = officeApp(store)
      const staff = await staffShopper(app, store, 'orders')

      const page = await (await staff.get(`/admin/orders/${order.number}`)).text()
      expect(page).toContain(`action="/admin/orders/${order.number}/ship"`)
      expect(page).toContain(`action="/admin/orders/${order.number}/cancel"`)
      expect(page).not.toContain(`action="/admin/orders/${order.number}/refund"`)
      const res = await staff.post(`/admin/orders/${order.number}/ship`, { carrier: 'cj', trackingNumber: '6543-2109-8765' })
      expect(res.status).toBe(303)
      expect(res.headers.get('location')).toBe(`/admin/orders/${order.number}?done=ship`)

      const now = await store.orders.byNumber(order.number)
      expect(now).toMatchObject({ status: 'shipped', carrier: 'cj', trackingNumber: '654321098765' })
      expect(stepsTo(now, 'shipped')).toEqual([expect.objectContaining({ actor: `staff:${staff.member.id}` })])
      const shown = await (await staff.get(`/admin/orders/${order.number}?done=ship`)).text()
      expect(shown).toContain('발송 처리했습니다')
      expect(shown).toContain(`orders tester <small><code>staff:${staff.member.id}</code></small>`)
      const mails = await mailsAbout(store, order)
      expect(mails.filter((m) => (m.text ?? '').includes('654321098765'))).toHaveLength(1)
    })

    it('cancels a paid order with its reason, and takes a delivered order through its return to the refund', async () => {
      store = await paymentsStore(dialect)
      const cancelled = await paid(store)
      const returned = await paid(store)
      const app = officeApp(store)
      const staff = await staffShopper(app, store, 'orders')
      await staff.get(`/admin/orders/${cancelled.number}`)

      expect((await staff.post(`/admin/orders/${cancelled.number}/cancel`, { reason: '품절로 보낼 수 없음' })).status).toBe(303)
      expect(await store.orders.byNumber(cancelled.number)).toMatchObject({ status: 'cancelled', events: expect.arrayContaining([expect.objectContaining({ to: 'cancelled', reason: '품절로 보낼 수 없음', actor: `staff:${staff.member.id}` })]) })

      for (const [action, form] of [['prepare', {}], ['ship', { carrier: 'hanjin', trackingNumber: '123456789012' }], ['deliver', {}]] as const) {
        expect((await staff.post(`/admin/orders/${returned.number}/${action}`, form)).status, action).toBe(303)
      }
      await store.orders.requestReturn(returned.number, 'guest', '파본')
      const page = await (await staff.get(`/admin/orders/${returned.number}`)).text()
      expect(page).toContain(`action="/admin/orders/${returned.number}/receive"`)
      expect(page).not.toContain(`action="/admin/orders/${returned.number}/refund"`)
      expect((await staff.post(`/admin/orders/${returned.number}/receive`)).status).toBe(303)
      expect((await staff.post(`/admin/orders/${returned.number}/refund`)).status).toBe(303)
      const now = await store.orders.byNumber(returned.number)
      expect(now.events.map((e) => e.to)).toEqual(['awaiting_payment', 'paid', 'preparing', 'shipped', 'delivered', 'return_requested', 'returned', 'refunded'])
    })

    it('refuses a step the order cannot take, says why in the staff member’s language, and changes nothing', async () => {
      store = await paymentsStore(dialect)
      const order = await placeOrder(store, 1)
      const app = officeApp(store)
      const staff = await staffShopper(app, store, 'orders')
      await staff.get(`/admin/orders/${order.number}`)

      const ko = await staff.post(`/admin/orders/${order.number}/deliver`)
      expect(ko.status).toBe(409)
      expect(await ko.text()).toContain(`주문 ${order.number}은(는) 지금 상태에서 그 단계로 바꿀 수 없습니다.`)
      const en = await staff.post(`/admin/orders/${order.number}/ship?lang=en`, { carrier: 'cj', trackingNumber: '123' })
      expect(en.status).toBe(400)
      expect(await en.text()).toContain('A tracking number is 9 to 14 digits')
      const noReason = await staff.post(`/admin/orders/${order.number}/cancel`, { reason: '  ' })
      expect(noReason.status).toBe(400)
      expect(await noReason.text()).toContain('사유를 적어 주세요')

      const now = await store.orders.byNumber(order.number)
      expect(now.status).toBe('awaiting_payment')
      expect(now.events).toHaveLength(1)
    })

    it('shows a viewer the order without any action, and refuses a viewer’s post with 403', async () => {
      store = await paymentsStore(dialect)
      const order = await paid(store)
      const app = officeApp(store)
      const viewer = await staffShopper(app, store, 'viewer')

      const res = await viewer.get(`/admin/orders/${order.number}`)
      expect(res.status).toBe(200)
      const page = await res.text()
      expect(page).toContain(order.delivery.address)
      expect(page).not.toContain('class="order-action"')
      expect(await (await viewer.get('/admin/orders')).text()).not.toContain('name="file"')
      expect((await viewer.post(`/admin/orders/${order.number}/prepare`)).status).toBe(403)
      expect((await store.orders.byNumber(order.number)).status).toBe('paid')
      const anonymous = await app.request(`/admin/orders/${order.number}`, { headers: { 'user-agent': BROWSER }, redirect: 'manual' })
      expect(anonymous.status).toBe(303)
    })

    it('prints one packing slip per selected order with the A4 print stylesheet, and writes the courier CSV Excel opens', async () => {
      store = await paymentsStore(dialect)
      const a = await paid(store, 1)
      const b = await paid(store, 2)
      const app = officeApp(store)
      const staff = await staffShopper(app, store, 'orders')

      const slips = await (await staff.get(`/admin/orders/slips?numbers=${a.number}&numbers=${b.number}`)).text()
      expect(slips.match(/<section class="slip"/g)).toHaveLength(2)
      expect(slips).toContain(a.delivery.recipientName)
      expect(slips).toContain(a.delivery.note)
      expect(slips).toContain(`href="${assets.css.url}"`)
      expect(assets.css.body.toString()).toMatch(/@media print\{[^]*@page \{ size: A4/)
      expect(assets.css.body.toString()).toMatch(/\.slip\{[^}]*break-after:page/)

      const res = await staff.get(`/admin/orders/courier.csv?numbers=${a.number},${b.number}`)
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="courier-\d{8}\.csv"$/)
      const bytes = Buffer.from(await res.arrayBuffer())
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      const rows = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n')
      expect(rows[0]).toBe('받는분,받는분 전화,우편번호,주소,상세주소,배송메시지,품목,수량,주문번호')
      const d = a.delivery
      expect(rows.slice(1)).toEqual([
        `${d.recipientName},${d.recipientPhone},${d.postalCode},${d.address},${d.addressDetail},${d.note},${a.lines[0]!.title},1,${a.number}`,
        `${d.recipientName},${d.recipientPhone},${d.postalCode},${d.address},${d.addressDetail},${d.note},${b.lines[0]!.title},2,${b.number}`,
      ])
    })

    it('ships the orders a tracking CSV names once, however often it is uploaded, and reports refused and unknown lines', async () => {
      store = await paymentsStore(dialect)
      const a = await paid(store)
      const b = await paid(store)
      const waiting = await placeOrder(store, 1)
      const app = officeApp(store)
      const staff = await staffShopper(app, store, 'orders')
      await staff.get('/admin/orders')
      // CP949, as Excel saves a Korean sheet: 주문번호,택배사,운송장번호 and 우체국택배.
      const file = Buffer.concat([
        Buffer.from('c1d6b9aeb9f8c8a32cc5c3b9e8bbe72cbfeebcdbc0e5b9f8c8a30d0a', 'hex'),
        Buffer.from(`${a.number},cj,6543-2109-8765\r\n${b.number},`),
        Buffer.from('bfecc3bcb1b9c5c3b9e8', 'hex'),
        Buffer.from(`,1234567890123\r\n${waiting.number},cj,111122223333\r\n20990101-000001,cj,444455556666\r\n`),
      ])

      const first = await upload(app, staff, '/admin/orders/tracking', 'tracking.csv', file)
      expect(first.status).toBe(200)
      const report = await first.text()
      expect(report).toContain('발송 처리 2건')
      expect(report).toContain('처리하지 않음 1건')
      expect(report).toContain(`주문 ${waiting.number}은(는) 지금 상태에서 그 단계로 바꿀 수 없습니다.`)
      expect(report).toContain('없는 주문 번호 1건')
      expect(await store.orders.byNumber(b.number)).toMatchObject({ status: 'shipped', carrier: 'epost', trackingNumber: '1234567890123' })

      const again = await (await upload(app, staff, '/admin/orders/tracking', 'tracking.csv', file)).text()
      expect(again).toContain('발송 처리 0건')
      expect(again).toContain('이미 같은 운송장으로 발송되어 바뀌지 않음 2건')
      for (const o of [a, b]) expect(stepsTo(await store.orders.byNumber(o.number), 'shipped')).toHaveLength(1)
      expect((await store.orders.byNumber(waiting.number)).status).toBe('awaiting_payment')

      // A file past the 64 KB every other form is held to is read, up to 5 MB.
      const long = Buffer.concat([file, Buffer.from('\r\n'.repeat(40_000))])
      expect((await upload(app, staff, '/admin/orders/tracking', 'long.csv', long)).status).toBe(200)
      expect((await upload(app, staff, '/admin/orders/tracking', 'huge.csv', Buffer.alloc(5 * 1024 * 1024 + 1, 0x0a))).status).toBe(413)
    })

    it('lists an ambiguous deposit from an uploaded statement, and assigning it marks that order paid once', async () => {
      store = await paymentsStore(dialect)
      const twinA = await placeOrder(store, 3)
      const twinB = await placeOrder(store, 3)
      const app = officeApp(store)
      const staff = await staffShopper(app, store, 'orders')
      await staff.get('/admin/payments/statements')
      const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10)
      const statement = utf8(`거래일자,입금자명,입금액(원),출금액(원),잔액(원)\r\n${today},김독자,"${twinA.total.toLocaleString('en')}",,"1,000,000"\r\n`)

      const res = await upload(app, staff, '/admin/payments/statements', 'kb.csv', statement)
      expect(res.status).toBe(200)
      const page = await res.text()
      expect(page).toContain('어느 주문인지 정해야 하는 입금 1건')
      for (const o of [twinA, twinB]) expect(page).toContain(`주문 ${o.number}에 확인`)
      const [key] = /\/admin\/payments\/deposits\/([0-9a-f]+)\/assign/.exec(page)!.slice(1)

      const assigned = await staff.post(`/admin/payments/deposits/${key}/assign`, { number: twinB.number })
      expect(assigned.status).toBe(303)
      const paidNow = await store.orders.byNumber(twinB.number)
      expect(paidNow.status).toBe('paid')
      expect(stepsTo(paidNow, 'paid')).toEqual([expect.objectContaining({ actor: `staff:${staff.member.id}`, reason: 'deposit confirmed' })])
      expect(await store.store.db.selectFrom('bank_deposit').select(['outcome', 'order_id']).execute()).toEqual([{ outcome: 'confirmed', order_id: twinB.id }])
      const after = await (await staff.get(`/admin/payments/statements?assigned=${twinB.number}`)).text()
      expect(after).toContain(`입금을 확인해 주문 ${twinB.number}을(를) 결제 완료로 바꿨습니다.`)
      expect(after).toContain('결정을 기다리는 입금이 없습니다.')

      const twice = await staff.post(`/admin/payments/deposits/${key}/assign`, { number: twinA.number })
      expect(twice.status).toBe(409)
      expect(await twice.text()).toContain('이 입금은 이미 다른 주문에 확인되었습니다.')
      expect((await store.orders.byNumber(twinA.number)).status).toBe('awaiting_payment')
    })
  })
}

describe('order office files', () => {
  it('says everything on the order screens in both languages', () => {
    expect(Object.keys(officeWords.en)).toEqual(Object.keys(officeWords.ko))
    for (const lang of ['ko', 'en'] as const) for (const [k, v] of Object.entries(officeWords[lang])) expect(v.trim(), `${lang}.${k}`).not.toBe('')
  })

  it('keeps a courier cell a spreadsheet would run as a formula as text', () => {
    expect(['=HYPERLINK("x")', '+82', '-1', '@SUM(A1)', '\tX', '서울 "본점", 3층'].map(courierCell)).toEqual(['"\'=HYPERLINK(""x"")"', "'+82", "'-1", "'@SUM(A1)", "'\tX", '"서울 ""본점"", 3층"'])
  })

  it('reads English tracking headers in any order and names a blank cell and a file without the columns', () => {
    const parsed = parseTrackingCsv(Buffer.from('Tracking Number,Order No.,Carrier\n123456789,20261202-000001,Hanjin\n,20261202-000002,cj\n'))
    expect(parsed.lines).toEqual([{ line: 2, number: '20261202-000001', carrier: 'Hanjin', tracking: '123456789' }])
    expect(parsed.problems).toEqual([{ line: 3, field: 'tracking', code: 'required' }])
    expect(parseTrackingCsv(Buffer.from('isbn,title\n1,2\n')).problems).toEqual([{ line: 1, field: 'header', code: 'no_tracking_header' }])
  })
})

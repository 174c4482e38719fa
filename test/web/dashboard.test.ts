import { afterEach, describe, expect, it } from 'vitest'
import { createApp } from '../../src/web/app'
import { testDialects } from '../dialects'
import { testServices } from '../helpers'
import { paymentsStore, placeOrder, type PaymentsStore } from '../payments/setup'
import { staffService, staffShopper } from '../support/staff'

let store: PaymentsStore | undefined
afterEach(async () => {
  await store?.cleanup()
  store = undefined
})

/** The figure a dashboard shows under a label (the number in the link beside it). */
function figure(page: string, label: string): string | undefined {
  const at = page.indexOf(`<span class="label">${label}</span>`)
  return at < 0 ? undefined : /<span class="value">([^<]*)<\/span>\s*$/.exec(page.slice(Math.max(0, at - 200), at))?.[1]
}

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: the back office's dashboard`, { timeout: 60_000 }, () => {
    it("shows today's orders and money, the queues, catalog gaps and the last imports, each a link to its list", async () => {
      store = await paymentsStore(dialect)
      const app = createApp({ ...testServices(store), staff: staffService(store) })
      const first = await placeOrder(store, 2)
      const second = await placeOrder(store, 1)
      await store.orders.markPaid(second.number, 'staff:test')
      const cancelled = await placeOrder(store, 1)
      await store.orders.cancel(cancelled.number, 'staff:test', '고객 요청')
      const book = await store.catalog.getBook(first.lines[0]!.isbn13 as never)
      await store.catalog.editBooks([{ isbn13: book.isbn13, fields: { stock: 2 }, mustExist: true }])

      const owner = await staffShopper(app, store, 'owner')
      const page = await (await owner.get('/admin?lang=en')).text()
      expect(figure(page, 'Orders')).toBe('3')
      expect(figure(page, 'Sales (not cancelled)')).toBe(`₩${(first.total + second.total).toLocaleString('en-US')}`)
      expect(figure(page, 'Awaiting deposit')).toBe('1')
      expect(figure(page, 'To ship (paid or preparing)')).toBe('1')
      expect(figure(page, 'Stock at 3 or under')).not.toBe('0')
      expect(page).toContain('href="/admin/books?stock=3&amp;sort=stock&amp;lang=en"')
      expect(page).toContain('href="/admin/orders?queue=awaiting_payment&amp;lang=en"')
      // The low-stock figure is the size of the list its link opens.
      const list = await (await owner.get('/admin/books?stock=3&sort=stock&lang=en')).text()
      expect(list).toContain(book.isbn13)

      const korean = await (await owner.get('/admin')).text()
      expect(korean).toContain('<span class="label">입금 대기</span>')
      expect(korean).toContain('최근 가져오기')

      // Every role reads the orders and the catalog; each sees the actions and parts it may open.
      const packer = await (await (await staffShopper(app, store, 'orders')).get('/admin?lang=en')).text()
      expect(figure(packer, 'Awaiting deposit')).toBe('1')
      expect(packer).not.toContain('Add a new book')
      expect(packer).not.toContain('Last imports')
      const cataloguer = await (await (await staffShopper(app, store, 'catalog')).get('/admin?lang=en')).text()
      expect(cataloguer).toContain('Last imports')
      expect(cataloguer).toContain('Add a new book')
      const viewer = await (await (await staffShopper(app, store, 'viewer')).get('/admin?lang=en')).text()
      expect(viewer).not.toContain('Add a new book')
      expect(viewer).not.toContain('Last imports')
    })
  })
}

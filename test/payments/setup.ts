import { parseIsbn } from '../../src/catalog'
import { buildServices, type Services } from '../../src/cli/services'
import type { CheckoutInput, Order } from '../../src/commerce'
import { fillDemoCatalog } from '../../src/demo'
import { openStore } from '../../src/store'
import type { TestDialect } from '../dialects'
import { testShop } from '../helpers'
import { checkoutInput, SEED, stockSeed } from '../support/checkout'
import type { PortOneStandin } from '../support/portone-standin'

export const SEED_STOCK = 50

export interface PaymentsStore extends Services {
  /** What COLOPHON_DB would say, for another process. */
  url: string
  cleanup(): Promise<void>
}

/** A fresh store with the seed book in stock; with a stand-in, card payments go to it. */
export async function paymentsStore(dialect: TestDialect, standin?: PortOneStandin): Promise<PaymentsStore> {
  const database = await dialect.freshDatabase()
  const store = await openStore(database.url, { poolSize: 4 })
  const portone = standin && {
    storeId: standin.storeId, channelKey: 'channel-key-test', apiSecret: standin.secret, webhookSecret: standin.webhookSecret,
    baseUrl: standin.url, timeoutMs: 3_000, sdkUrl: `${standin.url}/v2/browser-sdk.js`,
  }
  const services = buildServices(store, undefined, testShop({ portone }))
  await fillDemoCatalog(services.catalog, { books: 2 })
  await stockSeed(services, SEED_STOCK)
  return {
    ...services,
    url: database.url,
    async cleanup() {
      await services.payments.stop()
      await store.close()
      await database.drop()
    },
  }
}

let shoppers = 0

/** An order of `copies` of the seed book, placed by a shopper of its own. */
export async function placeOrder(services: Services, copies: number, input: Partial<CheckoutInput> = {}): Promise<Order> {
  const owner = `shopper-${++shoppers}`
  await services.commerce.addItem(owner, parseIsbn(SEED), copies)
  return services.orders.place({ owner, customerId: null, input: { ...checkoutInput(), ...input } })
}

/** Moves an order's payment deadline into the past, as time passing would. */
export async function passDeadline(services: Services, number: string, hoursAgo = 1): Promise<void> {
  const payBy = new Date(Date.now() - hoursAgo * 3600_000).toISOString()
  await services.store.db.updateTable('orders').set({ pay_by: payBy }).where('number', '=', number).execute()
}

export const seedStock = async (services: Services) => (await services.catalog.getBook(parseIsbn(SEED))).stock

export const stepsTo = (order: Order, status: Order['status']) => order.events.filter((e) => e.to === status)

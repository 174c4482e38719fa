import { AccountsService, ApiKeyService, StaffService } from '../accounts'
import { AuditService } from '../audit'
import { CatalogService, defaultCoverDir } from '../catalog'
import { CommerceService, deliveryEstimate, loadHolidays, OrderService, pricingRules, type BankAccount, type DeliveryEstimate, type DeliveryRules, type OrderNotice, type Order, type OrderRules, type PricingRules, type Refunder } from '../commerce'
import { loadConfig, type Config } from '../core/config'
import { createLogger, type Logger } from '../core/logger'
import { Importer, type PriceRule } from '../ingest'
import { MailService, type MailTransportConfig } from '../mail'
import { PaymentsService, PortOne, type PortOneConfig } from '../payments'
import { SearchService } from '../search'
import { RecommendService } from '../recommend'
import { ReviewsService } from '../reviews'
import { WishlistService } from '../wishlist'
import { WebhookService } from '../webhooks'
import { transactor, type Store } from '../store'
import type { ServerServices } from '../web/server'
import { mailOrderSteps } from './order-mail'

export interface Services {
  store: Store
  catalog: CatalogService
  importer: Importer
  search: SearchService
  recommend: RecommendService
  commerce: CommerceService
  orders: OrderService
  accounts: AccountsService
  staff: StaffService
  mail: MailService
  payments: PaymentsService
  audit: AuditService
  reviews: ReviewsService
  wishlist: WishlistService
  /** Partners' API keys. */
  apiKeys: ApiKeyService
  /** Owners' webhook endpoints and the queue of signed deliveries. */
  webhooks: WebhookService
  /** PortOne, when the store takes cards. */
  portone?: PortOne
  shop: ShopSettings
  /** Resolves once the mail of every order step taken so far is queued (a command waits for it before it exits). */
  orderMailQueued(): Promise<void>
  /** When an order placed at a moment arrives, by the store's cut-off and holidays. */
  estimate: (placedAt: Date) => DeliveryEstimate
}

/** How the shop sells: prices, the order's clock, delivery, where mail goes and where bank transfers go. */
export interface ShopSettings {
  pricing: PricingRules
  orders: Omit<OrderRules, 'pricing' | 'arrivesOn'>
  delivery: DeliveryRules & { holidaysFile?: string }
  mail: MailTransportConfig
  bank: BankAccount
  /** Card payments, when the store id, channel key and API secret are all set. */
  portone?: PortOneConfig & { sdkUrl: string }
  /** Where uploaded covers are kept and the largest upload, in bytes. */
  covers: { dir: string; maxBytes: number }
  /** How long a staff session lasts idle, and at most. */
  staff: { idleMinutes: number; maxHours: number }
  /** The largest feed file the back office takes, in bytes. */
  importMaxBytes: number
  /** Open API requests allowed per client address a minute. */
  apiRatePerMinute: number
  /** The currencies an imported book may be priced in when its feed has no KRW price for Korea. */
  priceFallback?: PriceRule['fallback']
}

export function shopSettings(config: Config): ShopSettings {
  return {
    pricing: pricingRules(config),
    orders: { bankTransferDays: config.COLOPHON_BANK_DAYS, cardMinutes: config.COLOPHON_CARD_MINUTES, returnDays: config.COLOPHON_RETURN_DAYS },
    staff: { idleMinutes: config.COLOPHON_STAFF_IDLE_MINUTES, maxHours: config.COLOPHON_STAFF_MAX_HOURS },
    importMaxBytes: Math.round(config.COLOPHON_IMPORT_MAX_MB * 1024 * 1024),
    apiRatePerMinute: config.COLOPHON_API_RATE_PER_MINUTE,
    priceFallback: config.COLOPHON_PRICE_FALLBACK_CURRENCY,
    delivery: { cutoff: config.COLOPHON_SHIP_CUTOFF, transitDays: 1, holidaysFile: config.COLOPHON_HOLIDAYS_FILE },
    mail: { smtpUrl: config.COLOPHON_SMTP_URL, from: config.COLOPHON_MAIL_FROM, outboxDir: config.COLOPHON_MAIL_OUTBOX },
    bank: { bankName: config.COLOPHON_BANK_NAME, bankAccount: config.COLOPHON_BANK_ACCOUNT, accountHolder: config.COLOPHON_BANK_HOLDER },
    portone: portoneSettings(config),
    covers: { dir: config.COLOPHON_COVER_DIR ?? defaultCoverDir(config.COLOPHON_DB), maxBytes: Math.round(config.COLOPHON_COVER_MAX_MB * 1024 * 1024) },
  }
}

function portoneSettings(config: Config): ShopSettings['portone'] {
  const { COLOPHON_PORTONE_STORE_ID: storeId, COLOPHON_PORTONE_CHANNEL_KEY: channelKey, COLOPHON_PORTONE_API_SECRET: apiSecret } = config
  if (!storeId || !channelKey || !apiSecret) return undefined
  return { storeId, channelKey, apiSecret, webhookSecret: config.COLOPHON_PORTONE_WEBHOOK_SECRET, baseUrl: config.COLOPHON_PORTONE_API_URL, sdkUrl: config.COLOPHON_PORTONE_SDK_URL }
}

/** The composition root: builds every domain service over one store, wired together. */
export function buildServices(store: Store, logger?: Logger, shop: ShopSettings = shopSettings(loadConfig())): Services {
  // The search index is kept in step by the catalog's writes; the catalog and search refer to each other only here.
  const indexers: NonNullable<ConstructorParameters<typeof CatalogService>[1]> = []
  // Every book edit is audited in its own transaction; the catalog and the audit log meet only here.
  const audit = new AuditService(store.db)
  // Webhook deliveries are queued in the transaction of the change they tell of: book writes here, order steps below.
  const webhooks = new WebhookService(store.db, { logger, audit: (unit, entries) => audit.record(unit, entries) })
  const catalog = new CatalogService(store.db, indexers, {
    isPriceLawOn: shop.pricing.isPriceLawOn,
    covers: shop.covers,
    onBookChanges: async (unit, changes, context) => {
      await audit.recordBookWrites(unit, changes, context)
      await wishlist.bookChanges(unit, changes)
      await webhooks.bookWrites(unit, changes)
    },
    onRecordChanges: (unit, changes, { actor, actorName, via }) =>
      audit.record(unit, changes.map(({ recordType, recordId, action, fields }) => ({ actor, actorName, via, action, recordType, recordId, changes: fields }))),
  })
  // Staff's synonym edits are audited in their own transaction; shoppers' events, once written, feed search's popularity signal.
  const search = new SearchService(store.db, store.dialect.textIndex, catalog, { readDb: store.readDb, foreignCommits: store.foreignCommits, onSynonymChange: (unit, changes) => audit.record(unit, changes) })
  indexers.push(search.indexer)
  const recommend = new RecommendService(store.db, catalog, { onError: (err) => logger?.warn({ err }, 'shopper events not written'), onWritten: (events) => search.eventsRecorded(events) })
  const work = transactor(store.db)
  const commerce = new CommerceService(store.db, work, catalog, recommend.events, shop.pricing)
  const calendar = loadHolidays(shop.delivery.holidaysFile)
  const estimate = (placedAt: Date) => deliveryEstimate(placedAt, calendar, shop.delivery)
  // Orders refund through payments, and payments pay orders: the order service is built first and refunds through this.
  const refunder: Refunder = { refund: (order, amount, reason) => payments.refund(order, amount, reason) }
  const orders = new OrderService(store.db, work, catalog, commerce, { ...shop.orders, pricing: shop.pricing, arrivesOn: (at) => estimate(at).arrivesOn }, refunder)
  orders.witness((unit, notice) => webhooks.orderStep(unit, notice))
  const portone = shop.portone && new PortOne(shop.portone, logger)
  const payments = new PaymentsService(store.db, orders, { portone, logger })
  const mail = new MailService(store.db, shop.mail, logger ?? createLogger('silent'))
  // A wished book's news is queued in the catalog write that made it; staff hiding a review is audited in its own.
  const wishlist = new WishlistService(store.db, catalog, { queueMail: (unit, mails) => mail.queue(unit.db, mails) })
  const reviews = new ReviewsService(store.db, catalog, { onModeration: (unit, entries) => audit.record(unit, entries) })
  // Making or revoking a partner's API key is audited in its own transaction.
  const apiKeys = new ApiKeyService(store.db, { onChange: (unit, entries) => audit.record(unit, entries) })
  const orderMailQueued = trackOrderMail(orders, mailOrderSteps(mail, shop.bank, logger))
  return { store, catalog, search, importer: new Importer(store.db, catalog, { fallback: shop.priceFallback ?? 'any' }), recommend, commerce, orders, accounts: new AccountsService(store.db), staff: new StaffService(store.db, shop.staff), mail, payments, audit, reviews, wishlist, webhooks, apiKeys, portone, shop, estimate, orderMailQueued }
}

/** Sends each order step's mail and tells when all those begun are queued. */
function trackOrderMail(orders: OrderService, send: (notice: OrderNotice) => Promise<void>): () => Promise<void> {
  const sending = new Set<Promise<void>>()
  orders.listen((notice) => {
    const queued = send(notice).finally(() => sending.delete(queued))
    sending.add(queued)
    return queued
  })
  return async () => {
    // The order service tells its listeners a moment after a step returns: let that happen first.
    await new Promise((resolve) => setImmediate(resolve))
    while (sending.size > 0) await Promise.all(sending)
  }
}

/** What the HTTP server needs of the services. */
export function serverServices({ store, catalog, importer, search, recommend, commerce, orders, accounts, staff, mail, payments, audit, reviews, wishlist, webhooks, apiKeys, shop, estimate, portone }: Services, logger: Logger): ServerServices {
  // The browser's payment window gets the store id and channel key, never the secrets.
  const card = portone && shop.portone && {
    sdkUrl: shop.portone.sdkUrl,
    windowParams: (order: Order) =>
      portone.windowParams(order.paymentId ?? '', { name: orderName(order), amount: order.total, currency: 'KRW', buyer: order.buyer }),
  }
  return { catalog, search, recommend, commerce, orders, accounts, payments, storefront: { bank: shop.bank, estimate, card }, mailer: mail, audit, reviews, wishlist, webhooks, apiKeys, staff, imports: { importer, maxBytes: shop.importMaxBytes }, apiRatePerMinute: shop.apiRatePerMinute, logger, foreignCommits: store.foreignCommits, ping: store.ping }
}

/** What a card statement shows for the order: its first book, and how many more. */
const orderName = (order: Order) => {
  const [first, ...rest] = order.lines
  return `${first?.title ?? order.number}${rest.length ? ` 외 ${rest.length}권` : ''}`.slice(0, 100)
}

import type { Kysely } from 'kysely'

// Frozen in time: imports no application code.

/** What an order records beyond its lines: buyer, delivery, money, payment, shipping and its state. */
const ORDER_COLUMNS = [
  ['number', 'varchar(16)'],
  ['customer_id', 'varchar(36)'],
  ['status', 'varchar(24)'],
  ['lang', 'varchar(16)'],
  ['buyer_name', 'varchar(100)'],
  ['buyer_phone', 'varchar(16)'],
  ['buyer_email', 'varchar(254)'],
  ['recipient_name', 'varchar(100)'],
  ['recipient_phone', 'varchar(16)'],
  ['postal_code', 'varchar(16)'],
  ['address', 'text'],
  ['address_detail', 'text'],
  ['delivery_note', 'text'],
  ['books_total', 'bigint'],
  ['shipping_fee', 'bigint'],
  ['points_spent', 'bigint'],
  ['points_earned', 'bigint'],
  ['payment_method', 'varchar(16)'],
  ['payment_id', 'varchar(64)'],
  ['depositor_name', 'varchar(100)'],
  ['pay_by', 'varchar(32)'],
  ['paid_at', 'varchar(32)'],
  ['arrives_on', 'varchar(16)'],
  ['carrier', 'varchar(16)'],
  ['tracking_number', 'varchar(24)'],
  ['delivered_at', 'varchar(32)'],
  ['idempotency_key', 'varchar(64)'],
  ['updated_at', 'varchar(32)'],
] as const

const LINE_COLUMNS = ['list_price', 'discount', 'points'] as const

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, type] of ORDER_COLUMNS) await db.schema.alterTable('orders').addColumn(name, type).execute()
  for (const name of LINE_COLUMNS) await db.schema.alterTable('order_item').addColumn(name, 'bigint', (c) => c.notNull().defaultTo(0)).execute()

  // Orders placed before numbers existed get one per day of placing, in the order they were placed.
  const old = await db.selectFrom('orders').select(['id', 'placed_at', 'total']).orderBy('placed_at').orderBy('id').execute()
  const perDay = new Map<string, number>()
  for (const o of old) {
    const day = String(o.placed_at).slice(0, 10).replaceAll('-', '')
    const n = (perDay.get(day) ?? 0) + 1
    perDay.set(day, n)
    await db
      .updateTable('orders')
      .set({ number: `${day}-${String(n).padStart(6, '0')}`, status: 'awaiting_payment', lang: 'ko', books_total: o.total, shipping_fee: 0, points_spent: 0, points_earned: 0, updated_at: o.placed_at })
      .where('id', '=', o.id)
      .execute()
  }
  await db.schema.createIndex('orders_number').on('orders').column('number').unique().execute()
  await db.schema.createIndex('orders_idempotency').on('orders').column('idempotency_key').unique().execute()
  await db.schema.createIndex('orders_customer').on('orders').columns(['customer_id', 'placed_at']).execute()
  await db.schema.createIndex('orders_status').on('orders').columns(['status', 'pay_by']).execute()
  await db.schema.createIndex('orders_payment').on('orders').column('payment_id').execute()

  await db.schema
    .createTable('order_day')
    .addColumn('day', 'varchar(8)', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute()
  if (perDay.size) await db.insertInto('order_day').values([...perDay].map(([day, last]) => ({ day, last }))).execute()

  await db.schema
    .createTable('order_event')
    .addColumn('order_id', 'varchar(36)', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('from_status', 'varchar(24)')
    .addColumn('to_status', 'varchar(24)', (c) => c.notNull())
    .addColumn('actor', 'varchar(64)', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addPrimaryKeyConstraint('order_event_pk', ['order_id', 'seq'])
    .execute()

  await db.schema
    .createTable('point_account')
    .addColumn('customer_id', 'varchar(36)', (c) => c.primaryKey().references('customer.id').onDelete('cascade'))
    .addColumn('balance', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('point_entry')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('customer_id', 'varchar(36)', (c) => c.notNull().references('customer.id').onDelete('cascade'))
    .addColumn('order_id', 'varchar(36)')
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('delta', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'varchar(16)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('point_entry_customer').on('point_entry').columns(['customer_id', 'at']).execute()

  await db.schema
    .createTable('customer_address')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('customer_id', 'varchar(36)', (c) => c.notNull().references('customer.id').onDelete('cascade'))
    .addColumn('recipient_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('recipient_phone', 'varchar(16)', (c) => c.notNull())
    .addColumn('postal_code', 'varchar(16)', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('address_detail', 'text', (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('customer_address_customer').on('customer_address').column('customer_id').execute()

  await db.schema
    .createTable('bank_deposit')
    .addColumn('key', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('imported_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('deposited_on', 'varchar(16)', (c) => c.notNull())
    .addColumn('depositor', 'varchar(100)', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('order_id', 'varchar(36)')
    .addColumn('outcome', 'varchar(16)', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('bank_deposit').execute()
  await db.schema.dropTable('customer_address').execute()
  await db.schema.dropTable('point_entry').execute()
  await db.schema.dropTable('point_account').execute()
  await db.schema.dropTable('order_event').execute()
  await db.schema.dropTable('order_day').execute()
  for (const name of ['orders_number', 'orders_idempotency', 'orders_customer', 'orders_status', 'orders_payment']) await db.schema.dropIndex(name).execute()
  for (const name of LINE_COLUMNS) await db.schema.alterTable('order_item').dropColumn(name).execute()
  for (const [name] of [...ORDER_COLUMNS].reverse()) await db.schema.alterTable('orders').dropColumn(name).execute()
}

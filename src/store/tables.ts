import type { Database } from './database'

export interface TableSpec {
  /** The primary key: copies read in this order, a batch at a time. */
  key: readonly string[]
  /** A column referring to `key` in the same table: rows go parents first. */
  parent?: string
  /** A column the database numbers itself: its counter follows the copied values. */
  identity?: string
}

/**
 * Every table of Database, parents before children (foreign keys). The
 * compiler refuses this list when a table is added to Database and not here,
 * so `colophon copy` can't silently leave one behind.
 */
export const TABLES = {
  category: { key: ['id'], parent: 'parent_id' },
  book: { key: ['isbn13'] },
  contributor: { key: ['book_isbn13', 'seq'] },
  book_category: { key: ['book_isbn13', 'category_id'] },
  catalog_change: { key: ['seq'], identity: 'seq' },
  import_run: { key: ['id'], identity: 'id' },
  subject_category: { key: ['scheme', 'code'] },
  // The search tables are derived from the books; `colophon reindex` rebuilds them (with the full-text index) after a copy.
  search_book: { key: ['id'] },
  search_book_category: { key: ['id', 'category_id'] },
  search_facet_count: { key: ['category_id', 'dim', 'value'] },
  search_word: { key: ['word'] },
  // Kept by staff and by shoppers' events, not derived: copied as they are.
  search_synonym: { key: ['term'] },
  search_popularity: { key: ['id'] },
  reco_event: { key: ['id'] },
  recommendation: { key: ['isbn13', 'rank'] },
  cart_item: { key: ['session_id', 'isbn13'] },
  orders: { key: ['id'] },
  order_item: { key: ['order_id', 'isbn13'] },
  // The signing secret travels with the data, so shoppers' sessions survive a move.
  store_setting: { key: ['name'] },
  mail_outbox: { key: ['id'] },
  customer: { key: ['id'] },
  account_session: { key: ['id'] },
  account_token: { key: ['id'] },
  order_day: { key: ['day'] },
  order_event: { key: ['order_id', 'seq'] },
  point_account: { key: ['customer_id'] },
  point_entry: { key: ['id'] },
  customer_address: { key: ['id'] },
  bank_deposit: { key: ['key'] },
  audit_entry: { key: ['id'], identity: 'id' },
  book_cover: { key: ['isbn13'] },
  import_run_book: { key: ['run_id', 'isbn13'] },
  book_redirect: { key: ['from_isbn13'] },
  duplicate_dismissed: { key: ['isbn13_a', 'isbn13_b'] },
  bestseller: { key: ['period', 'category_id', 'rank'] },
  sales_index: { key: ['isbn13'] },
  collection: { key: ['id'] },
  collection_book: { key: ['collection_id', 'position'] },
  edition_link: { key: ['isbn13', 'link'] },
  webhook_endpoint: { key: ['id'] },
  webhook_delivery: { key: ['id'] },
  staff: { key: ['id'] },
  staff_recovery_code: { key: ['staff_id', 'code_hash'] },
  staff_session: { key: ['id'] },
  staff_token: { key: ['id'] },
  review: { key: ['id'] },
  review_vote: { key: ['review_id', 'customer_id', 'kind'] },
  wish: { key: ['customer_id', 'isbn13'] },
  api_key: { key: ['id'] },
} as const satisfies Record<keyof Database, TableSpec>

export type TableName = keyof typeof TABLES

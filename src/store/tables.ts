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
} as const satisfies Record<keyof Database, TableSpec>

export type TableName = keyof typeof TABLES

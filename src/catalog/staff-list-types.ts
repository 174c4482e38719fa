import type { FieldError } from './field-errors'
import type { Isbn13 } from './isbn'
import type { PriceLawError } from './price-law'

export const STAFF_SORTS = ['title', 'isbn', 'price', 'stock', 'issued', 'updated'] as const
/** What the back office's books list sorts by; price is what a shopper pays (the sale price, else the list price). */
export type StaffSort = (typeof STAFF_SORTS)[number]

export const STAFF_MISSING = ['cover', 'description', 'toc', 'category'] as const
export type StaffMissing = (typeof STAFF_MISSING)[number]

/** The back office's question: which books, in what order, from where. Every filter given must hold. */
export interface StaffListQuery {
  /** An ISBN (any form), the start of one, or the start of a title or contributor's name. */
  text?: string
  missing?: StaffMissing[]
  offSale?: boolean
  stockAtMost?: number
  /** KRW sale price below 90% of the list price. */
  priceLaw?: boolean
  /** Books an import run carried. */
  importRun?: number
  /** Books filed under this category or any below it. */
  category?: string
  sort?: StaffSort
  isDescending?: boolean
  /** The `next` of the page before; absent for the first page. */
  cursor?: string
  pageSize?: number
}

/** The query as the store answers it: the text read, the category widened to its subtree. */
export interface StaffListFilter {
  text?: { kind: 'isbn' | 'isbnPrefix' | 'prefix'; value: string }
  missing?: StaffMissing[]
  offSale?: boolean
  stockAtMost?: number
  priceLaw?: boolean
  importRun?: number
  categoryIds?: string[]
}

/** One book as the list shows it. */
export interface StaffBookRow {
  isbn13: string
  title: string
  contributors: string[]
  publisher: string | null
  issuedOn: string | null
  currency: string
  listPrice: number | null
  salePrice: number | null
  /** Null when the copies are not counted. */
  stock: number | null
  onSale: boolean
  updatedAt: string
  categoryIds: string[]
  missing: StaffMissing[]
}

export interface StaffListPage {
  rows: StaffBookRow[]
  /** Counting stops past 10,000: a million matches cost what ten thousand do. */
  total: number | '10000+'
  page: number
  pageSize: number
  /** The cursor of the next page, null on the last. */
  next: string | null
}

export type BulkAction =
  | { kind: 'onSale'; onSale: boolean }
  | { kind: 'category'; categoryId: string; mode: 'replace' | 'add' }
  | { kind: 'salePrice'; salePrice: number | null }

/** Chosen books by ISBN, or every book a filter matches (at most BULK_LIMIT). */
export type BulkSelection = { isbns: string[] } | { filter: StaffListQuery }

export interface BulkResult {
  /** Books the action now holds for (changed, or already so). */
  applied: Isbn13[]
  /** Books left as they were, each with the reason. */
  refused: Array<{ isbn13: string; field: string; error: FieldError | PriceLawError }>
}

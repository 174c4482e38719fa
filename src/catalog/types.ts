import type { CoverImage } from './covers'
import type { Isbn13 } from './isbn'

/** What a person did for a book; docs/ingest-mapping.md maps MARC relators, ONIX list 17 and role words to these. */
export const CONTRIBUTOR_ROLES = [
  'author', 'translator', 'editor', 'illustrator', 'photographer', 'foreword', 'introduction', 'afterword', 'commentator', 'compiler', 'adapter', 'narrator', 'supervisor', 'other',
] as const
export type ContributorRole = (typeof CONTRIBUTOR_ROLES)[number]

/** 'unknown': the source does not say (a library record without a carrier); the page then shows no format. */
export const BOOK_FORMATS = ['paperback', 'hardcover', 'ebook', 'audiobook', 'other', 'unknown'] as const
export type BookFormat = (typeof BOOK_FORMATS)[number]

export interface Contributor {
  name: string
  role: ContributorRole
}

/** One line of a table of contents; chapters keep their printed number. */
export interface TocEntry {
  kind: 'front' | 'part' | 'chapter' | 'back'
  number?: string
  title: string
  /** Where the entry happens, as staff set it (a name the gazetteer knows; "-" for none); unset, the title is read for one. */
  place?: string
  /** When it happens, as staff set it; unset, the title is read for one. */
  year?: number
  children?: TocEntry[]
}

export interface Dimensions {
  widthMm: number
  heightMm: number
  thicknessMm: number | null
}

/** Other written forms a book is searched by: the romanised title and names of a record in another script ("Hong lou meng" for 红楼梦). */
export interface AlternateForms {
  titles: string[]
  /** Contributors' and the publisher's names. */
  names: string[]
}

export interface TitleTranslation {
  title: string
  subtitle?: string
}

export interface Book {
  isbn13: Isbn13
  isbn10: string | null
  title: string
  subtitle: string | null
  originalTitle: string | null
  /** Titles in other languages, by ISO 639-1 code ("en"), for bilingual pages. */
  translations: Record<string, TitleTranslation>
  contributors: Contributor[]
  /** Absent or empty: the book has no other written forms. */
  alternateForms?: AlternateForms
  publisher: string | null
  imprint: string | null
  /** ISO date as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD (see issued.ts). */
  issuedOn: string | null
  /** ISO 639-2/B, as ONIX writes it ("kor", "eng"). */
  language: string | null
  format: BookFormat
  series: string | null
  seriesNumber: string | null
  pageCount: number | null
  weightG: number | null
  dimensions: Dimensions | null
  /** ISO 4217; prices are integers in the currency's minor unit (KRW has none). Null when the book has no price. */
  currency: string | null
  listPrice: number | null
  salePrice: number | null
  /** Copies on hand; null when nobody counts them (an e-book, a book the supplier sends to order). */
  stock: number | null
  /** Days from order to dispatch when the copies are not on hand (ONIX OrderTime); null when unknown. */
  leadDays: number | null
  /** False once a publisher withdraws the book: kept, but no longer sold. */
  onSale: boolean
  descriptionHeadline: string | null
  /** Sanitised HTML. */
  descriptionHtml: string | null
  toc: TocEntry[]
  reviewHtml: string | null
  authorBioHtml: string | null
  /** 책 속으로: passages from the book, sanitised HTML. */
  excerptsHtml: string | null
  coverUrl: string | null
  /** A cover uploaded by staff, served in several sizes and shown instead of coverUrl; null or absent, none. */
  cover?: CoverImage | null
  /** The work this edition belongs to (a feed's work identifier or a staff link), when read from the store; null when none is known. */
  workId?: string | null
  categoryIds: string[]
  updatedAt: string
}

/** What lists and shelves show of a book. */
export type BookSummary = Pick<
  Book,
  'isbn13' | 'title' | 'translations' | 'contributors' | 'publisher' | 'issuedOn' | 'format' | 'coverUrl' | 'cover' | 'currency' | 'listPrice' | 'salePrice' | 'stock' | 'leadDays' | 'onSale'
>

export interface Category {
  id: string
  parentId: string | null
  name: { ko: string; en: string }
  sortOrder: number
}

export interface CategoryNode extends Category {
  children: CategoryNode[]
}

export interface Page<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

/** What recommendations learn from a book's record. `text` is its description, as stored (HTML). */
export interface BookFacts {
  isbn13: Isbn13
  title: string
  titleEn: string | null
  text: string
  series: string | null
  seriesNumber: string | null
  onSale: boolean
  issuedOn: string | null
  contributors: Contributor[]
  categoryIds: string[]
}

/** Copies of one book leaving stock. */
export interface StockLine {
  isbn13: string
  quantity: number
}

/** One row of the table that files imported books under categories: a subject code prefix of a scheme. */
export interface SubjectMapping {
  /** As importers name it: 'bisac', 'bic', 'thema', 'kdc' (older rows may hold 'keyword'). */
  scheme: string
  /** Upper case, no spaces; the longest matching prefix wins. */
  code: string
  categoryId: string
}

/** What staff write of a collection: a title and blurb in both languages, and its books in order. */
export interface CollectionDraft {
  title: { ko: string; en: string }
  blurb: { ko: string; en: string }
  isbns: string[]
}

/** A collection staff curate for the home page (staff picks), in the order they were made. */
export interface Collection extends CollectionDraft {
  id: string
  position: number
  updatedAt: string
}

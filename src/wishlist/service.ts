import { NotFoundError } from '../core/errors'
import { isOrderable, type BookSummary, type CatalogService, type Isbn13 } from '../catalog'
import type { Database, Kysely, UnitOfWork } from '../store'
import * as repo from './repo'
import type { BookWrite, WishMail, WishNews, WishedBookState } from './types'

/** The most books a wishlist page shows. */
const WISHLIST_MAX = 500

/** The fields whose change may be news to a reader who wishes for the book. */
const WATCHED: Record<string, keyof WishedBookState> = { stock: 'stock', onSale: 'onSale', salePrice: 'salePrice', listPrice: 'listPrice', format: 'format', leadDays: 'leadDays' }

export interface WishlistOptions {
  /** Queues mails in the unit of work of the catalog write that caused them (the mail outbox). */
  queueMail?: (unit: UnitOfWork, mails: WishMail[]) => Promise<void>
  now?: () => Date
}

const priceOf = (s: WishedBookState) => s.salePrice ?? s.listPrice

/** What a write means to someone wishing for the book: it can be ordered again, its price went down, or nothing. */
export function wishNews(before: WishedBookState, after: WishedBookState): WishNews | undefined {
  if (!isOrderable(before) && isOrderable(after)) return { kind: 'back-in-stock' }
  const [was, is] = [priceOf(before), priceOf(after)]
  if (was != null && is != null && is < was && isOrderable(after)) return { kind: 'price-drop', before: was, after: is }
  return undefined
}

/**
 * Readers' wishlists (찜): books kept for later, and a mail to each reader
 * when a wished book can be ordered again or its price drops. The mail is
 * queued inside the catalog write that caused it, so it goes out exactly
 * when the change commits.
 */
export class WishlistService {
  private readonly now: () => Date

  constructor(
    private readonly db: Kysely<Database>,
    private readonly catalog: CatalogService,
    private readonly options: WishlistOptions = {},
  ) {
    this.now = options.now ?? (() => new Date())
  }

  async add(customerId: string, isbn13: Isbn13): Promise<void> {
    await this.catalog.getBook(isbn13)
    await repo.addWish(this.db, customerId, isbn13, this.now().toISOString())
  }

  /** The book a reader is about to wish for, as lists show it; a book not in the catalog is not found. */
  async book(isbn13: Isbn13): Promise<BookSummary> {
    const [book] = await this.catalog.summaries([isbn13])
    if (!book) throw new NotFoundError('book', isbn13)
    return book
  }

  async remove(customerId: string, isbn13: Isbn13): Promise<void> {
    await repo.removeWish(this.db, customerId, isbn13)
  }

  /** The reader's wished books, newest first (books since removed from the catalog drop out). */
  async books(customerId: string): Promise<BookSummary[]> {
    const isbns = await repo.wishesOf(this.db, customerId, WISHLIST_MAX)
    const byIsbn = new Map<string, BookSummary>((await this.catalog.summaries(isbns)).map((b) => [b.isbn13, b]))
    return isbns.flatMap((isbn) => byIsbn.get(isbn) ?? [])
  }

  /** Hears a catalog write inside its transaction and queues the mails it means for those who wish for its books. */
  async bookChanges(unit: UnitOfWork, changes: BookWrite[]): Promise<void> {
    const watched = changes.filter((c) => c.change === 'updated' && c.fields.some((f) => f.field in WATCHED))
    if (!watched.length || !this.options.queueMail) return
    const wished = await repo.wishedAmong(unit.db, watched.map((c) => c.isbn13))
    if (!wished.size) return
    const states = await repo.bookStates(unit.db, [...wished])
    const mails: WishMail[] = []
    for (const change of watched) {
      const after = states.get(change.isbn13)
      if (!wished.has(change.isbn13) || !after) continue
      const before = { ...after }
      for (const f of change.fields) if (f.field in WATCHED) Object.assign(before, { [WATCHED[f.field]!]: f.before })
      const news = wishNews(before, after)
      if (!news) continue
      for (const reader of await repo.wishers(unit.db, change.isbn13)) mails.push(wishMail(reader, { isbn13: change.isbn13, title: after.title, currency: after.currency }, news))
    }
    if (mails.length) await this.options.queueMail(unit, mails)
  }
}

function wishMail(reader: { email: string; name: string; lang: string }, book: { isbn13: string; title: string; currency: string }, news: WishNews): WishMail {
  const base = { to: reader.email, lang: reader.lang === 'en' ? ('en' as const) : ('ko' as const) }
  const params = { name: reader.name, title: book.title, isbn13: book.isbn13 }
  if (news.kind === 'back-in-stock') return { ...base, template: 'wish-back-in-stock', params }
  return { ...base, template: 'wish-price-drop', params: { ...params, before: news.before, after: news.after, currency: book.currency } }
}

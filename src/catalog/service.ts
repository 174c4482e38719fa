import type { Kysely, Transaction } from 'kysely'
import { InputError, NotFoundError } from '../core/errors'
import type { Database } from '../store'
import { CategoryTree } from './categories'
import type { Isbn13 } from './isbn'
import * as repo from './repo'
import type { BookInput } from './schema'
import type { Book, BookFacts, BookSummary, Category, CategoryNode, Page, StockLine } from './types'

export interface CategoryListing {
  category: CategoryNode
  path: CategoryNode[]
  books: Page<BookSummary>
}

/**
 * Something kept in step with the catalog (the search index, for one). It is
 * called inside the write transaction, so it can never disagree with the books.
 */
export interface CatalogIndexer {
  booksWritten(trx: Transaction<Database>, books: BookInput[]): Promise<void>
}

/** What changed in one committed write: some books, or (bulk loads, the category tree) anything. */
export type CatalogChange = { isbns: string[] } | { isbns: 'all' }

/** The catalog's rules, shared by pages, the JSON API, importers and the CLI. */
export class CatalogService {
  private tree: CategoryTree | undefined
  private readonly listeners: Array<(change: CatalogChange) => void> = []

  constructor(
    private readonly db: Kysely<Database>,
    private readonly indexers: CatalogIndexer[] = [],
  ) {}

  async getBook(isbn13: Isbn13): Promise<Book> {
    const book = await repo.findBook(this.db, isbn13)
    if (!book) throw new NotFoundError('book', isbn13)
    return book
  }

  /** Writes validated books in one transaction: all of them or none. */
  async saveBooks(books: BookInput[]): Promise<void> {
    const isbns = books.map((b) => b.isbn13)
    await this.db.transaction().execute(async (trx) => {
      await repo.upsertBooks(trx, books)
      for (const indexer of this.indexers) await indexer.booksWritten(trx, books)
      await repo.recordChanges(trx, isbns)
    })
    this.emit({ isbns })
  }

  async saveCategories(categories: Category[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await repo.upsertCategories(trx, categories)
      await repo.recordChanges(trx, 'all')
    })
    this.tree = undefined
    this.emit({ isbns: 'all' })
  }

  /**
   * Takes the lines out of stock and runs `alsoWrite` (the order, say) in the
   * same transaction: all of it or none. Fails with an InputError naming the
   * books that are short or no longer sold. Pages showing the books are
   * invalidated like after any catalog write.
   */
  async takeStock<T>(lines: StockLine[], alsoWrite: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    const isbns = lines.map((l) => l.isbn13)
    const result = await this.db.transaction().execute(async (trx) => {
      const short = await repo.takeStock(trx, lines)
      if (short.length) throw new InputError('quantity', `not enough stock for ${short.join(', ')}`)
      const written = await alsoWrite(trx)
      await repo.recordChanges(trx, isbns)
      return written
    })
    this.emit({ isbns })
    return result
  }

  /**
   * Something shown beside these books but kept outside the catalog (their
   * recommendations) changed: cached pages showing them must go.
   */
  async markStale(isbns: string[] | 'all'): Promise<void> {
    await repo.recordChanges(this.db, isbns)
    this.emit({ isbns } as CatalogChange)
  }

  /** Every book's facts, a batch at a time in ISBN order, in bounded memory. */
  async *bookFacts(batchSize = 5000): AsyncGenerator<BookFacts[]> {
    let after = ''
    for (;;) {
      const batch = await repo.bookFactsAfter(this.db, after, batchSize)
      if (batch.length === 0) return
      yield batch
      after = batch.at(-1)!.isbn13
    }
  }

  /** Called after every committed write made through this service, in this process. */
  onChange(listener: (change: CatalogChange) => void): void {
    this.listeners.push(listener)
  }

  private emit(change: CatalogChange): void {
    for (const listener of this.listeners) listener(change)
  }

  /**
   * Writes committed since `seq` by any process (the change log), for caches
   * that must never serve a stale page. A category change also drops the
   * cached category tree.
   */
  async changesSince(seq: number): Promise<{ seq: number; change: CatalogChange }> {
    const { seq: next, isbns } = await repo.changesSince(this.db, seq)
    if (isbns === 'all') this.tree = undefined
    return { seq: next, change: { isbns } as CatalogChange }
  }

  async latestChangeSeq(): Promise<number> {
    return repo.latestChangeSeq(this.db)
  }

  async categories(): Promise<CategoryTree> {
    this.tree ??= new CategoryTree(await repo.allCategories(this.db))
    return this.tree
  }

  /** Cheap at any size, unlike counting. */
  async hasBooks(): Promise<boolean> {
    return repo.hasBooks(this.db)
  }

  async countBooks(): Promise<number> {
    return repo.countBooks(this.db)
  }

  async newArrivals(limit: number, today = new Date().toISOString().slice(0, 10)): Promise<BookSummary[]> {
    return repo.findSummaries(this.db, await repo.newestIsbns(this.db, limit, today))
  }

  /** Books that share the most contributors and categories with this one. */
  async related(book: Book, limit: number): Promise<BookSummary[]> {
    return repo.findSummaries(this.db, await repo.relatedIsbns(this.db, book, limit))
  }

  async summaries(isbns: string[]): Promise<BookSummary[]> {
    return repo.findSummaries(this.db, isbns)
  }

  /** A page of a category's books, including those filed under its subcategories. */
  async booksInCategory(categoryId: string, page: number, pageSize: number): Promise<CategoryListing> {
    const tree = await this.categories()
    const category = tree.get(categoryId)
    if (!category) throw new NotFoundError('category', categoryId)
    const { isbns, total } = await repo.isbnsInCategories(this.db, tree.subtreeIds(categoryId), pageSize, (page - 1) * pageSize)
    return { category, path: tree.pathTo(categoryId), books: { items: await this.summaries(isbns), total, page, pageSize } }
  }
}

import type { Kysely, Transaction } from 'kysely'
import { NotFoundError } from '../core/errors'
import type { Database } from '../store'
import { CategoryTree } from './categories'
import type { Isbn13 } from './isbn'
import * as repo from './repo'
import type { BookInput } from './schema'
import type { Book, BookSummary, Category, CategoryNode, Page } from './types'

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
  booksRemoved(trx: Transaction<Database>, isbns: Isbn13[]): Promise<void>
}

/** The catalog's rules, shared by pages, the JSON API, importers and the CLI. */
export class CatalogService {
  private tree: CategoryTree | undefined

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
    await this.db.transaction().execute(async (trx) => {
      await repo.upsertBooks(trx, books)
      for (const indexer of this.indexers) await indexer.booksWritten(trx, books)
    })
  }

  /** Deletes books (with their contributors and category links) in one transaction; unknown ISBNs are ignored. */
  async removeBooks(isbns: Isbn13[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await repo.deleteBooks(trx, isbns)
      for (const indexer of this.indexers) await indexer.booksRemoved(trx, isbns)
    })
  }

  async saveCategories(categories: Category[]): Promise<void> {
    await this.db.transaction().execute((trx) => repo.upsertCategories(trx, categories))
    this.tree = undefined
  }

  async categories(): Promise<CategoryTree> {
    this.tree ??= new CategoryTree(await repo.allCategories(this.db))
    return this.tree
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

  /** Up to `limit` whole books with ISBNs after `after`, in ISBN order; an empty list at the end. */
  async booksAfter(after: string, limit: number): Promise<Book[]> {
    return repo.booksAfter(this.db, after, limit)
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

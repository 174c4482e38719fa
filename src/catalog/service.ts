import { InputError, NotFoundError } from '../core/errors'
import { transactor, type Database, type Kysely, type Transaction, type UnitOfWork } from '../store'
import { bookChanges, UNKNOWN_EDITOR, type BookChangeListener, type EditContext } from './book-changes'
import { CategoryTree } from './categories'
import { CategoryAdmin, type RecordChangeListener } from './category-admin'
import { Collections } from './collections'
import { Editions } from './editions'
import { planEdits, type AppliedEdit, type BookEdit, type EditRules, type RejectedEdit } from './edit'
import { COVER_DEFAULTS, CoverFiles, defaultCoverDir, deleteCover, processCover, saveCover, type CoverFile, type CoverImage, type CoverRules } from './covers'
import { Duplicates } from './duplicates'
import { Shelves } from './shelves'
import { redirectsFrom } from './repo/duplicates'
import { categoryError, type FieldError } from './field-errors'
import type { Isbn13 } from './isbn'
import * as changeLog from './repo/change-log'
import { bookToInput } from './merge'
import * as repo from './repo'
import { bulkEdit, staffList, staffListBooks } from './staff-list'
import type { BulkAction, BulkResult, BulkSelection, StaffListPage, StaffListQuery } from './staff-list-types'
import type { QualitySummary } from './quality'
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
  booksRemoved(trx: Transaction<Database>, isbns: Isbn13[]): Promise<void>
}

/** What changed in one committed write: some books, or (bulk loads, the category tree) anything. */
export type CatalogChange = { isbns: string[] } | { isbns: 'all' }

/** What became of a list of book edits. */
export interface EditResult {
  /** The books written: new or changed ones, as stored. */
  saved: BookInput[]
  applied: AppliedEdit[]
  rejected: RejectedEdit[]
}

/** How the catalog is run where it sells. */
export interface CatalogOptions {
  /** Refuse KRW sale prices below 90% of the list price (도서정가제); default on. */
  isPriceLawOn?: boolean
  /** Where uploaded covers' files are kept (default: a folder in the OS temp folder) and how uploads are checked. */
  covers?: CoverRules & { dir?: string }
  /** Hears every book edit's changes inside its write transaction (the audit log, wired where services are built). */
  onBookChanges?: BookChangeListener
  /** Hears every category and subject-table write inside its transaction (the audit log, wired likewise). */
  onRecordChanges?: RecordChangeListener
}

/** The catalog's rules, shared by pages, the JSON API, importers and the CLI. */
export class CatalogService {
  private tree: CategoryTree | undefined
  private readonly listeners: Array<(change: CatalogChange) => void> = []
  private readonly rules: EditRules
  private readonly coverFiles: CoverFiles
  private readonly coverRules: CoverRules
  private readonly onBookChanges: BookChangeListener | undefined
  /** Likely duplicates, and merging, linking or dismissing them (duplicates.ts). */
  readonly duplicates: Duplicates
  /** Staff edits of the category tree and the subject-code table, each one audited transaction. */
  readonly categoryAdmin: CategoryAdmin
  /** A person's books and a series' volumes (shelves.ts). */
  readonly shelves: Shelves
  /** Staff picks for the home page (collections.ts). */
  readonly collections: Collections
  /** Editions of one work as feeds declare them (editions.ts). */
  readonly editions: Editions

  constructor(
    private readonly db: Kysely<Database>,
    private readonly indexers: CatalogIndexer[] = [],
    { covers: { dir: coverDir = defaultCoverDir(':memory:'), ...coverRules } = {}, isPriceLawOn = true, onBookChanges, onRecordChanges }: CatalogOptions = {},
  ) {
    this.rules = { isPriceLawOn }
    this.coverFiles = new CoverFiles(coverDir)
    this.coverRules = coverRules
    this.onBookChanges = onBookChanges
    this.shelves = new Shelves(db)
    this.duplicates = new Duplicates({
      db,
      planEdits: (edits) => this.planEdits(edits),
      write: (books, alongside) => this.write(books, alongside),
      changed: async (unit, isbns) => {
        await changeLog.recordChanges(unit.db, isbns)
        unit.afterCommit(() => this.emit({ isbns }))
      },
      unlist: async (unit, isbns) => {
        for (const indexer of indexers) await indexer.booksRemoved(unit.db, isbns)
      },
      record: onBookChanges,
    })
    const treeChanged = () => {
      this.tree = undefined
      this.emit({ isbns: 'all' })
    }
    this.categoryAdmin = new CategoryAdmin({ db, reindex: (trx, books) => this.index(trx, books), onBookChanges, onRecordChanges, treeChanged })
    this.editions = new Editions(db, this.duplicates)
    this.collections = new Collections({ db, onRecordChanges, changed: (isbns) => this.emit({ isbns: isbns.length ? isbns : 'all' }) })
  }

  async getBook(isbn13: Isbn13): Promise<Book> {
    const book = await repo.findBook(this.db, isbn13)
    if (!book) throw new NotFoundError('book', isbn13)
    return book
  }

  /** Writes validated books in one transaction: all of them or none. */
  async saveBooks(given: BookInput[]): Promise<void> {
    // A feed may carry one ISBN twice in a batch; the later record wins, as it would in two batches.
    const books = [...new Map(given.map((b) => [b.isbn13, b])).values()]
    const tree = await this.categories()
    for (const book of books) {
      const error = categoryError(tree, book.categoryIds)
      if (error) throw new InputError('categoryIds', `${book.isbn13}: no category ${error.params.ids}`)
    }
    await this.write(books)
  }

  /**
   * Applies edits from any source (the back office, CSV or ONIX): each is
   * laid over the stored book and validated whole, and those that pass are
   * written in one transaction. A rejected edit names every bad field with a
   * code; it does not stop the others. Whoever hears the catalog's changes
   * (the audit log) records them with `context` in the same transaction.
   */
  async editBooks(edits: BookEdit[], context: EditContext = UNKNOWN_EDITOR): Promise<EditResult> {
    const { books, applied, rejected, stored } = await this.planEdits(edits)
    const listener = this.onBookChanges
    if (books.length) await this.write(books, listener && ((unit) => listener(unit, bookChanges(stored, books), context)))
    return { saved: books, applied, rejected }
  }

  /** What editBooks would say of these edits, writing nothing. */
  async checkEdits(edits: BookEdit[]): Promise<Omit<EditResult, 'saved'>> {
    const { applied, rejected } = await this.planEdits(edits)
    return { applied, rejected }
  }

  /** Undefined when every id names a category, else the error an edit would get. */
  async checkCategories(ids: string[]): Promise<FieldError | undefined> {
    return categoryError(await this.categories(), ids)
  }

  private async planEdits(edits: BookEdit[]) {
    const found = await repo.findBooks(this.db, [...new Set(edits.map((e) => e.isbn13))])
    const stored = new Map(found.map((b) => [b.isbn13 as string, bookToInput(b)]))
    return { ...planEdits(edits, stored, await this.categories(), this.rules), stored }
  }

  /** `alongside` joins the write's transaction: when it throws, nothing is written. */
  private async write(books: BookInput[], alongside?: (unit: UnitOfWork) => Promise<void>): Promise<void> {
    const isbns = books.map((b) => b.isbn13)
    await transactor(this.db)(async (unit) => {
      await repo.upsertBooks(unit.db, books)
      await this.index(unit.db, books)
      await changeLog.recordChanges(unit.db, isbns)
      await alongside?.(unit)
    })
    this.emit({ isbns })
  }

  /** Writes the books' search rows; a book merged into another stays out of the index (when a feed sends it again, say). */
  private async index(trx: Transaction<Database>, books: BookInput[]): Promise<void> {
    const gone = await repo.mergedAway(trx, books.map((b) => b.isbn13))
    const listed = gone.size ? books.filter((b) => !gone.has(b.isbn13)) : books
    for (const indexer of this.indexers) await indexer.booksWritten(trx, listed)
  }

  /** The stored books among these ISBNs, in no particular order. */
  async findBooks(isbns: string[]): Promise<Book[]> {
    return repo.findBooks(this.db, isbns)
  }

  /** Every book, in ISBN order, a page at a time (exports). */
  async *allBooks(pageSize = 500): AsyncGenerator<Book> {
    for (let after = ''; ; ) {
      const isbns = await repo.isbnsAfter(this.db, after, pageSize)
      if (isbns.length === 0) return
      const byIsbn = new Map((await repo.findBooks(this.db, isbns)).map((b) => [b.isbn13 as string, b]))
      for (const isbn of isbns) {
        const book = byIsbn.get(isbn)
        if (book) yield book
      }
      after = isbns.at(-1)!
    }
  }

  /** How many books lack each field a complete product page needs. */
  async qualitySummary(): Promise<QualitySummary> {
    const { books, ...missing } = await repo.qualityCounts(this.db)
    return { books, missing }
  }

  /** Deletes books (with their contributors and category links) in one transaction; unknown ISBNs are ignored. */
  async removeBooks(isbns: Isbn13[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await repo.deleteBooks(trx, isbns)
      for (const indexer of this.indexers) await indexer.booksRemoved(trx, isbns)
    })
  }

  async saveCategories(categories: Category[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await repo.upsertCategories(trx, categories)
      await changeLog.recordChanges(trx, 'all')
    })
    this.tree = undefined
    this.emit({ isbns: 'all' })
  }

  /**
   * Takes the lines out of stock within the caller's unit of work (an order,
   * say, is written in the same one): all of it or none. Fails with an
   * InputError naming the books that are short or no longer sold. Pages
   * showing the books are invalidated once the unit commits.
   */
  async takeStock(unit: UnitOfWork, lines: StockLine[]): Promise<void> {
    const isbns = lines.map((l) => l.isbn13)
    const short = await repo.takeStock(unit.db, lines)
    if (short.length) throw new InputError('quantity', `not enough stock for ${short.join(', ')}`, { code: 'out_of_stock', params: { isbns: short.join(', ') } })
    await changeLog.recordChanges(unit.db, isbns)
    unit.afterCommit(() => this.emit({ isbns }))
  }

  /**
   * Puts copies back (an order cancelled before it shipped, a return received), in the caller's unit of work.
   * Copies of a book merged into another go onto the kept book's shelf: it is the one on sale.
   */
  async returnStock(unit: UnitOfWork, lines: StockLine[]): Promise<void> {
    const kept = await redirectsFrom(unit.db, lines.map((l) => l.isbn13))
    const shelved = lines.map((l) => ({ ...l, isbn13: kept.get(l.isbn13) ?? l.isbn13 }))
    const isbns = [...new Set([...lines, ...shelved].map((l) => l.isbn13))]
    await repo.returnStock(unit.db, shelved)
    await changeLog.recordChanges(unit.db, isbns)
    unit.afterCommit(() => this.emit({ isbns }))
  }

  /**
   * Something shown beside these books but kept outside the catalog (their
   * recommendations) changed: cached pages showing them must go.
   */
  async markStale(isbns: string[] | 'all'): Promise<void> {
    await changeLog.recordChanges(this.db, isbns)
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
    const { seq: next, isbns } = await changeLog.changesSince(this.db, seq)
    if (isbns === 'all') this.tree = undefined
    return { seq: next, change: { isbns } as CatalogChange }
  }

  async latestChangeSeq(): Promise<number> {
    return changeLog.latestChangeSeq(this.db)
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
    const found = await repo.relatedSummaries(this.db, book, limit)
    if (found.length >= limit) return found
    // A small shelf doesn't fill the list: the shelves beside it come next.
    const seen = new Set([book.isbn13 as string, ...found.map((b) => b.isbn13 as string)])
    const beside = (await repo.neighbourShelfIsbns(this.db, book, limit * 4)).filter((isbn) => !seen.has(isbn))
    return [...found, ...(await repo.findSummaries(this.db, beside))].slice(0, limit)
  }

  /** ISBNs on sale with their last change, a slice at a time, in key order. */
  async isbnSlice(offset: number, limit: number): Promise<repo.SitemapRow[]> {
    return repo.isbnSlice(this.db, offset, limit)
  }

  /** Up to `limit` whole books with ISBNs after `after`, in ISBN order, merged-away ones left out; an empty list at the end. */
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

  /**
   * Makes an upload the book's cover (see processCover for what is refused):
   * the files are written before the row that names them, and every page
   * showing the book is dropped from the page caches. `by` says who ('staff:<id>');
   * `editor`, with their name, is what the change's listener records.
   */
  async setCover(isbn13: Isbn13, upload: { bytes: Buffer; fileName: string }, by: string, editor: EditContext = { actor: by, actorName: by, via: 'form' }): Promise<CoverImage> {
    const before = (await this.getBook(isbn13)).cover
    const { derivatives, ...cover } = await processCover(upload.bytes, upload.fileName, this.coverRules)
    await this.coverFiles.write(isbn13, { ...cover, derivatives })
    await transactor(this.db)(async (unit) => {
      await saveCover(unit.db, isbn13, cover, by)
      await changeLog.recordChanges(unit.db, [isbn13])
      await this.onBookChanges?.(unit, [{ isbn13, change: 'updated', fields: [{ field: 'cover', before, after: cover }] }], editor)
    })
    this.emit({ isbns: [isbn13] })
    // The old files go once no fresh page names them; a page a browser kept from before loses its image, which a reload brings back.
    if (before && before.hash !== cover.hash) await this.coverFiles.remove(isbn13, before)
    return cover
  }

  /** The book shows its publisher's cover (or a generated one) again. */
  async removeCover(isbn13: Isbn13, editor: EditContext = UNKNOWN_EDITOR): Promise<void> {
    const { cover } = await this.getBook(isbn13)
    if (!cover) return
    await transactor(this.db)(async (unit) => {
      await deleteCover(unit.db, isbn13)
      await changeLog.recordChanges(unit.db, [isbn13])
      await this.onBookChanges?.(unit, [{ isbn13, change: 'updated', fields: [{ field: 'cover', before: cover, after: null }] }], editor)
    })
    this.emit({ isbns: [isbn13] })
    await this.coverFiles.remove(isbn13, cover)
  }

  /** An uploaded cover's file by its name (as pages link it); undefined for anything else. */
  async coverFile(name: string): Promise<CoverFile | undefined> {
    return this.coverFiles.read(name)
  }

  /** The largest cover upload accepted, in bytes: the web layer lets a cover form's body be this large. */
  get coverMaxBytes(): number {
    return this.coverRules.maxBytes ?? COVER_DEFAULTS.maxBytes
  }

  /** One page of the back office's books list: filtered, sorted, paged by cursor, its count capped at 10,000. */
  async staffList(query: StaffListQuery): Promise<StaffListPage> {
    return staffList({ db: this.db, categories: () => this.categories() }, query)
  }

  /** Every book the back office's filter matches, in ISBN order, in bounded memory. */
  staffListBooks(query: StaffListQuery): AsyncGenerator<Book> {
    return staffListBooks({ db: this.db, categories: () => this.categories() }, query)
  }

  /**
   * One back-office action over chosen books or a filter's (at most 10,000),
   * through editBooks a batch per transaction; books it may not change (the
   * price law, a failed check) are listed with the reason, the rest changed.
   */
  async bulkEdit(action: BulkAction, selection: BulkSelection, context: EditContext): Promise<BulkResult> {
    const deps = { db: this.db, categories: () => this.categories(), editBooks: (e: BookEdit[], c: EditContext) => this.editBooks(e, c), isPriceLawOn: this.rules.isPriceLawOn }
    return bulkEdit(deps, action, selection, context)
  }
}

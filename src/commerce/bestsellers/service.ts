import type { CatalogService, CategoryTree } from '../../catalog'
import type { Database, Kysely } from '../../store'
import { bestsellerRows, SalesTally } from './compute'
import * as repo from './repo'
import { OVERALL, type BestsellerPlace, type BestsellerRebuild, type BookRanks, type ListRow, type Period } from './types'

/** The period the product page's ranks are from. */
const PAGE_PERIOD: Period = 'weekly'
const HOUR = 3_600_000

/**
 * Bestseller lists and the sales index (판매지수), counted from paid orders.
 * A rebuild reads the orders paid in the last year, computes every list and
 * index, and swaps them in one transaction; pages only read the result. A
 * book sold under a category counts on its shelf and every ancestor's.
 */
export class Bestsellers {
  private timer: NodeJS.Timeout | undefined
  private running: Promise<unknown> | undefined

  constructor(
    private readonly db: Kysely<Database>,
    private readonly catalog: CatalogService,
  ) {}

  async rebuild(now = Date.now()): Promise<BestsellerRebuild> {
    const tally = new SalesTally(now)
    let sales = 0
    for await (const page of repo.salesSince(this.db, new Date(SalesTally.since(now)).toISOString())) {
      sales += page.length
      for (const sale of page) tally.add(sale)
    }
    const shelves = await this.shelvesOf([...tally.copies('monthly', 'current').keys(), ...tally.copies('monthly', 'previous').keys()])
    const rows = bestsellerRows(tally, (isbn) => shelves.get(isbn) ?? [OVERALL])
    const index = tally.indexPoints()
    const changed = changedBooks(await repo.allRows(this.db), rows, index)
    if (changed.length) {
      await repo.replaceAll(this.db, rows, index)
      // Past a thousand books, dropping every cached page costs less than naming each.
      await this.catalog.markStale(changed.length > 1000 ? 'all' : changed)
    }
    return { sales, rows: rows.length, changed: changed.length }
  }

  /** The first `limit` places of a period's list, store-wide or on a category's shelf. */
  async list(period: Period, categoryId = OVERALL, limit = 100): Promise<BestsellerPlace[]> {
    return repo.listPlaces(this.db, period, categoryId, limit)
  }

  /** This week's places of a book, store-wide first, and its sales index. */
  async ranksOf(isbn13: string): Promise<BookRanks> {
    const { places, points } = await repo.placesOf(this.db, isbn13, PAGE_PERIOD)
    return {
      overall: places.find((p) => p.categoryId === OVERALL)?.rank ?? null,
      categories: places.filter((p) => p.categoryId !== OVERALL).sort((a, b) => a.rank - b.rank),
      salesIndex: points,
    }
  }

  /** Rebuilds every `intervalMs` (and once soon after starting); the timer does not keep the process alive. */
  start(intervalMs = HOUR, onError: (err: unknown) => void = () => {}): void {
    if (this.timer) return
    const round = () => {
      this.running ??= this.rebuild()
        .catch(onError)
        .finally(() => (this.running = undefined))
    }
    this.timer = setInterval(round, intervalMs)
    this.timer.unref()
    setTimeout(round, 5_000).unref()
  }

  async stop(): Promise<void> {
    clearInterval(this.timer)
    this.timer = undefined
    await this.running
  }

  /** Each book's shelves: the whole store, its categories and their ancestors. */
  private async shelvesOf(isbns: string[]): Promise<Map<string, string[]>> {
    const tree = await this.catalog.categories()
    const shelves = new Map<string, string[]>()
    const unique = [...new Set(isbns)]
    for (let i = 0; i < unique.length; i += 500) {
      for (const book of await this.catalog.findBooks(unique.slice(i, i + 500))) shelves.set(book.isbn13, shelvesIn(tree, book.categoryIds))
    }
    return shelves
  }
}

function shelvesIn(tree: CategoryTree, categoryIds: string[]): string[] {
  return [OVERALL, ...new Set(categoryIds.flatMap((id) => tree.pathTo(id).map((n) => n.id)))]
}

/** Books whose places or index differ between the stored lists and the new ones. */
function changedBooks(stored: { rows: ListRow[]; index: Map<string, number> }, rows: ListRow[], index: Map<string, number>): string[] {
  const key = (r: ListRow) => `${r.period}|${r.categoryId}|${r.rank}|${r.isbn13}|${r.copies}|${r.previousRank}`
  const before = new Set(stored.rows.map(key))
  const after = new Set(rows.map(key))
  const changed = new Set<string>()
  for (const r of rows) if (!before.has(key(r))) changed.add(r.isbn13)
  for (const r of stored.rows) if (!after.has(key(r))) changed.add(r.isbn13)
  for (const [isbn, p] of index) if (stored.index.get(isbn) !== p) changed.add(isbn)
  for (const isbn of stored.index.keys()) if (!index.has(isbn)) changed.add(isbn)
  return [...changed]
}

import type { Book, BookSummary, CatalogService } from '../catalog'
import type { Database } from '../store'
import { workKey } from './book-table'
import { EventLog, type EventLogOptions } from './event-log'
import { rebuildLists } from './rebuild'
import { listsFor, sessionEvents, type Kysely, type ListRow } from './repo'
import { MAX_ITEMS, MAX_PER_AUTHOR, MIN_ITEMS } from './select'
import type { RebuildStats, Reason, Recommended } from './types'

/** A session's last events that personal recommendations start from. */
const SESSION_HISTORY = 20

function authorsOf(book: BookSummary): string[] {
  return book.contributors.filter((c) => c.role === 'author').map((c) => c.name)
}

/** Keeps books on sale, one edition of a work, at most MAX_PER_AUTHOR by one author, at most `limit`. */
function diversified(items: Recommended[], limit: number, exclude: Recommended['book'][] = []): Recommended[] {
  const perAuthor = new Map<string, number>()
  const works = new Set(exclude.map((b) => workKey(b.title, authorsOf(b)[0])))
  const out: Recommended[] = []
  for (const item of items) {
    if (out.length >= limit) break
    const authors = authorsOf(item.book)
    const work = workKey(item.book.title, authors[0])
    if (!item.book.onSale || works.has(work) || authors.some((a) => (perAuthor.get(a) ?? 0) >= MAX_PER_AUTHOR)) continue
    for (const a of authors) perAuthor.set(a, (perAuthor.get(a) ?? 0) + 1)
    works.add(work)
    out.push(item)
  }
  return out
}

/** Recommendations: records what shoppers do, rebuilds the lists, and reads them for pages. */
export class RecommendService {
  readonly events: EventLog

  constructor(
    private readonly db: Kysely<Database>,
    private readonly catalog: CatalogService,
    eventOptions: EventLogOptions = {},
  ) {
    this.events = new EventLog(db, eventOptions)
  }

  /**
   * The product page's list, precomputed by the last rebuild. Books gone off
   * sale since are dropped; a list shorter than MIN_ITEMS (or none, for a
   * book added since) is filled from the catalog's category and contributor ranking.
   */
  async forBook(book: Book): Promise<Recommended[]> {
    const rows = await listsFor(this.db, [book.isbn13])
    const listed = diversified(await this.withBooks(rows), MAX_ITEMS, [book])
    if (listed.length >= MIN_ITEMS) return listed
    const seen = new Set([book.isbn13, ...listed.map((r) => r.book.isbn13)])
    const names = new Set(book.contributors.map((c) => c.name))
    const fallback = (await this.catalog.related(book, MAX_ITEMS)).filter((b) => !seen.has(b.isbn13))
    const reasoned = fallback.map((b): Recommended => ({
      book: b,
      reason: b.contributors.some((c) => names.has(c.name)) ? { kind: 'author' } : book.categoryIds[0] ? { kind: 'category', categoryId: book.categoryIds[0] } : { kind: 'category' },
    }))
    return diversified([...listed, ...reasoned], MAX_ITEMS, [book])
  }

  /** "Customers who bought this bought": the cart's books' lists merged, without what is in the cart. */
  async forBooks(isbns: string[], limit = MAX_ITEMS): Promise<Recommended[]> {
    return this.merged(isbns, new Set(isbns), limit, 'bought')
  }

  /** "Recommended for you": from a returning session's recent books; empty for a new one. */
  async forSession(sessionId: string, limit = MAX_ITEMS): Promise<Recommended[]> {
    const events = await sessionEvents(this.db, sessionId, SESSION_HISTORY)
    const recent = [...new Set(events.map((e) => e.isbn13))]
    const bought = events.filter((e) => e.kind !== 'view').map((e) => e.isbn13)
    return this.merged(recent, new Set([...recent.slice(0, 3), ...bought]), limit)
  }

  rebuild(now?: number): Promise<RebuildStats> {
    return rebuildLists(this.db, this.catalog, now)
  }

  /** Several lists as one: a book scores by its ranks across them (1/(rank+1)), earlier sources and the preferred reason counting more. */
  private async merged(sources: string[], exclude: Set<string>, limit: number, preferred?: Reason['kind']): Promise<Recommended[]> {
    const rows = await listsFor(this.db, sources.slice(0, SESSION_HISTORY))
    const best = new Map<string, { score: number; row: ListRow }>()
    const order = new Map(sources.map((s, i) => [s, i]))
    for (const row of rows) {
      if (exclude.has(row.recIsbn13)) continue
      const score = (row.reason.kind === preferred ? 2 : 1) / (row.rank + 1) / (1 + 0.1 * (order.get(row.isbn13) ?? 0))
      const had = best.get(row.recIsbn13)
      best.set(row.recIsbn13, { score: (had?.score ?? 0) + score, row: had && had.row.rank <= row.rank ? had.row : row })
    }
    const ranked = [...best.values()].sort((a, b) => b.score - a.score).map((b) => b.row)
    return diversified(await this.withBooks(ranked.slice(0, limit * 2)), limit)
  }

  private async withBooks(rows: ListRow[]): Promise<Recommended[]> {
    const books = new Map((await this.catalog.summaries(rows.map((r) => r.recIsbn13))).map((b) => [b.isbn13 as string, b]))
    return rows.flatMap((r) => {
      const book = books.get(r.recIsbn13)
      return book ? [{ book, reason: r.reason satisfies Reason }] : []
    })
  }
}

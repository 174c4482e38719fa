import type { BookFacts } from '../src/catalog'
import type { EventKind } from '../src/recommend'
import { Random } from '../src/demo/random'

export interface HistoryEvent {
  reader: string
  isbn13: string
  kind: EventKind
  at: number
}

export interface Reader {
  id: string
  events: HistoryEvent[]
}

const DAY_MS = 86_400_000

/** Draws from Zipf(s = 1) over `n` ranks (offset so the head is not a single book). */
class Zipf {
  private readonly cdf: Float64Array
  constructor(n: number, offset = 3) {
    this.cdf = new Float64Array(n)
    let sum = 0
    for (let r = 0; r < n; r++) this.cdf[r] = sum += 1 / (r + offset)
  }
  draw(rnd: Random): number {
    const u = rnd.next() * this.cdf[this.cdf.length - 1]!
    let lo = 0
    let hi = this.cdf.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.cdf[mid]! < u) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

/** A catalog as the history generator sees it: popularity order, shelves, series and authors. */
class Shelves {
  readonly popular: BookFacts[]
  readonly byCategory = new Map<string, BookFacts[]>()
  readonly bySeries = new Map<string, BookFacts[]>()
  readonly byAuthor = new Map<string, BookFacts[]>()
  readonly categories: string[]
  readonly seriesStarts: BookFacts[]
  private readonly zipfs = new Map<number, Zipf>()

  constructor(books: BookFacts[], rnd: Random) {
    // A fixed random permutation decides which books are popular.
    this.popular = books.filter((b) => b.onSale).map((b) => ({ b, k: rnd.next() })).sort((x, y) => x.k - y.k).map((x) => x.b)
    for (const b of this.popular) {
      for (const c of b.categoryIds) push(this.byCategory, c, b)
      if (b.series) push(this.bySeries, b.series, b)
      for (const a of b.contributors) if (a.role === 'author') push(this.byAuthor, a.name, b)
    }
    for (const list of this.bySeries.values()) list.sort((x, y) => Number(x.seriesNumber) - Number(y.seriesNumber) || (x.isbn13 < y.isbn13 ? -1 : 1))
    this.categories = [...this.byCategory.keys()].sort()
    this.seriesStarts = [...this.bySeries.values()].filter((l) => l.length > 1).map((l) => l[0]!)
  }

  /** A book of the list by Zipf popularity. */
  draw(list: BookFacts[], rnd: Random): BookFacts {
    let z = this.zipfs.get(list.length)
    if (!z) this.zipfs.set(list.length, (z = new Zipf(list.length)))
    return list[z.draw(rnd)]!
  }

  nextInSeries(book: BookFacts): BookFacts | undefined {
    const list = this.bySeries.get(book.series ?? '') ?? []
    return list[list.indexOf(book) + 1]
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/**
 * A structured shopping history: each reader has one to three favourite
 * categories and buys mostly popular books there; some buy the next volume of a
 * series they started, some another book by an author they bought, some a
 * best-seller of the whole store. Each purchase follows a few views of books
 * on the same shelf. Deterministic for a seed.
 */
export function syntheticHistory(books: BookFacts[], readers: number, now: number, seed = 7): Reader[] {
  const rnd = new Random(seed)
  const shelves = new Shelves(books, rnd)
  const out: Reader[] = []
  for (let r = 0; r < readers; r++) {
    const interests = Array.from({ length: rnd.int(1, 3) }, () => rnd.pick(shelves.categories))
    const events: HistoryEvent[] = []
    const bought = new Set<string>()
    let series: BookFacts | undefined
    let lastBook: BookFacts | undefined
    let at = now - rnd.int(60, 365) * DAY_MS
    const purchases = rnd.int(4, 14)
    for (let p = 0; p < purchases && at < now; p++) {
      let book: BookFacts | undefined
      for (let attempt = 0; attempt < 6 && (!book || bought.has(book.isbn13)); attempt++) {
        const roll = rnd.next()
        const author = lastBook?.contributors.find((c) => c.role === 'author')?.name
        if (roll < 0.15) book = shelves.draw(shelves.popular, rnd)
        else if (roll < 0.45 && series) book = shelves.nextInSeries(series)
        else if (roll < 0.55 && author) book = shelves.draw(shelves.byAuthor.get(author) ?? [], rnd)
        else if (roll < 0.65) book = shelves.draw(shelves.seriesStarts, rnd)
        else book = shelves.draw(shelves.byCategory.get(rnd.pick(interests))!, rnd)
      }
      if (!book || bought.has(book.isbn13)) continue
      const shelf = shelves.byCategory.get(book.categoryIds[0]!) ?? shelves.popular
      for (let v = rnd.int(1, 3); v > 0; v--) events.push({ reader: `r${r}`, isbn13: shelves.draw(shelf, rnd).isbn13, kind: 'view', at: (at += rnd.int(1, 60) * 60_000) })
      events.push({ reader: `r${r}`, isbn13: book.isbn13, kind: 'view', at: (at += 60_000) })
      events.push({ reader: `r${r}`, isbn13: book.isbn13, kind: 'purchase', at: (at += 120_000) })
      bought.add(book.isbn13)
      lastBook = book
      if (book.series && (book === series || shelves.nextInSeries(book))) series = book
      at += rnd.int(1, 10) * DAY_MS
    }
    out.push({ id: `r${r}`, events })
  }
  return out
}

import type { StoredEvent } from './repo'

/** How much each kind of event says about a shopper's interest. */
const KIND_WEIGHT = { purchase: 1, cart: 0.6, view: 1 } as const
/** Older signals count less: a signal loses half its weight in this many days. */
const HALF_LIFE_DAYS = 120
/** Only a session's strongest items pair up, so one long session costs at most this squared. */
const MAX_SESSION_ITEMS = 60
/** Shrinks similarities that rest on little evidence (in units of co-occurrence weight). */
const SHRINK = 1
const DAY_MS = 86_400_000

type Basket = Map<number, number>

/** Co-occurrence of one signal (buying or viewing) across sessions, weighted by age. */
export class CoOccurrence {
  private readonly baskets = new Map<string, Basket>()
  readonly popularity: Float64Array
  private readonly norms: Float64Array
  private readonly accumulator: Float64Array
  private session: { start: Int32Array; books: Int32Array; weights: Float64Array } | undefined
  private byBook: { start: Int32Array; sessions: Int32Array; weights: Float64Array } | undefined

  constructor(
    private readonly books: number,
    private readonly now: number,
  ) {
    this.popularity = new Float64Array(books)
    this.norms = new Float64Array(books)
    this.accumulator = new Float64Array(books)
  }

  add(event: StoredEvent, book: number): void {
    const age = Math.max(0, this.now - event.at) / DAY_MS
    const weight = KIND_WEIGHT[event.kind] * 0.5 ** (age / HALF_LIFE_DAYS)
    let basket = this.baskets.get(event.sessionId)
    if (!basket) this.baskets.set(event.sessionId, (basket = new Map()))
    if ((basket.get(book) ?? 0) < weight) basket.set(book, weight)
  }

  sessionIds(): IterableIterator<string> {
    return this.baskets.keys()
  }

  /**
   * Turns the baskets into compressed lists (sessions by book, books by
   * session) in typed arrays, and totals each book's weight. Call once, after
   * the last add and before neighboursOf.
   */
  prepare(): void {
    const sessionStart = [0]
    const sessionBooks: number[] = []
    const sessionWeights: number[] = []
    for (const basket of this.baskets.values()) {
      let items = [...basket.entries()]
      if (items.length > MAX_SESSION_ITEMS) items = items.sort((a, b) => b[1] - a[1]).slice(0, MAX_SESSION_ITEMS)
      for (const [book, weight] of items) {
        sessionBooks.push(book)
        sessionWeights.push(weight)
        this.norms[book]! += weight * weight
        this.popularity[book]! += weight
      }
      sessionStart.push(sessionBooks.length)
    }
    this.baskets.clear()
    this.session = { start: Int32Array.from(sessionStart), books: Int32Array.from(sessionBooks), weights: Float64Array.from(sessionWeights) }
    // Books' sessions, by counting sort over the book numbers.
    const start = new Int32Array(this.books + 1)
    for (const b of sessionBooks) start[b + 1]!++
    for (let i = 0; i < this.books; i++) start[i + 1]! += start[i]!
    const fill = start.slice(0, this.books)
    const sessions = new Int32Array(sessionBooks.length)
    const weights = new Float64Array(sessionBooks.length)
    for (let s = 0; s + 1 < sessionStart.length; s++) {
      for (let k = sessionStart[s]!; k < sessionStart[s + 1]!; k++) {
        const at = fill[sessionBooks[k]!]!++
        sessions[at] = s
        weights[at] = sessionWeights[k]!
      }
    }
    this.byBook = { start, sessions, weights }
  }

  /**
   * Book i's `topK` nearest books by cosine over sessions, shrunk by evidence:
   * sim(i, j) = co(i, j) / √(n(i)·n(j)) · co / (co + SHRINK), where co sums
   * wᵢ·wⱼ over sessions holding both and n(i) sums wᵢ². Computed on demand
   * with one dense accumulator, so no pair table is ever held.
   */
  neighboursOf(i: number, topK: number): Array<[number, number]> {
    const { byBook, session } = this
    if (!byBook || !session) throw new Error('CoOccurrence.prepare() must run before neighboursOf()')
    const touched: number[] = []
    for (let k = byBook.start[i]!; k < byBook.start[i + 1]!; k++) {
      const s = byBook.sessions[k]!
      const wi = byBook.weights[k]!
      for (let m = session.start[s]!; m < session.start[s + 1]!; m++) {
        const j = session.books[m]!
        if (j === i) continue
        if (this.accumulator[j] === 0) touched.push(j)
        this.accumulator[j]! += wi * session.weights[m]!
      }
    }
    const scored: Array<[number, number]> = touched.map((j) => {
      const c = this.accumulator[j]!
      this.accumulator[j] = 0
      return [j, (c / Math.sqrt(this.norms[i]! * this.norms[j]!)) * (c / (c + SHRINK))]
    })
    return scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, topK)
  }
}

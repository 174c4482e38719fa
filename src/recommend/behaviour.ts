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

/** Session ids as dense numbers, shared by the signals of one rebuild so sessions are counted once. */
export type SessionNumbers = Map<string, number>

/** Co-occurrence of one signal (buying or viewing) across sessions, weighted by age. */
export class CoOccurrence {
  /** Events as added, in typed arrays (16 bytes each): five million fit in 80 MB, where as many Maps would not. */
  private eventSession = new Int32Array(1 << 12)
  private eventBook = new Int32Array(1 << 12)
  private eventWeight = new Float64Array(1 << 12)
  private events = 0
  readonly popularity: Float64Array
  private readonly norms: Float64Array
  private readonly accumulator: Float64Array
  private session: { start: Int32Array; books: Int32Array; weights: Float64Array } | undefined
  private byBook: { start: Int32Array; sessions: Int32Array; weights: Float64Array } | undefined

  constructor(
    private readonly books: number,
    private readonly now: number,
    private readonly sessions: SessionNumbers = new Map(),
  ) {
    this.popularity = new Float64Array(books)
    this.norms = new Float64Array(books)
    this.accumulator = new Float64Array(books)
  }

  add(event: StoredEvent, book: number): void {
    const age = Math.max(0, this.now - event.at) / DAY_MS
    let s = this.sessions.get(event.sessionId)
    if (s === undefined) this.sessions.set(event.sessionId, (s = this.sessions.size))
    if (this.events === this.eventBook.length) this.grow()
    this.eventSession[this.events] = s
    this.eventBook[this.events] = book
    this.eventWeight[this.events++] = KIND_WEIGHT[event.kind] * 0.5 ** (age / HALF_LIFE_DAYS)
  }

  /**
   * Turns the events into compressed lists (books by session, sessions by
   * book) in typed arrays, each session's book once at its strongest weight,
   * and totals each book's weight. Call once, after the last add and before
   * neighboursOf. Counting sorts: linear in the events, no per-session objects.
   */
  prepare(): void {
    const sessionCount = this.sessions.size
    const bySession = countingSort(this.eventSession.subarray(0, this.events), sessionCount)
    const sessionStart = new Int32Array(sessionCount + 1)
    const sessionBooks = new Int32Array(this.events)
    const sessionWeights = new Float64Array(this.events)
    // The accumulator is all zeros between calls to neighboursOf: here it holds a session's best weight per book.
    const best = this.accumulator
    let out = 0
    for (let s = 0; s < sessionCount; s++) {
      const touched: number[] = []
      for (let k = bySession.start[s]!; k < bySession.start[s + 1]!; k++) {
        const e = bySession.order[k]!
        const book = this.eventBook[e]!
        if (best[book] === 0) touched.push(book)
        if (best[book]! < this.eventWeight[e]!) best[book] = this.eventWeight[e]!
      }
      let items = touched.map((book): [number, number] => [book, best[book]!])
      for (const book of touched) best[book] = 0
      if (items.length > MAX_SESSION_ITEMS) items = items.sort((a, b) => b[1] - a[1]).slice(0, MAX_SESSION_ITEMS)
      for (const [book, weight] of items) {
        sessionBooks[out] = book
        sessionWeights[out++] = weight
        this.norms[book]! += weight * weight
        this.popularity[book]! += weight
      }
      sessionStart[s + 1] = out
    }
    this.eventSession = this.eventBook = new Int32Array(0)
    this.eventWeight = new Float64Array(0)
    this.events = 0
    this.session = { start: sessionStart, books: sessionBooks.slice(0, out), weights: sessionWeights.slice(0, out) }
    // Books' sessions, by counting sort over the book numbers.
    const byBook = countingSort(this.session.books, this.books)
    const sessions = new Int32Array(out)
    const weights = new Float64Array(out)
    for (let s = 0; s < sessionCount; s++) {
      for (let k = sessionStart[s]!; k < sessionStart[s + 1]!; k++) sessions[byBook.place[k]!] = s
    }
    for (let k = 0; k < out; k++) weights[byBook.place[k]!] = this.session.weights[k]!
    this.byBook = { start: byBook.start, sessions, weights }
  }

  private grow(): void {
    const size = this.eventBook.length * 2
    const copy = <T extends Int32Array | Float64Array>(from: T, to: T) => (to.set(from), to)
    this.eventSession = copy(this.eventSession, new Int32Array(size))
    this.eventBook = copy(this.eventBook, new Int32Array(size))
    this.eventWeight = copy(this.eventWeight, new Float64Array(size))
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

/**
 * A stable counting sort of positions by key (0 ≤ key < keys): `order` lists
 * the positions key by key, `start[k]` is where key k's run begins in it, and
 * `place[p]` is where position p went.
 */
function countingSort(keys: Int32Array, keyCount: number): { start: Int32Array; order: Int32Array; place: Int32Array } {
  const start = new Int32Array(keyCount + 1)
  for (const k of keys) start[k + 1]!++
  for (let k = 0; k < keyCount; k++) start[k + 1]! += start[k]!
  const fill = start.slice(0, keyCount)
  const order = new Int32Array(keys.length)
  const place = new Int32Array(keys.length)
  for (let p = 0; p < keys.length; p++) {
    const at = fill[keys[p]!]!++
    order[at] = p
    place[p] = at
  }
  return { start, order, place }
}

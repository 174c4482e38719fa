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

  constructor(
    private readonly books: number,
    private readonly now: number,
  ) {
    this.popularity = new Float64Array(books)
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
   * Item-to-item cosine similarity over sessions, shrunk by evidence:
   * sim(i, j) = co(i, j) / √(n(i)·n(j)) · co / (co + SHRINK), where co sums
   * wᵢ·wⱼ over sessions holding both and n(i) sums wᵢ². The best `topK`
   * neighbours of each book, strongest first.
   */
  neighbours(topK: number): Array<Array<[number, number]> | undefined> {
    const norms = new Float64Array(this.books)
    const co: Array<Map<number, number> | undefined> = new Array(this.books)
    for (const basket of this.baskets.values()) {
      let items = [...basket.entries()]
      if (items.length > MAX_SESSION_ITEMS) items = items.sort((a, b) => b[1] - a[1]).slice(0, MAX_SESSION_ITEMS)
      for (const [i, wi] of items) {
        norms[i]! += wi * wi
        this.popularity[i]! += wi
        for (const [j, wj] of items) {
          if (i === j) continue
          const row = (co[i] ??= new Map())
          row.set(j, (row.get(j) ?? 0) + wi * wj)
        }
      }
    }
    const out: Array<Array<[number, number]> | undefined> = new Array(this.books)
    for (let i = 0; i < this.books; i++) {
      const row = co[i]
      if (!row) continue
      const scored: Array<[number, number]> = []
      for (const [j, c] of row) scored.push([j, (c / Math.sqrt(norms[i]! * norms[j]!)) * (c / (c + SHRINK))])
      out[i] = scored.sort((a, b) => b[1] - a[1]).slice(0, topK)
      co[i] = undefined
    }
    return out
  }
}

/**
 * The popularity signal ranking reads: shoppers' views, carts and purchases,
 * weighted by how much each says about a reader's interest, and fading with
 * a half-life of 30 days. Rather than decaying every stored score on a
 * schedule, each event weighs 2^(age of the epoch / half-life) times more
 * than one a half-life earlier: a sum of such weights orders books exactly
 * as decayed sums would, and an event only ever adds to its book's score.
 */

/** One shopper event as the event log writes it. */
export interface ShopperSignal {
  isbn13: string
  kind: string
  /** Milliseconds since the epoch. */
  at: number
}

const WEIGHTS: Record<string, number> = { view: 1, cart: 3, purchase: 10 }
const HALF_LIFE_MS = 30 * 86_400_000
const EPOCH = Date.parse('2026-01-01T00:00:00Z')

/** Each book's added score (keyed by the ISBN-13 as an integer, as search rows are). */
export function scoreDeltas(events: readonly ShopperSignal[]): Map<number, number> {
  const out = new Map<number, number>()
  for (const e of events) {
    const weight = WEIGHTS[e.kind]
    if (!weight || !/^\d{13}$/.test(e.isbn13)) continue
    const id = Number(e.isbn13)
    out.set(id, (out.get(id) ?? 0) + weight * 2 ** ((e.at - EPOCH) / HALF_LIFE_MS))
  }
  return out
}

/**
 * The score's order of magnitude in half-powers of two (a tier is about 1.4
 * times the one below): books of one tier are equally popular to ranking,
 * which then prefers the shorter title. 0 is a book with no events.
 */
export function tierOf(score: number): number {
  return score > 0 ? Math.max(1, Math.floor(2 * Math.log2(score)) + 1) : 0
}

import { bandOf, emptyCounts, type FacetCounts, type FacetDimension } from './facet-counts'
import { addToFacetTotals, countedBooks, facetTotals, recountFacetTotals, type CountedBook, type Db, type FacetTotal } from './repo/shelves'

/**
 * Each shelf's facet counts as running totals (search_facet_count), so a
 * category page reads a few hundred rows instead of counting a quarter of
 * the catalog. Every write to the search rows moves the totals in the same
 * transaction; `colophon reindex` recounts them from scratch.
 */
export class FacetDeltas {
  // scope → dimension → value → change: no key string to build and parse for each of a book's dozens of counts.
  private readonly byScope = new Map<string, Map<string, Map<string, number>>>()

  /** A book counts once on the whole catalog ('') and on every shelf it sits on or under. */
  add(book: CountedBook, categoryIds: string[], sign: 1 | -1): void {
    const values: Array<[string, string | null]> = [
      ['publisher', book.publisher],
      ['format', book.format],
      ['language', book.language],
      ['year', book.issued_on ? book.issued_on.slice(0, 4) : null],
      // Whole units, as the recount below writes them: the banding needs no more.
      ['price', book.price == null ? null : String(Math.round(book.price))],
      ...categoryIds.map((c): [string, string] => ['category', c]),
    ]
    for (const scope of ['', ...categoryIds]) {
      let dims = this.byScope.get(scope)
      if (!dims) this.byScope.set(scope, (dims = new Map()))
      for (const [dim, value] of values) {
        if (value == null) continue
        let counts = dims.get(dim)
        if (!counts) dims.set(dim, (counts = new Map()))
        counts.set(value, (counts.get(value) ?? 0) + sign)
      }
    }
  }

  /** Takes off what these books counted, read before their rows are replaced or deleted. */
  async subtractStored(trx: Db, ids: number[]): Promise<void> {
    const { books, links } = await countedBooks(trx, ids)
    const shelves = new Map<number, string[]>()
    for (const l of links) shelves.set(Number(l.id), [...(shelves.get(Number(l.id)) ?? []), l.category_id])
    for (const b of books) this.add(b, shelves.get(Number(b.id)) ?? [], -1)
  }

  /** Writes the summed changes in key order (scope, dimension, value), so concurrent writers take row locks alike. */
  async apply(trx: Db): Promise<void> {
    const rows: FacetTotal[] = []
    for (const category_id of sorted(this.byScope.keys()))
      for (const dim of sorted(this.byScope.get(category_id)!.keys())) {
        const counts = this.byScope.get(category_id)!.get(dim)!
        for (const value of sorted(counts.keys())) {
          const n = counts.get(value)!
          if (n !== 0) rows.push({ category_id, dim, value, n })
        }
      }
    await addToFacetTotals(trx, rows)
  }
}

const sorted = (keys: Iterable<string>) => [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))

/** A shelf's facet counts ('' for the whole catalog), from the running totals. */
export async function shelfCounts(db: Db, categoryId: string): Promise<FacetCounts> {
  const counts = emptyCounts()
  for (const r of await facetTotals(db, categoryId)) {
    const n = Number(r.n)
    if (r.dim === 'price') {
      const band = String(bandOf(Number(r.value)))
      counts.band.set(band, (counts.band.get(band) ?? 0) + n)
    } else counts[r.dim as Exclude<FacetDimension, 'band'>].set(r.value, n)
  }
  return counts
}

/** Recounts every running total from the search rows, as `add` would have counted them. */
export async function recountShelves(trx: Db): Promise<void> {
  await recountFacetTotals(trx)
}

import { bandOf, emptyCounts, type FacetCounts, type FacetDimension } from './facet-counts'
import { addToFacetTotals, countedBooks, facetTotals, recountFacetTotals, type CountedBook, type Db } from './repo/shelves'

/**
 * Each shelf's facet counts as running totals (search_facet_count), so a
 * category page reads a few hundred rows instead of counting a quarter of
 * the catalog. Every write to the search rows moves the totals in the same
 * transaction; `colophon reindex` recounts them from scratch.
 */
export class FacetDeltas {
  private readonly byKey = new Map<string, number>()

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
    for (const scope of ['', ...categoryIds])
      for (const [dim, value] of values) {
        if (value == null) continue
        const key = JSON.stringify([scope, dim, value])
        this.byKey.set(key, (this.byKey.get(key) ?? 0) + sign)
      }
  }

  /** Takes off what these books counted, read before their rows are replaced or deleted. */
  async subtractStored(trx: Db, ids: number[]): Promise<void> {
    const { books, links } = await countedBooks(trx, ids)
    const shelves = new Map<number, string[]>()
    for (const l of links) shelves.set(Number(l.id), [...(shelves.get(Number(l.id)) ?? []), l.category_id])
    for (const b of books) this.add(b, shelves.get(Number(b.id)) ?? [], -1)
  }

  /** Writes the summed changes in key order, so concurrent writers take row locks alike. */
  async apply(trx: Db): Promise<void> {
    const rows = [...this.byKey]
      .filter(([, n]) => n !== 0)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, n]) => {
        const [category_id, dim, value] = JSON.parse(key) as [string, string, string]
        return { category_id, dim, value, n }
      })
    await addToFacetTotals(trx, rows)
  }
}

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

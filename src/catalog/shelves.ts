import type { Database, Kysely } from '../store'
import * as repo from './repo/shelves'
import { findSummaries } from './repo'
import type { BookSummary } from './types'

/** How many books an author's or a series' page lists at most. */
const SHELF_LIMIT = 500

/** "3", "3권", "Vol. 3", "III", "3-1": the number a volume sorts by (non-numbers last, in text order). */
export function volumeOrder(number: string | null): [number, string] {
  const found = number?.match(/\d+(?:\.\d+)?/)
  if (found) return [Number(found[0]), number!]
  const roman = number?.trim().toUpperCase().match(/^(?:VOL\.?\s*)?([IVXLC]+)\.?$/)?.[1]
  if (roman) {
    const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 }
    let total = 0
    for (let i = 0; i < roman.length; i++) {
      const v = values[roman[i]!]!
      total += v < (values[roman[i + 1]!] ?? 0) ? -v : v
    }
    return [total, number!]
  }
  return [Number.POSITIVE_INFINITY, number ?? '']
}

/** The shelves a reader reaches from a product page: a person's books, and a series in order. */
export class Shelves {
  constructor(private readonly db: Kysely<Database>) {}

  /** Every book a person is named on (any role), newest first. */
  async byContributor(name: string): Promise<BookSummary[]> {
    const books = await findSummaries(this.db, await repo.isbnsByContributor(this.db, name, SHELF_LIMIT))
    return books.sort((a, b) => (b.issuedOn ?? '').localeCompare(a.issuedOn ?? '') || a.title.localeCompare(b.title))
  }

  /** A series' volumes in order of their numbers, then of publication. */
  async series(name: string): Promise<Array<BookSummary & { seriesNumber: string | null }>> {
    const volumes = await repo.seriesVolumes(this.db, name, SHELF_LIMIT)
    const numbers = new Map(volumes.map((v) => [v.isbn13, v.number]))
    const books = await findSummaries(this.db, volumes.map((v) => v.isbn13))
    return books
      .map((b) => ({ ...b, seriesNumber: numbers.get(b.isbn13) ?? null }))
      .sort((a, b) => {
        const [x, y] = [volumeOrder(a.seriesNumber), volumeOrder(b.seriesNumber)]
        return x[0] - y[0] || x[1].localeCompare(y[1]) || (a.issuedOn ?? '').localeCompare(b.issuedOn ?? '')
      })
  }
}

import type { BookTable } from './book-table'
import type { ListRow } from './repo'
import type { Pick } from './select'
import { REASON_KINDS } from './types'

/**
 * Computed lists, held in typed arrays (about 20 bytes a row) until they are
 * written: many thousand books' rows without as many objects.
 */
export class ListRows {
  private source = new Int32Array(1 << 16)
  private target = new Int32Array(1 << 16)
  private reason = new Uint8Array(1 << 16)
  private category = new Int32Array(1 << 16)
  private score = new Float32Array(1 << 16)
  private readonly categoryIds: string[] = []
  private readonly categoryIndex = new Map<string, number>()
  length = 0

  add(book: number, picks: Pick[]): void {
    if (this.length + picks.length > this.source.length) this.grow()
    for (const p of picks) {
      const n = this.length++
      this.source[n] = book
      this.target[n] = p.book
      this.reason[n] = REASON_KINDS.indexOf(p.reason.kind)
      this.category[n] = p.reason.categoryId ? this.categoryNumber(p.reason.categoryId) : -1
      this.score[n] = p.score
    }
  }

  /** The rows in batches of `size`, each list in rank order. */
  *batches(books: BookTable, size: number): Generator<ListRow[]> {
    let batch: ListRow[] = []
    let rank = 0
    for (let n = 0; n < this.length; n++) {
      rank = n > 0 && this.source[n - 1] === this.source[n] ? rank + 1 : 0
      const kind = REASON_KINDS[this.reason[n]!]!
      const categoryId = this.category[n]! >= 0 ? this.categoryIds[this.category[n]!] : undefined
      batch.push({ isbn13: books.isbns[this.source[n]!]!, rank, recIsbn13: books.isbns[this.target[n]!]!, reason: categoryId ? { kind, categoryId } : { kind }, score: this.score[n]! })
      if (batch.length === size) {
        yield batch
        batch = []
      }
    }
    if (batch.length) yield batch
  }

  private categoryNumber(id: string): number {
    let n = this.categoryIndex.get(id)
    if (n === undefined) this.categoryIndex.set(id, (n = this.categoryIds.push(id) - 1))
    return n
  }

  private grow(): void {
    const size = this.source.length * 2
    const copy = <T extends Int32Array | Uint8Array | Float32Array>(from: T, to: T) => (to.set(from), to)
    this.source = copy(this.source, new Int32Array(size))
    this.target = copy(this.target, new Int32Array(size))
    this.reason = copy(this.reason, new Uint8Array(size))
    this.category = copy(this.category, new Int32Array(size))
    this.score = copy(this.score, new Float32Array(size))
  }
}

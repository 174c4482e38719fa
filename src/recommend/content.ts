import { bookTokens, type BookTable } from './book-table'
import type { ReasonKind } from './types'

/** Candidates a source book collects, with the part of the score each reason gives. */
export type Candidates = Map<number, Partial<Record<ReasonKind, number>> & { categoryId?: string }>

/** Volumes further apart than this are not recommended for each other. */
const SERIES_REACH = 5
const SERIES_NEXT = 1
const SERIES_NEAR = 0.7
const SAME_AUTHOR = 0.6
const CATEGORY = 0.25
const TEXT = 0.5
/** Per author, series or category, only the most popular books are candidates: a bounded cost per book. */
const LIST_CAP = 40
/** A category's best-sellers offered beside every book of it. */
const CATEGORY_BEST = 3
/** A word in more books than this is too common to say two books are alike. */
const MAX_WORD_BOOKS = 300
/** Books issued just before and after, per category. */
const TIME_WINDOW = 8

/** The first place in a series list (sorted by volume number, unnumbered volumes last) whose number is at least `from`. */
function firstVolumeFrom(list: number[], numbers: ArrayLike<number>, from: number): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    const n = numbers[list[mid]!]!
    if (!Number.isNaN(n) && n < from) lo = mid + 1
    else hi = mid
  }
  return lo
}

export function addScore(into: Candidates, book: number, reason: ReasonKind, score: number, categoryId?: string): void {
  let c = into.get(book)
  if (!c) into.set(book, (c = {}))
  c[reason] = Math.max(c[reason] ?? 0, score)
  if (categoryId && reason === 'category') c.categoryId ??= categoryId
}

/**
 * Content similarity for books without history: the same series (the next
 * volume first), the same author, the most popular books of the same
 * categories, and shared rare words of title and description (IDF-weighted
 * cosine over word sets).
 */
export class ContentIndex {
  private readonly bySeries = new Map<string, number[]>()
  private readonly byAuthor = new Map<string, number[]>()
  private readonly byCategory = new Map<string, number[]>()
  /** Each category's books by date of issue, for neighbours in time. */
  private readonly byCategoryDate = new Map<string, number[]>()
  private readonly postings: Array<number[] | undefined>
  private readonly idf: Float64Array
  private readonly textNorms: Float64Array

  constructor(
    private readonly books: BookTable,
    private readonly popularity: Float64Array,
  ) {
    const n = books.isbns.length
    const rank = (a: number, b: number) => popularity[b]! - popularity[a]! || (books.issuedOn[b]! > books.issuedOn[a]! ? 1 : -1)
    for (let i = 0; i < n; i++) {
      if (!books.onSale[i]) continue
      if (books.series[i]) push(this.bySeries, books.series[i]!, i)
      for (const a of books.authors[i]!) push(this.byAuthor, a, i)
      for (const c of books.categories[i]!) push(this.byCategory, c, i)
    }
    for (const [key, list] of this.byAuthor) this.byAuthor.set(key, list.sort(rank).slice(0, LIST_CAP))
    for (const [key, list] of this.byCategory) {
      this.byCategoryDate.set(key, [...list].sort((a, b) => (books.issuedOn[a]! < books.issuedOn[b]! ? -1 : books.issuedOn[a]! > books.issuedOn[b]! ? 1 : a - b)))
      this.byCategory.set(key, list.sort(rank).slice(0, CATEGORY_BEST))
    }
    const volume = (i: number) => (Number.isNaN(books.seriesNumbers[i]!) ? Infinity : books.seriesNumbers[i]!)
    for (const list of this.bySeries.values()) list.sort((a, b) => volume(a) - volume(b) || a - b)
    // Words in more than this many books say nothing about a book in particular. The bound is absolute
    // as well as relative: a share of the catalog would grow every word's postings, and each book's
    // candidates with them, as the catalog grows (at a million books, 0.2% is 2,000 books a word).
    const maxDf = Math.min(MAX_WORD_BOOKS, Math.max(20, Math.ceil(n * 0.002)))
    const df = new Uint32Array(books.tokenCount)
    for (const id of books.tokenIds) df[id]!++
    this.idf = new Float64Array(books.tokenCount)
    this.postings = new Array(books.tokenCount)
    for (let id = 0; id < books.tokenCount; id++) if (df[id]! > 1 && df[id]! <= maxDf) this.idf[id] = Math.log(n / df[id]!)
    this.textNorms = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      for (const id of bookTokens(books, i)) {
        const w = this.idf[id]!
        if (w === 0) continue
        this.textNorms[i]! += w * w
        if (books.onSale[i]) (this.postings[id] ??= []).push(i)
      }
    }
  }

  candidates(i: number, into: Candidates): void {
    const b = this.books
    const series = b.series[i]
    const at = b.seriesNumbers[i]!
    // An unnumbered volume has no neighbours to point to.
    if (series && !Number.isNaN(at)) {
      const list = this.bySeries.get(series) ?? []
      // The list is in volume order: only the volumes within SERIES_REACH are visited, however long the series.
      for (let k = firstVolumeFrom(list, b.seriesNumbers, at - SERIES_REACH); k < list.length; k++) {
        const j = list[k]!
        const gap = b.seriesNumbers[j]! - at
        if (gap > SERIES_REACH) break
        if (j === i || !(Math.abs(gap) <= SERIES_REACH)) continue
        addScore(into, j, 'series', gap === 1 ? SERIES_NEXT : SERIES_NEAR / (1 + Math.abs(gap)))
      }
    }
    for (const a of b.authors[i]!) for (const j of this.byAuthor.get(a) ?? []) if (j !== i) addScore(into, j, 'author', SAME_AUTHOR)
    const maxPop = Math.max(1e-9, ...b.categories[i]!.map((c) => this.popularity[this.byCategory.get(c)?.[0] ?? i]!))
    for (const c of b.categories[i]!) {
      for (const j of this.byCategory.get(c) ?? []) if (j !== i) addScore(into, j, 'category', CATEGORY * (0.3 + (0.7 * this.popularity[j]!) / maxPop), c)
      this.timeNeighbours(i, c, into)
    }
    this.textCandidates(i, into)
  }

  /**
   * Books of the same category issued about the same time: without them every
   * book of a category would get the same few best-sellers, and most of the
   * catalog would never be recommended.
   */
  private timeNeighbours(i: number, category: string, into: Candidates): void {
    const list = this.byCategoryDate.get(category)
    if (!list) return
    const issued = this.books.issuedOn
    let lo = 0
    let hi = list.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (issued[list[mid]!]! < issued[i]! || (issued[list[mid]!] === issued[i] && list[mid]! < i)) lo = mid + 1
      else hi = mid
    }
    for (let k = Math.max(0, lo - TIME_WINDOW); k < Math.min(list.length, lo + TIME_WINDOW + 1); k++) {
      const j = list[k]!
      if (j !== i) addScore(into, j, 'category', CATEGORY * 0.7 * (1 - Math.abs(k - lo) / (TIME_WINDOW + 1)), category)
    }
  }

  private textCandidates(i: number, into: Candidates): void {
    const norm = this.textNorms[i]!
    if (norm === 0) return
    const dot = new Map<number, number>()
    for (const id of bookTokens(this.books, i)) {
      const w = this.idf[id]!
      if (w === 0) continue
      for (const j of this.postings[id] ?? []) if (j !== i) dot.set(j, (dot.get(j) ?? 0) + w * w)
    }
    for (const [j, d] of dot) addScore(into, j, 'similar', (TEXT * d) / Math.sqrt(norm * this.textNorms[j]!))
  }
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

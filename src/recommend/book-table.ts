import { richTextToPlain, type BookFacts } from '../catalog'

/** The catalog as parallel arrays indexed by a dense book number: compact enough for a million books. */
export interface BookTable {
  isbns: string[]
  index: Map<string, number>
  onSale: Uint8Array
  /** Title and first author, normalised: two editions of one work share it. */
  workKeys: string[]
  authors: string[][]
  series: Array<string | null>
  /** NaN when the series number is not a number. */
  seriesNumbers: Float64Array
  categories: string[][]
  issuedOn: string[]
  /** Token ids of title and description, each once: book i's are tokenIds[tokenStart[i]] up to tokenIds[tokenStart[i + 1]]. */
  tokenStart: Uint32Array
  tokenIds: Uint32Array
  tokenCount: number
}

/** Book i's token ids (a view, not a copy). */
export function bookTokens(table: BookTable, i: number): Uint32Array {
  return table.tokenIds.subarray(table.tokenStart[i]!, table.tokenStart[i + 1]!)
}

/** Words of two or more letters or digits, lower-cased, in any script. */
export function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? []) as string[]
}

export function workKey(title: string, firstAuthor: string | undefined): string {
  return `${title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')}|${firstAuthor ?? ''}`
}

export class BookTableBuilder {
  private readonly table: BookTable = {
    isbns: [],
    index: new Map(),
    onSale: new Uint8Array(0),
    workKeys: [],
    authors: [],
    series: [],
    seriesNumbers: new Float64Array(0),
    categories: [],
    issuedOn: [],
    tokenStart: new Uint32Array(0),
    tokenIds: new Uint32Array(0),
    tokenCount: 0,
  }
  private readonly onSale: number[] = []
  private readonly seriesNumbers: number[] = []
  private readonly tokenIds = new Map<string, number>()
  /** Every book's token ids end to end, in one growing buffer: a million small arrays would cost more than their contents. */
  private tokens = new Uint32Array(1 << 16)
  private tokenLength = 0
  private readonly tokenStart: number[] = [0]
  /** Category ids as one string each, however many books name them. */
  private readonly categoryIds = new Map<string, string>()

  add(books: BookFacts[]): void {
    const t = this.table
    for (const b of books) {
      t.index.set(b.isbn13, t.isbns.length)
      t.isbns.push(b.isbn13)
      this.onSale.push(b.onSale ? 1 : 0)
      const authors = b.contributors.filter((c) => c.role === 'author').map((c) => c.name)
      t.authors.push(authors)
      t.workKeys.push(workKey(b.title, authors[0] ?? b.contributors[0]?.name))
      t.series.push(b.series)
      this.seriesNumbers.push(b.seriesNumber ? Number.parseFloat(b.seriesNumber) : NaN)
      t.categories.push(b.categoryIds.map((c) => this.categoryIds.get(c) ?? (this.categoryIds.set(c, c), c)))
      t.issuedOn.push(b.issuedOn ?? '')
      const ids = new Set<number>()
      for (const w of words(`${b.title} ${b.titleEn ?? ''} ${richTextToPlain(b.text)}`)) {
        let id = this.tokenIds.get(w)
        if (id === undefined) this.tokenIds.set(w, (id = this.tokenIds.size))
        ids.add(id)
      }
      if (this.tokenLength + ids.size > this.tokens.length) {
        const grown = new Uint32Array(Math.max(this.tokens.length * 2, this.tokenLength + ids.size))
        grown.set(this.tokens.subarray(0, this.tokenLength))
        this.tokens = grown
      }
      for (const id of ids) this.tokens[this.tokenLength++] = id
      this.tokenStart.push(this.tokenLength)
    }
  }

  build(): BookTable {
    return {
      ...this.table,
      onSale: Uint8Array.from(this.onSale),
      seriesNumbers: Float64Array.from(this.seriesNumbers),
      tokenStart: Uint32Array.from(this.tokenStart),
      tokenIds: this.tokens.slice(0, this.tokenLength),
      tokenCount: this.tokenIds.size,
    }
  }
}

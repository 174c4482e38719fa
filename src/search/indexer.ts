import type { BookInput, CatalogIndexer, Isbn13 } from '../catalog'
import type { Database, TextIndex } from '../store'
import { bookDocument, searchBookRow, vocabularyOf } from './document'
import * as repo from './repo'
import type { Transaction } from './repo'

/** Keeps the search index and the typo vocabulary in step with every catalog write, in the same transaction. */
export class SearchIndexer implements CatalogIndexer {
  /** `onChange` hears of every write, so caches of what the index answers can be dropped. */
  constructor(
    private readonly textIndex: TextIndex,
    private readonly onChange: () => void = () => {},
  ) {}

  async booksWritten(trx: Transaction<Database>, books: BookInput[]): Promise<void> {
    if (books.length === 0) return
    this.onChange()
    const { documents, paths } = await documentsOf(trx, books)
    await this.textIndex.write(trx, documents)
    await repo.writeSearchBooks(trx, books.map((b) => searchBookRow(b, (id) => paths.get(id)?.ids ?? [])))
    const counts = new Map<string, number>()
    for (const d of documents) for (const w of new Set(vocabularyOf(d))) counts.set(w, (counts.get(w) ?? 0) + 1)
    await repo.addWords(trx, counts)
  }

  /** Writes the books' full-text documents only: their search rows are already in place. */
  async documentsWritten(trx: Transaction<Database>, books: BookInput[]): Promise<void> {
    if (books.length === 0) return
    this.onChange()
    await this.textIndex.write(trx, (await documentsOf(trx, books)).documents)
  }

  async booksRemoved(trx: Transaction<Database>, isbns: Isbn13[]): Promise<void> {
    this.onChange()
    await this.textIndex.remove(trx, isbns)
    await repo.removeSearchBooks(trx, isbns.map(Number))
  }
}

/** The books' index documents, and the category paths they were made with. */
async function documentsOf(trx: Transaction<Database>, books: BookInput[]) {
  // Read through the transaction: the store has one connection, which the transaction holds.
  const paths = await repo.categoryPaths(trx)
  return { paths, documents: books.map((b) => bookDocument(b, (id) => paths.get(id)?.names ?? [])) }
}

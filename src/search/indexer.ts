import type { BookInput, CatalogIndexer } from '../catalog'
import type { TextIndex } from '../store'
import type { Database } from '../store'
import type { Transaction } from 'kysely'
import { bookDocument, vocabularyOf } from './document'
import * as repo from './repo'

/** Keeps the search index and the typo vocabulary in step with every catalog write, in the same transaction. */
export class SearchIndexer implements CatalogIndexer {
  constructor(private readonly textIndex: TextIndex) {}

  async booksWritten(trx: Transaction<Database>, books: BookInput[]): Promise<void> {
    if (books.length === 0) return
    // Read through the transaction: the store has one connection, which the transaction holds.
    const paths = await repo.categoryPathNames(trx)
    const documents = books.map((b) => bookDocument(b, (id) => paths.get(id) ?? []))
    await this.textIndex.write(trx, documents)
    const counts = new Map<string, number>()
    for (const d of documents) for (const w of new Set(vocabularyOf(d))) counts.set(w, (counts.get(w) ?? 0) + 1)
    await repo.addWords(trx, counts)
  }
}

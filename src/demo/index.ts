import { parseBookInput, type CatalogService } from '../catalog'
import { demoCategories } from './categories'
import { generatedBook } from './generate'
import { seedBook } from './seed-book'

export interface DemoOptions {
  books: number
  batchSize?: number
  onProgress?: (written: number, total: number) => void
}

/**
 * Writes the demo catalog: the category tree, the reference book and `books`
 * generated ones, in batches of one transaction each, so memory stays flat
 * whatever the count and an interrupted run can simply be repeated.
 */
export async function fillDemoCatalog(catalog: CatalogService, options: DemoOptions): Promise<void> {
  const { books, batchSize = 2000, onProgress } = options
  await catalog.saveCategories(demoCategories())
  await catalog.saveBooks([parseBookInput(seedBook)])
  const total = books + 1
  onProgress?.(1, total)
  for (let start = 1; start <= books; start += batchSize) {
    const end = Math.min(books, start + batchSize - 1)
    const batch = []
    for (let n = start; n <= end; n++) batch.push(generatedBook(n))
    await catalog.saveBooks(batch)
    onProgress?.(end + 1, total)
  }
}

export { seedBook } from './seed-book'
export { generatedBook } from './generate'

import type { Book } from './types'

/** What a product page needs to be complete; the data-quality report counts the books missing each. */
export const QUALITY_FIELDS = ['cover', 'description', 'toc', 'dimensions', 'price', 'category'] as const
export type QualityField = (typeof QUALITY_FIELDS)[number]

export function missingFields(book: Pick<Book, 'coverUrl' | 'descriptionHtml' | 'toc' | 'dimensions' | 'listPrice' | 'categoryIds'>): QualityField[] {
  const missing: QualityField[] = []
  if (!book.coverUrl) missing.push('cover')
  if (!book.descriptionHtml) missing.push('description')
  if (book.toc.length === 0) missing.push('toc')
  if (!book.dimensions) missing.push('dimensions')
  if (book.listPrice == null) missing.push('price')
  if (book.categoryIds.length === 0) missing.push('category')
  return missing
}

export interface QualitySummary {
  books: number
  missing: Record<QualityField, number>
}

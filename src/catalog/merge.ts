import type { BookInput } from './schema'
import type { Book } from './types'

/** A stored book as the input that would write it again. */
export function bookToInput(book: Book): BookInput {
  // An uploaded cover is not part of a book's record (imports and edits never carry one).
  const { updatedAt: _updatedAt, isbn10: _isbn10, cover: _cover, ...input } = book
  return input
}

const sortedCategories = (ids: string[]) => [...new Set(ids)].sort()

/** True when writing `next` would change nothing the catalog stores. */
export function isSameBook(existing: BookInput, next: BookInput): boolean {
  const a = { ...existing, categoryIds: sortedCategories(existing.categoryIds) }
  const b = { ...next, categoryIds: sortedCategories(next.categoryIds) }
  for (const key of Object.keys(b) as Array<keyof BookInput>) {
    if (JSON.stringify(a[key] ?? null) !== JSON.stringify(b[key] ?? null)) return false
  }
  return true
}

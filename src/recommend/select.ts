import type { BookTable } from './book-table'
import type { Candidates } from './content'
import type { Reason, ReasonKind } from './types'

/** How the parts of a candidate's score add up: behaviour first, content for cold start. */
const REASON_WEIGHTS: Record<ReasonKind, number> = { bought: 1, viewed: 0.5, series: 1, author: 1, category: 1, similar: 1 }

export const MIN_ITEMS = 6
export const MAX_ITEMS = 12
export const MAX_PER_AUTHOR = 3

export interface Pick {
  book: number
  score: number
  reason: Reason
}

/** A candidate's blended score and its reason: the part that gave the most. */
function blend(parts: Partial<Record<ReasonKind, number>> & { categoryId?: string }): { score: number; reason: Reason } {
  let score = 0
  let best: ReasonKind = 'category'
  let bestPart = -1
  for (const kind of Object.keys(REASON_WEIGHTS) as ReasonKind[]) {
    const part = (parts[kind] ?? 0) * REASON_WEIGHTS[kind]
    score += part
    if (part > bestPart) [best, bestPart] = [kind, part]
  }
  return { score, reason: best === 'category' && parts.categoryId ? { kind: best, categoryId: parts.categoryId } : { kind: best } }
}

/**
 * The list for book `i`: best first, never the book itself, a book off sale or
 * another edition of the same work (nor one work twice), at most
 * MAX_PER_AUTHOR by one author, at most MAX_ITEMS.
 */
export function selectList(books: BookTable, i: number, candidates: Candidates): Pick[] {
  const ranked = [...candidates.entries()].map(([book, parts]) => ({ book, ...blend(parts) })).sort((a, b) => b.score - a.score || a.book - b.book)
  const works = new Set([books.workKeys[i]!])
  const perAuthor = new Map<string, number>()
  const picked: Pick[] = []
  for (const c of ranked) {
    if (picked.length >= MAX_ITEMS) break
    const j = c.book
    if (j === i || !books.onSale[j] || works.has(books.workKeys[j]!)) continue
    if (books.authors[j]!.some((a) => (perAuthor.get(a) ?? 0) >= MAX_PER_AUTHOR)) continue
    works.add(books.workKeys[j]!)
    for (const a of books.authors[j]!) perAuthor.set(a, (perAuthor.get(a) ?? 0) + 1)
    picked.push(c)
  }
  return picked
}

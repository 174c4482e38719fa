import { describe, expect, it } from 'vitest'
import type { BookTable } from './book-table'
import { ListRows } from './list-rows'

describe('ListRows', () => {
  it('gives back every row with its rank, reason and category, in batches, past its first capacity', () => {
    const books = { isbns: Array.from({ length: 100_000 }, (_, i) => `b${i}`) } as BookTable
    const rows = new ListRows()
    for (let b = 0; b < 10_000; b++) rows.add(b, Array.from({ length: 12 }, (_, k) => ({ book: b + k + 1, score: 1 - k / 12, reason: k === 0 ? { kind: 'category' as const, categoryId: 'history-world' } : { kind: 'bought' as const } })))
    const batches = [...rows.batches(books, 1000)]
    expect(batches).toHaveLength(120)
    const all = batches.flat()
    expect(all[0]).toEqual({ isbn13: 'b0', rank: 0, recIsbn13: 'b1', reason: { kind: 'category', categoryId: 'history-world' }, score: 1 })
    expect(all[13]).toMatchObject({ isbn13: 'b1', rank: 1, recIsbn13: 'b3', reason: { kind: 'bought' } })
    expect(all.at(-1)).toMatchObject({ isbn13: 'b9999', rank: 11, recIsbn13: 'b10011' })
  })
})

import { describe, expect, it } from 'vitest'
import { bestsellerRows, HALF_LIFE_DAYS, movementOf, POINTS_PER_COPY, SalesTally } from './compute'

const DAY = 86_400_000
const NOW = Date.parse('2026-12-03T12:00:00Z')
const sale = (isbn13: string, daysAgo: number, copies = 1) => ({ isbn13, paidAt: NOW - daysAgo * DAY, copies })

describe('bestseller lists', () => {
  it('ranks by copies in each period and compares with the period before', () => {
    const tally = new SalesTally(NOW)
    // A: 3 copies this week, 1 the week before; B: 2 this week, 5 the week before; C: only the week before.
    for (const s of [sale('A', 1, 3), sale('A', 8), sale('B', 2, 2), sale('B', 9, 5), sale('C', 10, 4)]) tally.add(s)
    const weekly = bestsellerRows(tally, () => ['']).filter((r) => r.period === 'weekly')
    expect(weekly.map((r) => [r.isbn13, r.rank, r.copies, r.previousRank])).toEqual([
      ['A', 1, 3, 3],
      ['B', 2, 2, 1],
    ])
    expect(movementOf(1, 3)).toEqual({ kind: 'up', by: 2 })
    expect(movementOf(2, 1)).toEqual({ kind: 'down', by: 1 })
    expect(movementOf(4, null)).toEqual({ kind: 'new' })
    expect(movementOf(2, 2)).toEqual({ kind: 'same' })
  })

  it('keeps a list per shelf: a book counts on each of its shelves', () => {
    const tally = new SalesTally(NOW)
    for (const s of [sale('A', 0.5, 1), sale('B', 0.5, 2)]) tally.add(s)
    const shelves: Record<string, string[]> = { A: ['', 'history', 'world'], B: ['', 'fiction'] }
    const daily = bestsellerRows(tally, (isbn) => shelves[isbn]!).filter((r) => r.period === 'daily')
    expect(daily.filter((r) => r.categoryId === '').map((r) => r.isbn13)).toEqual(['B', 'A'])
    expect(daily.filter((r) => r.categoryId === 'history').map((r) => [r.isbn13, r.rank])).toEqual([['A', 1]])
    expect(daily.filter((r) => r.categoryId === 'world').map((r) => [r.isbn13, r.rank])).toEqual([['A', 1]])
  })

  it('halves a copy’s index points every 30 days', () => {
    const tally = new SalesTally(NOW)
    tally.add(sale('A', 0, 2))
    tally.add(sale('B', HALF_LIFE_DAYS, 2))
    tally.add(sale('C', 2 * HALF_LIFE_DAYS, 2))
    const index = tally.indexPoints()
    expect(index.get('A')).toBe(2 * POINTS_PER_COPY)
    expect(index.get('B')).toBe(POINTS_PER_COPY)
    expect(index.get('C')).toBe(POINTS_PER_COPY / 2)
  })
})

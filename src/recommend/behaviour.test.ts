import { describe, expect, it } from 'vitest'
import { CoOccurrence } from './behaviour'

const now = Date.parse('2026-11-28T00:00:00Z')
const DAY = 86_400_000

describe('CoOccurrence', () => {
  it('ranks the book bought together most often first', () => {
    const co = new CoOccurrence(4, now)
    const buy = (session: string, book: number, at = now) => co.add({ sessionId: session, isbn13: String(book), kind: 'purchase', at }, book)
    for (const s of ['a', 'b', 'c']) (buy(s, 0), buy(s, 1))
    ;(buy('d', 0), buy('d', 2))
    co.prepare()
    const [first, second] = co.neighboursOf(0, 10)
    expect(first![0]).toBe(1)
    expect(second![0]).toBe(2)
    expect(first![1]).toBeGreaterThan(second![1])
    expect(co.neighboursOf(3, 10)).toEqual([])
    expect(co.neighboursOf(1, 10).map(([j]) => j)).toEqual([0])
    expect(co.popularity[0]).toBe(4)
  })

  it('lets old sessions count less than recent ones', () => {
    const co = new CoOccurrence(3, now)
    const buy = (session: string, book: number, at: number) => co.add({ sessionId: session, isbn13: String(book), kind: 'purchase', at }, book)
    ;(buy('old', 0, now - 720 * DAY), buy('old', 1, now - 720 * DAY))
    ;(buy('new', 0, now), buy('new', 2, now))
    co.prepare()
    expect(co.neighboursOf(0, 10)[0]![0]).toBe(2)
  })
})

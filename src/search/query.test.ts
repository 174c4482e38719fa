import { describe, expect, it } from 'vitest'
import { analyseQuery, MAX_QUERY_CHARS } from './query'

describe('analyseQuery', () => {
  it.each(['9788962633245', '978-89-6263-324-5', '8962633248', 'ISBN 89-6263-324-8'])('reads %s as the seed ISBN', (q) => {
    const a = analyseQuery(q)
    expect(a.isbn).toBe('9788962633245')
    expect(a.pieces).toEqual([{ kind: 'isbn', text: '9788962633245', tokens: ['9788962633245'], isPrefix: false }])
  })

  it('treats digits that fail the check digit as words', () => {
    expect(analyseQuery('9788962633246').isbn).toBeNull()
  })

  it('looks up an ISBN among other words', () => {
    expect(analyseQuery('china 8962633248').pieces.map((p) => p.kind)).toEqual(['word', 'isbn'])
  })

  it('cuts long queries and says so', () => {
    const a = analyseQuery('가'.repeat(10_000))
    expect(a.isTruncated).toBe(true)
    expect([...a.text]).toHaveLength(MAX_QUERY_CHARS)
    expect(analyseQuery('short').isTruncated).toBe(false)
  })
})

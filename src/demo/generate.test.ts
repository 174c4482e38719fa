import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseBookInput } from '../catalog'
import { generatedBook } from './generate'
import { seedBook } from './seed-book'

describe('demo catalog', () => {
  it('generates the same book for the same number', () => {
    expect(generatedBook(42)).toEqual(generatedBook(42))
    expect(generatedBook(42).isbn13).not.toBe(generatedBook(43).isbn13)
  })

  it('generates only books the input schema accepts unchanged in shape', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000_000 }), (n) => {
        const book = generatedBook(n)
        const parsed = parseBookInput(book)
        expect(parsed.isbn13).toBe(book.isbn13)
        expect(parsed.toc).toEqual(book.toc)
        expect(parsed.contributors).toEqual(book.contributors)
      }),
      { numRuns: 200 },
    )
  })

  it('keeps the seed book facts', () => {
    const book = parseBookInput(seedBook)
    expect(book).toMatchObject({ isbn13: '9788962633245', issuedOn: '2025-10-20', pageCount: 368, dimensions: { widthMm: 148, heightMm: 217, thicknessMm: 30 } })
    expect(book.toc.filter((e) => e.kind === 'chapter')).toHaveLength(12)
    expect(book.contributors).toEqual([])
  })
})

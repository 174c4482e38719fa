import { describe, expect, it } from 'vitest'
import { generatedBook } from '../demo'
import { bookChanges, changedFields } from './book-changes'
import { parseBookInput } from './schema'

const book = parseBookInput(generatedBook(7))

describe('changedFields', () => {
  it('names only the fields that differ, with both values', () => {
    const after = { ...book, stock: book.stock! + 1, toc: [...book.toc, { kind: 'back' as const, title: '찾아보기' }], subtitle: null }
    expect(changedFields(book, after)).toEqual([
      ...(book.subtitle === null ? [] : [{ field: 'subtitle', before: book.subtitle, after: null }]),
      { field: 'stock', before: book.stock, after: book.stock! + 1 },
      { field: 'toc', before: book.toc, after: after.toc },
    ].sort((a, b) => Object.keys(book).indexOf(a.field) - Object.keys(book).indexOf(b.field)))
  })

  it('takes category ids as a set and equal copies of lists and objects as no change', () => {
    const copy = structuredClone(book)
    expect(changedFields({ ...book, categoryIds: ['history', 'science'] }, { ...copy, categoryIds: ['science', 'history', 'science'] })).toEqual([])
    expect(changedFields({ ...book, categoryIds: ['history'] }, { ...copy, categoryIds: ['science'] })).toHaveLength(1)
    expect(changedFields({ ...book, dimensions: null }, { ...copy, dimensions: null })).toEqual([])
  })
})

describe('bookChanges', () => {
  it('tells a created book from an updated one', () => {
    const other = parseBookInput(generatedBook(8))
    const changes = bookChanges(new Map([[book.isbn13, book]]), [{ ...book, title: '새 제목' }, other])
    expect(changes).toEqual([
      { isbn13: book.isbn13, change: 'updated', fields: [{ field: 'title', before: book.title, after: '새 제목' }] },
      { isbn13: other.isbn13, change: 'created', fields: [] },
    ])
  })
})

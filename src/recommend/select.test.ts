import { describe, expect, it } from 'vitest'
import type { BookFacts, Isbn13 } from '../catalog'
import { BookTableBuilder } from './book-table'
import type { Candidates } from './content'
import { MAX_ITEMS, selectList } from './select'

function facts(n: number, over: Partial<BookFacts> = {}): BookFacts {
  return {
    isbn13: `97911000${String(n).padStart(5, '0')}` as Isbn13,
    title: `Book ${n}`,
    titleEn: null,
    text: '',
    series: null,
    seriesNumber: null,
    onSale: true,
    issuedOn: '2024-01-01',
    contributors: [{ name: `Author ${n}`, role: 'author' }],
    categoryIds: ['history'],
    ...over,
  }
}

function table(list: BookFacts[]) {
  const b = new BookTableBuilder()
  b.add(list)
  return b.build()
}

const bought = (scores: number[]): Candidates => new Map(scores.map((s, j) => [j, { bought: s }]))

describe('selectList', () => {
  it('never lists the book itself, a book off sale or another edition of the same work', () => {
    const books = table([facts(0), facts(1, { onSale: false }), facts(2, { title: 'Book 0', contributors: [{ name: 'Author 0', role: 'author' }] }), facts(3)])
    expect(selectList(books, 0, bought([1, 0.9, 0.8, 0.7])).map((p) => p.book)).toEqual([3])
  })

  it('lists one work once even when two of its editions are candidates', () => {
    const same = { title: 'Twin', contributors: [{ name: 'A', role: 'author' as const }] }
    const books = table([facts(0), facts(1, same), facts(2, same)])
    expect(selectList(books, 0, bought([0, 0.9, 0.8])).map((p) => p.book)).toEqual([1])
  })

  it('keeps at most three books by one author and at most twelve in all', () => {
    const books = table(Array.from({ length: 30 }, (_, n) => facts(n, n < 10 ? { contributors: [{ name: 'Prolific', role: 'author' }] } : {})))
    const picks = selectList(books, 29, bought(Array.from({ length: 30 }, (_, j) => 1 - j / 100)))
    expect(picks).toHaveLength(MAX_ITEMS)
    expect(picks.filter((p) => p.book < 10)).toHaveLength(3)
  })

  it('gives the reason that contributed most, naming the category', () => {
    const books = table([facts(0), facts(1), facts(2)])
    const candidates: Candidates = new Map([
      [1, { bought: 0.1, series: 0.9 }],
      [2, { category: 0.2, categoryId: 'history' }],
    ])
    expect(selectList(books, 0, candidates).map((p) => p.reason)).toEqual([{ kind: 'series' }, { kind: 'category', categoryId: 'history' }])
  })
})

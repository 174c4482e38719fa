import { describe, expect, it } from 'vitest'
import type { BookFacts, Isbn13 } from '../catalog'
import { BookTableBuilder } from './book-table'
import { ContentIndex, type Candidates } from './content'

function facts(n: number, over: Partial<BookFacts> = {}): BookFacts {
  return {
    isbn13: `97911000${String(n).padStart(5, '0')}` as Isbn13,
    title: `Title ${n}`,
    titleEn: null,
    text: '',
    series: null,
    seriesNumber: null,
    onSale: true,
    issuedOn: `20${String(10 + n).padStart(2, '0')}-01-01`,
    contributors: [{ name: `Author ${n}`, role: 'author' }],
    categoryIds: [`c${n}`],
    ...over,
  }
}

function candidatesOf(list: BookFacts[], i: number): Candidates {
  const b = new BookTableBuilder()
  b.add(list)
  const books = b.build()
  const into: Candidates = new Map()
  new ContentIndex(books, new Float64Array(list.length)).candidates(i, into)
  return into
}

describe('ContentIndex', () => {
  it('scores the next volume of a series above the others', () => {
    const vol = (n: number, no: string) => facts(n, { series: 'Cosmos', seriesNumber: no })
    const got = candidatesOf([vol(0, '2'), vol(1, '1'), vol(2, '3'), vol(3, '5')], 0)
    expect(got.get(2)!.series).toBeGreaterThan(got.get(1)!.series!)
    expect(got.get(1)!.series).toBeGreaterThan(got.get(3)!.series!)
  })

  it('finds books by the same author and in the same category', () => {
    const got = candidatesOf([facts(0, { categoryIds: ['x'] }), facts(1, { contributors: [{ name: 'Author 0', role: 'author' }] }), facts(2, { categoryIds: ['x'] }), facts(3)], 0)
    expect(got.get(1)?.author).toBeGreaterThan(0)
    expect(got.get(2)).toMatchObject({ categoryId: 'x' })
    expect(got.has(3)).toBe(false)
  })

  it('finds books sharing rare words of title and description', () => {
    const list = [facts(0, { text: '<p>Nerchinsk treaty border</p>' }), facts(1, { text: 'The Nerchinsk treaty of 1689' }), ...Array.from({ length: 30 }, (_, n) => facts(n + 2, { text: 'border history' }))]
    const got = candidatesOf(list, 0)
    expect(got.get(1)?.similar).toBeGreaterThan(0)
    expect(got.get(2)?.similar).toBeUndefined()
  })
})

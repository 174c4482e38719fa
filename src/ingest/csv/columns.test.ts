import { describe, expect, it } from 'vitest'
import { bookToCsvCells, csvRowToFields, CSV_COLUMNS, parseContributors } from './columns'

describe('CSV columns', () => {
  it('reads contributors with and without roles', () => {
    expect(parseContributors('한강 (author); Deborah Smith (translator); Anon')).toEqual([
      { name: '한강', role: 'author' },
      { name: 'Deborah Smith', role: 'translator' },
      { name: 'Anon', role: 'author' },
    ])
  })

  it('leaves out absent columns, clears empty cells and flags bad numbers', () => {
    const problems: Array<{ field: string; reason: string }> = []
    const fields = csvRowToFields(new Map([['isbn13', '9791100000014'], ['subtitle', ''], ['page_count', 'many']]), problems)
    expect(fields).toEqual({ isbn13: '9791100000014', subtitle: null, pageCount: NaN })
    expect(problems).toEqual([{ field: 'page_count', reason: '"many" is not a number' }])
  })

  it('writes one cell per column', () => {
    const book = { isbn13: '9791100000014', title: 'T', subtitle: null, originalTitle: null, translations: {}, contributors: [], publisher: null, imprint: null, issuedOn: null, language: null, format: 'paperback', series: null, seriesNumber: null, pageCount: null, weightG: null, dimensions: null, currency: 'KRW', listPrice: null, salePrice: null, stock: 0, onSale: true, descriptionHeadline: null, descriptionHtml: null, toc: [], reviewHtml: null, authorBioHtml: null, coverUrl: null, categoryIds: [], isbn10: null, updatedAt: '' } as const
    expect(bookToCsvCells(book as never)).toHaveLength(CSV_COLUMNS.length)
  })
})

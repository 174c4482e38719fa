import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { bookToCsvCells, csvRowToFields, CSV_COLUMNS, parseContributors } from './columns'
import { csvCell, csvRows } from './rows'

async function rows(chunks: string[]) {
  const out: Array<{ cells: string[]; line: number }> = []
  for await (const r of csvRows(Readable.from(chunks))) out.push(r)
  return out
}

describe('CSV rows', () => {
  it('handles quotes, doubled quotes, commas, CRLF and newlines inside cells, across chunk boundaries', async () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n1,,3'
    const whole = await rows([text])
    expect(whole).toEqual([
      { cells: ['a', 'b', 'c'], line: 1 },
      { cells: ['x, y', 'say "hi"', 'two\nlines'], line: 2 },
      { cells: ['1', '', '3'], line: 4 },
    ])
    expect(await rows(text.split(''))).toEqual(whole)
  })

  it('quotes a cell only when it must, and reads it back', async () => {
    const values = ['plain', 'a,b', 'say "x"', 'line\nbreak', '']
    const [row] = await rows([values.map(csvCell).join(',') + '\n'])
    expect(row!.cells).toEqual(values)
    expect(csvCell('plain')).toBe('plain')
  })
})

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

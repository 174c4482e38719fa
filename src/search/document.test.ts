import { describe, expect, it } from 'vitest'
import { parseBookInput } from '../catalog'
import { seedBook } from '../demo'
import { bookDocument, queryTitleKey, searchBookRow, vocabularyOf } from './document'

const seed = parseBookInput(seedBook)
const names: Record<string, string[]> = { 'history-world': ['세계사', 'World history', '역사', 'History'] }

describe('search document', () => {
  const doc = bookDocument(seed, (id) => names[id] ?? [])

  it('indexes Korean and translated titles, both ISBNs and the initials', () => {
    expect(doc.isbn13).toBe('9788962633245')
    expect(doc.fields.title).toEqual(expect.arrayContaining(['중국', '국과', '러시', '시아', 'china', 'and', 'russia']))
    expect(doc.fields.codes).toEqual(['9788962633245', '8962633248'])
    expect(doc.fields.initials).toEqual(['ㅈㄱ', 'ㄱㄱ', 'ㄱㄹ', 'ㄹㅅ', 'ㅅㅇ', 'ㅇ'])
  })

  it('puts category names in meta and description and contents in body', () => {
    expect(doc.fields.meta).toEqual(expect.arrayContaining(['세계', '계사', 'world', 'history', '역사']))
    expect(doc.fields.body).toEqual(expect.arrayContaining(['nerchinsk', '1689', '열두']))
    expect(doc.fields.body.join(' ')).not.toMatch(/<|&[a-z]+;/)
  })

  it('collects the Latin words for the typo vocabulary', () => {
    expect(vocabularyOf(doc)).toEqual(expect.arrayContaining(['china', 'russia', 'world', 'history']))
    expect(vocabularyOf(doc)).not.toContain('nerchinsk')
  })

  it('gives the row search filters and sorts by, with category ancestors', () => {
    const row = searchBookRow(seed, (id) => (id === 'history-world' ? ['history-world', 'history', 'domestic'] : [id, 'politics', 'domestic']))
    expect(row.book).toMatchObject({ id: 9788962633245, title_key: '중국과 러시아', alt_title_key: 'china and russia', price: 21600, is_available: 1, title_length: 7 })
    expect(row.categoryIds.sort()).toEqual(['domestic', 'history', 'history-world', 'politics', 'politics-international'])
    expect(queryTitleKey('  China  AND Russia ')).toBe('china and russia')
  })
})

import { describe, expect, it } from 'vitest'
import { contentsOf } from './contents'
import type { MarcField } from './field'

const f505 = (ind2: string, ...subfields: Array<[string, string]>): MarcField => ({ tag: '505', ind1: '0', ind2, subfields })

describe('505 contents notes', () => {
  it('reads unnumbered entries as the parts and chapters of the book, not front matter', () => {
    expect(contentsOf([f505(' ', ['a', 'Part one -- Part two : a novel.'])])).toEqual([{ kind: 'part', title: 'Part one' }, { kind: 'part', title: 'Part two : a novel' }])
    expect(contentsOf([f505(' ', ['a', 'The civil war preliminary to an infamous plot.--The exception clause.--Conclusion.--Sherman versus Emery.'])])).toEqual([
      { kind: 'chapter', title: 'The civil war preliminary to an infamous plot' },
      { kind: 'chapter', title: 'The exception clause' },
      { kind: 'chapter', title: 'Conclusion' },
      { kind: 'chapter', title: 'Sherman versus Emery' },
    ])
  })

  it('keeps plain front and back matter as such, in English and Korean, and numbers as numbers', () => {
    expect(contentsOf([f505(' ', ['a', '머리말 -- 1. 시작 -- 봄 -- 제3장 끝 -- 참고문헌 -- 찾아보기'])])).toEqual([
      { kind: 'front', title: '머리말' },
      { kind: 'chapter', number: '1', title: '시작' },
      { kind: 'chapter', title: '봄' },
      { kind: 'chapter', number: '제3장', title: '끝' },
      { kind: 'back', title: '참고문헌' },
      { kind: 'back', title: '찾아보기' },
    ])
    expect(contentsOf([f505(' ', ['a', 'v. 1. From mannerism to romanticism.--v. 2. Victorian and after. -- 1984 revisited -- Civil rights -- IV. Coda'])])).toEqual([
      { kind: 'chapter', number: 'v. 1', title: 'From mannerism to romanticism' },
      { kind: 'chapter', number: 'v. 2', title: 'Victorian and after' },
      { kind: 'chapter', title: '1984 revisited' },
      { kind: 'chapter', title: 'Civil rights' },
      { kind: 'chapter', number: 'IV', title: 'Coda' },
    ])
  })

  it('keeps titles and responsibility apart in an enhanced note, with $g as the number', () => {
    const note = f505('0', ['g', '1.'], ['t', 'Introduction /'], ['r', 'Paul R. Portney --'], ['g', '2.'], ['t', 'Natural resource policy /'], ['r', 'John D. Leshy.'], ['t', 'Index.'])
    expect(contentsOf([note])).toEqual([
      { kind: 'chapter', number: '1', title: 'Introduction / Paul R. Portney' },
      { kind: 'chapter', number: '2', title: 'Natural resource policy / John D. Leshy' },
      { kind: 'back', title: 'Index' },
    ])
  })

  it('splits a note without "--" at its semicolons', () => {
    expect(contentsOf([f505(' ', ['a', 'Abide with me; Absent-minded serenade; Alleluia'])]).map((e) => e.title)).toEqual(['Abide with me', 'Absent-minded serenade', 'Alleluia'])
  })
})

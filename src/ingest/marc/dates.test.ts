import { describe, expect, it } from 'vitest'
import { issuedOf } from './dates'
import type { MarcField } from './field'

const f260 = (c: string): MarcField => ({ tag: '260', ind1: ' ', ind2: ' ', subfields: [['a', 'Bangkok :'], ['b', 'Nanmee,'], ['c', c]] })
const f008 = (date1: string) => `070101s${date1}    th            000 0 tha d`
const year = (c: string, d1 = '    ') => issuedOf(f260(c), f008(d1)).issuedOn

describe('MARC dates', () => {
  it('prefers the Gregorian year in brackets to a Buddhist-era, Persian or Japanese-era one', () => {
    expect(issuedOf(f260('2550 [2007]'), f008('2007'))).toEqual({ issuedOn: '2007', note: '260$c: "2550 [2007]": the year in brackets, not 2550 (another calendar\'s), 2007, kept as the year' })
    expect(year('1386 [2007]')).toBe('2007')
    expect(year('Shōwa 46-47 [1971-1972]')).toBe('1971')
    expect(year('1971 [i.e. 1972]')).toBe('1972')
  })

  it('reads copyright, phonogram, bracketed, probable and ranged years as the year they name', () => {
    expect(['c2005.', 'p1998.', '©2010', '[2003]', '[1968, c1962]', '1894, c1887.', '1955-<1957>', 'c1992-c2002.', '-1997.'].map((c) => year(c))).toEqual([
      '2005', '1998', '2010', '2003', '1968', '1894', '1955', '1992', '1997',
    ])
    expect(issuedOf(f260('[2003?]'), undefined)).toEqual({ issuedOn: '2003', note: '260$c: "[2003?]": a probable year, 2003, kept as the year' })
  })

  it('keeps a month when $c names one', () => {
    expect(['2006년 3월', 'March 2006.', '2006.3.', 'déc. 2006'].map((c) => year(c))).toEqual(['2006-03', '2006-03', '2006-03', '2006-12'])
  })

  it('falls back to 008/07-10 for a decade, a missing $c, or a year in another calendar without its Gregorian twin', () => {
    expect(issuedOf(f260('[199-?]'), f008('199u'))).toEqual({ issuedOn: null, note: '260$c: "[199-?]" names only the decade or century "199-?", and 008/07-10 gives none: no date of issue kept' })
    expect(issuedOf(f260('197-?]'), f008('1975'))).toEqual({ issuedOn: '1975', note: '260$c "197-?]" names only the decade or century "197-?"; the year 1975 taken from 008/07-10' })
    expect(issuedOf(undefined, f008('2001'))).toEqual({ issuedOn: '2001', note: '260$c is missing; the year 2001 taken from 008/07-10' })
    expect(issuedOf(f260('2550.'), f008('2007'))).toEqual({ issuedOn: '2007', note: '260$c: "2550." gives 2550, which is no Gregorian year of this record; 008/07-10 says 2007, kept as the year' })
    expect(issuedOf(undefined, undefined)).toEqual({ issuedOn: null, note: null })
    expect(issuedOf(f260('2550.'), undefined)).toEqual({ issuedOn: null, note: '260$c: "2550." gives 2550, years ahead: a year of another calendar (Buddhist era, Hijri), and 008/07-10 gives none: no date of issue kept' })
  })
})

import { describe, expect, it } from 'vitest'
import { publisherOf, stripIsbd, titleOf } from './isbd'
import type { MarcField } from './field'

const f245 = (...subfields: Array<[string, string]>): MarcField => ({ tag: '245', ind1: '1', ind2: '0', subfields })

describe('ISBD punctuation', () => {
  it('strips the punctuation that ends a subfield and keeps initials, abbreviations and ellipses', () => {
    expect(['Jane Eyre :', 'an autobiography /', 'Penguin,', 'London ;', 'Title =', 'The end.', 'Smith, J.', 'Hist. of art etc.', 'Wait...'].map(stripIsbd)).toEqual([
      'Jane Eyre', 'an autobiography', 'Penguin', 'London', 'Title', 'The end', 'Smith, J.', 'Hist. of art etc.', 'Wait...',
    ])
  })

  it("removes the cataloguer's square brackets around a supplied word, and a bracket a subfield boundary cut in two", () => {
    expect(['[a novel]', '[Hong lou meng] /', '[S.l. :', 's.n.]', 'Title [sic] and more'].map(stripIsbd)).toEqual(['a novel', 'Hong lou meng', 'S.l.', 's.n.', 'Title [sic] and more'])
  })

  it('reads 245 into title and subtitle: the medium apart, a parallel title after " = " not a subtitle', () => {
    expect(titleOf(f245(['a', 'Jane Eyre :'], ['b', '[a novel] /'], ['c', 'Charlotte Brontë.']))).toEqual({ title: 'Jane Eyre', subtitle: 'a novel', medium: null, parallel: null })
    expect(titleOf(f245(['a', 'Loong Boonmee raleuk chat'], ['h', '[videorecording] ='], ['b', 'Uncle Boonmee who can recall his past lives /']))).toEqual({
      title: 'Loong Boonmee raleuk chat', subtitle: null, medium: 'videorecording', parallel: 'Uncle Boonmee who can recall his past lives',
    })
    expect(titleOf(f245(['a', 'Atlas.'], ['n', 'Part 2,'], ['p', 'Asia'], ['h', '[electronic resource] :'], ['b', 'maps /'])).title).toBe('Atlas. Part 2. Asia')
  })

  it('reads "[s.n.]" as no publisher', () => {
    expect([publisherOf('Penguin,'), publisherOf('[s.n.],'), publisherOf('[publisher not identified],'), publisherOf(undefined)]).toEqual(['Penguin', null, null, null])
  })
})

import { describe, expect, it } from 'vitest'
import { CONTRIBUTOR_ROLES } from '../catalog'
import { MARC_RELATORS } from './marc-relators'
import { CODE_LISTS } from './onix/tables.generated'
import { marcRole, ONIX_ROLE_CODES, roleOfOnixCode, roleOfRelatorCode, roleOfTerm } from './roles'

describe('contributor roles', () => {
  it('maps every code of ONIX list 17 to a role, and writes each role back as a code that reads as that role', () => {
    const unmapped = CODE_LISTS[17]!.filter((code) => roleOfOnixCode(code) === null)
    expect(unmapped).toEqual([])
    expect(CODE_LISTS[17]!.length).toBeGreaterThan(120)
    for (const role of CONTRIBUTOR_ROLES) expect(roleOfOnixCode(ONIX_ROLE_CODES[role])).toBe(role)
    expect([roleOfOnixCode('A23'), roleOfOnixCode('A24'), roleOfOnixCode('A15'), roleOfOnixCode('A19'), roleOfOnixCode('E07')]).toEqual(['foreword', 'introduction', 'foreword', 'afterword', 'narrator'])
    expect(roleOfOnixCode('Q42')).toBeNull()
  })

  it('reads MARC relator codes with stray punctuation and case, knows the whole LoC list, and nothing else', () => {
    expect(['aut.', 'AUT', ' trl ', 'edt,', 'ill', 'pht', 'com', 'aui', 'aft', 'nrt', 'wpr'].map(roleOfRelatorCode)).toEqual([
      'author', 'author', 'translator', 'editor', 'illustrator', 'photographer', 'compiler', 'introduction', 'afterword', 'narrator', 'foreword',
    ])
    expect(roleOfRelatorCode('http://id.loc.gov/vocabulary/relators/trl')).toBe('translator')
    expect(['ctb', 'prf', 'bnd', 'fmo'].map(roleOfRelatorCode)).toEqual(['other', 'other', 'other', 'other'])
    expect(Object.keys(MARC_RELATORS).every((code) => roleOfRelatorCode(code) !== null)).toBe(true)
    expect(Object.keys(MARC_RELATORS).length).toBeGreaterThan(290)
    expect(['xyz', '070', ''].map(roleOfRelatorCode)).toEqual([null, null, null])
  })

  it.each([
    ['author.', 'author'], ['ed.', 'editor'], ['eds.', 'editor'], ['editor', 'editor'], ['ill.', 'illustrator'], ['illus.', 'illustrator'],
    ['trans.', 'translator'], ['tr.', 'translator'], ['translator.', 'translator'], ['comp.', 'compiler'], ['compiler', 'compiler'],
    ['trad.', 'translator'], ['traducción', 'translator'], ['traduction', 'translator'], ['ed. lit.', 'editor'], ['a cura di', 'editor'],
    ['Hrsg.', 'editor'], ['Übers.', 'translator'], ['Ill.', 'illustrator'], ['Tł.', 'translator'], ['Oprac.', 'editor'], ['Red.', 'editor'],
    ['пер.', 'translator'], ['ред.', 'editor'], ['сост.', 'compiler'], ['ил.', 'illustrator'],
    ['지음', 'author'], ['저', 'author'], ['글', 'author'], ['옮김', 'translator'], ['역', 'translator'], ['번역', 'translator'], ['그림', 'illustrator'],
    ['엮음', 'editor'], ['편', 'editor'], ['편저', 'editor'], ['감수', 'supervisor'], ['해설', 'commentator'],
    ['著', 'author'], ['訳', 'translator'], ['編', 'editor'], ['絵', 'illustrator'], ['译', 'translator'], ['编', 'editor'], ['绘', 'illustrator'], ['監修', 'supervisor'],
    ['author of introduction, etc.', 'introduction'], ['writer of preface', 'foreword'], ['Author of afterword, colophon, etc.', 'afterword'],
    ['narrator.', 'narrator'], ['[editor]', 'editor'], ['editor and translator', 'editor'], ['ed. & tr.', 'editor'], ['supervisor', 'supervisor'],
    ['producer', 'other'], ['contributor.', 'other'],
  ])('reads the role word "%s" as %s', (term, role) => {
    expect(roleOfTerm(term)).toBe(role)
  })

  it('knows when a word is not a role', () => {
    expect(['Jr.', 'the elder', 'xyz and editor', ''].map(roleOfTerm)).toEqual([null, null, null, null])
  })

  it('prefers the most telling reading of a MARC field, and lists what it could not read', () => {
    expect(marcRole(['aut.'], [], 'other')).toEqual({ role: 'author', unknown: [] })
    expect(marcRole(['ctb'], ['translator.'], 'other')).toEqual({ role: 'translator', unknown: [] })
    expect(marcRole(['070'], ['grand poobah'], 'author')).toEqual({ role: 'other', unknown: ['070', 'grand poobah'] })
    expect(marcRole([], ['ill.', 'gibberish'], 'other')).toEqual({ role: 'illustrator', unknown: ['gibberish'] })
    expect(marcRole([], [], 'author')).toEqual({ role: 'author', unknown: [] })
  })
})

import { describe, expect, it } from 'vitest'
import { marcLanguage } from './language'

const f008 = (lang: string) => `${'020304s2007    ko            000 0 '}${lang} d`

describe('MARC language codes as ONIX code list 74', () => {
  it('keeps a current code from 041 $a, else from 008/35-37, silently', () => {
    const notes: string[] = []
    expect(marcLanguage('kor', undefined, notes)).toBe('kor')
    expect(marcLanguage(undefined, f008('fre'), notes)).toBe('fre')
    expect(marcLanguage('engfre', f008('ger'), notes)).toBe('eng')
    expect(notes).toEqual([])
  })

  it('reads a discontinued MARC code as its successor, and says so', () => {
    const notes: string[] = []
    expect(marcLanguage('ser', undefined, notes)).toBe('srp')
    expect(marcLanguage(undefined, f008('esp'), notes)).toBe('epo')
    expect(marcLanguage('scr', undefined, notes)).toBe('hrv')
    expect(notes).toEqual([
      '041$a: discontinued MARC language code "ser" read as its successor "srp"',
      '008/35-37: discontinued MARC language code "esp" read as its successor "epo"',
      '041$a: discontinued MARC language code "scr" read as its successor "hrv"',
    ])
  })

  it('does not keep a code it cannot map, and says so; blanks say nothing', () => {
    const notes: string[] = []
    expect(marcLanguage('esk', undefined, notes)).toBeNull()
    expect(marcLanguage('xx1', f008('   '), notes)).toBeNull()
    expect(marcLanguage(undefined, f008('|||'), notes)).toBeNull()
    expect(notes).toEqual(['041$a: language code "esk" is in neither the MARC nor the ISO 639-2 list (ONIX code list 74); not kept'])
  })
})

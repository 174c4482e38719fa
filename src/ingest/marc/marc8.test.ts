import { describe, expect, it } from 'vitest'
import { eaccCodePoint, isUtf8NotMarc8, marc8ToUnicode, repairMarc8Delimiters } from './marc8'

/** MARC-8 bytes from strings (each char one byte, as written) and byte values. */
const m8 = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))))
const ESC = '\x1b'
const text = (...parts: Array<string | number[]>) => marc8ToUnicode(m8(...parts)).text

describe('MARC-8 to Unicode', () => {
  it('moves ANSEL diacritics after their letter and composes them', () => {
    // "Dvořák, Antonín" with caron (0xE9) and acute (0xE2) before their letters; "Łódź" with Ł (0xA1).
    expect(text('Dvo', [0xe9], 'rak, Anton', [0xe2], 'in ', [0xa1, 0xe2], 'od', [0xe2], 'z')).toBe('Dvořak, Antonín Łódź')
  })

  it('reads Cyrillic, Greek, Hebrew and Arabic designated into G0, and back to ASCII', () => {
    expect(text(`${ESC}(NmOSKWA${ESC}(B :`)).toBe('Москва :')
    // Greek acute (0x22) comes before its letter: "Όμηρος".
    expect(text(`${ESC}(S"Rojurw${ESC}(B`)).toBe('Όμηρος')
    // Hebrew: the holam (0x45) before the vav it sits on.
    expect(text(`${ESC}(2`, [0x79, 0x6c, 0x45, 0x65, 0x6d], `${ESC}(B.`)).toBe('שלו\u05b9ם.'.normalize('NFC'))
    expect(text(`${ESC}(3`, [0x63, 0x4a, 0x47, 0x48], `${ESC}(B`)).toBe('كتاب')
  })

  it('reads a set designated into G1 from the high bytes, with ASCII in G0 meanwhile', () => {
    // Extended Cyrillic in G1: 0xE3 is Є; then ANSEL is back in G1 (0xE2 acute).
    expect(text(`${ESC})Q`, [0xe3], `vropa ${ESC})E`, [0xe2], 'e')).toBe('Єvropa é')
  })

  it('reads EACC three bytes to a character and a space as one byte', () => {
    expect(text(`${ESC}$1!Pr !EJ!9$${ESC}(B :`)).toBe('紅 樓夢 :')
    expect(text(`${ESC}$1'Pr'EJ'9$${ESC}(B`)).toBe('红楼梦')
    expect(eaccCodePoint(0x21, 0x30, 0x21)).toBe(0x4e00)
  })

  it('reads subscripts, superscripts and Greek symbols until ESC s', () => {
    expect(text(`H${ESC}b2${ESC}sO, E=mc${ESC}p2${ESC}s, ${ESC}ga${ESC}s-rays`)).toBe('H₂O, E=mc², α-rays')
  })

  it('turns numeric character references into their characters, with a waiting diacritic after them', () => {
    expect(text('&#x8ECA;&#x8F2A; ', [0xe2], '&#x03B1;')).toBe('車輪 ά')
    expect(text('AT&T &#;')).toBe('AT&T &#;')
  })

  it('counts characters with no Unicode mapping and shows them as U+FFFD', () => {
    expect(marc8ToUnicode(m8(`${ESC}$1!Pr~~~${ESC}(B`))).toMatchObject({ text: '紅\ufffd', unmapped: 1, invalid: [], repairs: [] })
  })

  it('reads on as ASCII where Greek was left designated over digits and punctuation, and says so', () => {
    const r = marc8ToUnicode(m8(`${ESC}(SJ adru"a 2011 = The agora`))
    expect(r.text).toBe('Η αγορά 2011 = The agora')
    expect(r.repairs).toEqual([expect.stringMatching(/^MARC-8 Basic Greek was left designated .* as if the escape back had been dropped$/)])
  })

  it('names an escape sequence that designates no set and reads on', () => {
    const r = marc8ToUnicode(m8(`a${ESC}(Zb`))
    expect(r.text).toBe('ab')
    expect(r.repairs[0]).toMatch(/ESC \(Z/)
  })

  it('drops a stray ESC that begins no escape sequence, keeping the text after it', () => {
    const r = marc8ToUnicode(m8(`Soci${ESC}t`, [0xe2], `e linn${ESC}enne`))
    expect(r).toMatchObject({ text: 'Socité linnenne', repairs: ['a stray ESC (0x1B) that begins no escape sequence was dropped'] })
  })

  it('tells a record in UTF-8 from one in MARC-8', () => {
    expect(isUtf8NotMarc8(Buffer.from('Société linnéenne', 'utf8'))).toBe(true)
    expect(isUtf8NotMarc8(m8('Soci', [0xe2], 'et', [0xe2], 'e ', [0xc3], ' 2001'))).toBe(false)
    expect(isUtf8NotMarc8(m8('plain ASCII'))).toBe(false)
    expect(isUtf8NotMarc8(Buffer.concat([m8(`${ESC}(N`), Buffer.from('é', 'utf8')]))).toBe(false)
  })

  it('flags bytes that are no MARC-8 at all (undefined ANSEL codes)', () => {
    expect(marc8ToUnicode(m8('a', [0xc9], 'b')).invalid).toEqual([0xc9])
  })
})

describe('subfield delimiters that stood for Cyrillic Э', () => {
  it('puts Э back where a delimiter sits inside open Cyrillic text', () => {
    const field = m8(`  \x1fb${ESC}(N\x1fKSMO${ESC}(B,\x1fc2013.`)
    const { bytes, repaired } = repairMarc8Delimiters(field)
    expect(repaired).toBe(1)
    expect(text([...bytes.subarray(4)])).toBe('Эксмо,\x1fc2013.')
  })

  it('leaves real delimiters alone: after punctuation, after ASCII, or before a subfield that designates its own set', () => {
    for (const field of [`  \x1fa${ESC}(NmOSKWA :\x1fb${ESC}(NbOOK`, `  \x1faMoskva\x1fbEksmo`, `  \x1fa${ESC}(NrOSSIQ\x1fx${ESC}(NiSTORIQ`]) {
      const bytes = m8(field)
      expect(repairMarc8Delimiters(bytes)).toEqual({ bytes, repaired: 0 })
    }
  })
})

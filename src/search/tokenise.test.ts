import { describe, expect, it } from 'vitest'
import { indexTokens, initialsOf, normalise, queryPieces, wellFormed } from './tokenise'

describe('tokeniser', () => {
  it('cuts Hangul into overlapping pairs, across single spaces, ending with the last syllable', () => {
    expect(indexTokens('중국과 러시아')).toEqual(['중국', '국과', '과러', '러시', '시아', '아'])
  })

  it('keeps Latin words and digits whole, folded', () => {
    expect(indexTokens('The Café of Müller, 1898')).toEqual(['the', 'cafe', 'of', 'muller', '1898'])
  })

  it('splits mixed-script words at the script boundary', () => {
    expect(indexTokens('DNA의 역사')).toEqual(['dna', '의역', '역사', '사'])
  })

  it('gives a one-syllable word as itself', () => {
    expect(indexTokens('별')).toEqual(['별'])
  })

  it('reads the initial consonants of Hangul', () => {
    expect(initialsOf('중국과 러시아')).toBe('ㅈㄱㄱ ㄹㅅㅇ')
    expect(initialsOf('Kim 김민서')).toBe('ㄱㅁㅅ')
  })

  it('turns a query into phrases of pairs, a prefix on the last word and on a lone syllable', () => {
    expect(queryPieces('러시아 china')).toEqual([
      { kind: 'cjk', text: '러시아', tokens: ['러시', '시아'], isPrefix: false },
      { kind: 'word', text: 'china', tokens: ['china'], isPrefix: true },
    ])
    expect(queryPieces('중')).toEqual([{ kind: 'cjk', text: '중', tokens: ['중'], isPrefix: true }])
  })

  it('recognises typed initial consonants, which NFKC would otherwise turn into conjoining jamo', () => {
    expect(queryPieces('ㅈㄱ ㄹㅅㅇ').map((p) => [p.kind, p.tokens])).toEqual([
      ['initials', ['ㅈㄱ']],
      ['initials', ['ㄹㅅ', 'ㅅㅇ']],
    ])
  })

  it('drops FTS syntax, control characters and lone surrogates', () => {
    expect(queryPieces('"NEAR(a* -b):c\u0000\ud800').map((p) => p.text)).toEqual(['near', 'a', 'b', 'c'])
    expect(wellFormed('a\udc00b')).toBe('a\ufffdb')
    expect(normalise('ＡＢＣ\u0007')).toBe('abc ')
  })

  it('caps the number of pieces', () => {
    expect(queryPieces('a b c d e f g h i j k l m n o p')).toHaveLength(12)
  })
})

describe('normalise fast path', () => {
  it('gives plain ASCII and Hangul the same result as the full pipeline', async () => {
    const fc = (await import('fast-check')).default
    const full = (t: string) =>
      t.normalize('NFKC').normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC').toLowerCase().replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    const plain = fc.string({ unit: fc.constantFrom(...'abcXYZ 09.,-:ㅎ중국과러시아\n'.replace('ㅎ', '')) })
    fc.assert(
      fc.property(plain, (t) => {
        expect(normalise(t)).toBe(full(t))
      }),
    )
  })
})

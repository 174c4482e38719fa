import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { indexTokens, normalise } from './tokenise'

// The tokeniser as first written, with regular expressions: the one-pass version must cut every text the same way.
const CJK_CHARS = '\\u1100-\\u11ff\\u3040-\\u30ff\\u3131-\\u318e\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7a3\\uf900-\\ufaff'
const CJK = new RegExp(`[${CJK_CHARS}]`, 'u')
const SCRIPT_RUN = new RegExp(`[${CJK_CHARS}]+|[^${CJK_CHARS}]+`, 'gu')
const WORD = /[\p{L}\p{N}]+/gu

function referenceTokens(text: string): string[] {
  const s = normalise(text)
  const out: string[] = []
  let stretch: string[] = []
  const flush = () => {
    for (let i = 0; i + 1 < stretch.length; i++) out.push(stretch[i]! + stretch[i + 1]!)
    if (stretch.length) out.push(stretch[stretch.length - 1]!)
    stretch = []
  }
  let lastEnd = -1
  for (const m of s.matchAll(WORD)) {
    const gapIsSpace = lastEnd >= 0 && /^\s+$/.test(s.slice(lastEnd, m.index))
    let first = true
    for (const part of m[0].match(SCRIPT_RUN) ?? []) {
      const joins = first ? gapIsSpace : true
      first = false
      if (CJK.test(part)) {
        if (!joins) flush()
        stretch.push(...part)
      } else {
        flush()
        out.push(part)
      }
    }
    lastEnd = m.index + m[0].length
  }
  flush()
  return out
}

// Hangul, Han, kana (with the katakana middle dot, which is punctuation), jamo, Latin with accents, Cyrillic,
// digits, astral letters (𝐀, 𠀀 is Han outside the ranges), spaces of several kinds, punctuation, a lone surrogate.
const PIECES = ['중', '국', '과', '러', '시', '아', 'ㄱ', 'ᄀ', '紅', '樓', '夢', '豈', 'か', 'カ', '・', 'ー', 'a', 'B', 'é', 'ß', 'ж', 'Ж', '1', '9', '𝐀', '𠀀', '😀', ' ', '  ', '\n', '\t', '\u3000', '\u00a0', '-', ',', '.', '(', ')', '·', '\u0301', '\ud800', 'ﬁ', 'Ⅸ', '①']
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join(''))

describe('indexTokens', () => {
  it('cuts any text exactly as the regular-expression tokeniser did', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(indexTokens(t)).toEqual(referenceTokens(t))
      }),
      { numRuns: 5000 },
    )
  })

  it('joins a Hangul stretch across a space but not across punctuation', () => {
    expect(indexTokens('가나 다')).toEqual(['가나', '나다', '다'])
    expect(indexTokens('가나, 다')).toEqual(['가나', '나', '다'])
    expect(indexTokens('가 abc 나')).toEqual(['가', 'abc', '나'])
  })
})

import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { clipText, generatedCoverSvg } from './cover'
import type { Isbn13 } from './isbn'

const isbn13 = '9788962633245' as Isbn13
const graphemes = (s: string) => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s)].map((g) => g.segment)

describe('generated covers', () => {
  it('cut a long name at a grapheme boundary, with an ellipsis', () => {
    // 24 UTF-16 units used to end inside the emoji's surrogate pair and the decomposed é.
    const name = 'Jose\u0301 Saramago 👩‍👩‍👧‍👦 and friends'
    const svg = generatedCoverSvg({ isbn13, title: 'T', contributor: name })
    const shown = /opacity=".85">([^<]*)</.exec(svg)![1]!
    expect(shown.endsWith('…')).toBe(true)
    expect(name.startsWith(shown.slice(0, -1).trimEnd())).toBe(true)
    expect(shown).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/)
  })

  it('count Hangul double: a Korean name of eleven syllables fits, twelve are cut', () => {
    expect(clipText('가나다라마바사아자차카', 22)).toBe('가나다라마바사아자차카')
    expect(clipText('가나다라마바사아자차카타', 22)).toBe('가나다라마바사아자차…')
  })

  it('end a title cut after five lines with an ellipsis, never inside a character', () => {
    const svg = generatedCoverSvg({ isbn13, title: 'one two three four five six seven eight nine ten eleven twelve thirteen 😀😀', contributor: 'A' })
    expect(svg).toContain('…</tspan>')
  })

  it('property: a clipped text is whole graphemes of the text, then an ellipsis, and no wider than asked', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.integer({ min: 2, max: 30 }), (text, max) => {
      const out = clipText(text, max)
      if (out === text) return
      expect(out.endsWith('…')).toBe(true)
      const kept = graphemes(out.slice(0, -1))
      expect(graphemes(text).slice(0, kept.length).join('').trimEnd()).toBe(kept.join(''))
    }))
  })
})

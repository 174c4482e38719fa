import { describe, expect, it } from 'vitest'
import { highlight } from './highlight'
import { queryPieces } from './tokenise'
import { isTypoCandidate, oneEditAway } from './typos'

describe('typo neighbours', () => {
  it('include deletions, swaps, replacements and insertions, not the word itself', () => {
    const near = oneEditAway('libary')
    for (const w of ['library', 'libar', 'ilbary', 'lobary']) expect(near).toContain(w)
    expect(near).not.toContain('libary')
  })

  it('apply only to Latin words of five letters or more', () => {
    expect(isTypoCandidate('china')).toBe(true)
    expect(isTypoCandidate('chin')).toBe(false)
    expect(isTypoCandidate('러시아러시아')).toBe(false)
  })
})

describe('highlight', () => {
  it('marks the matched parts of Korean and folded Latin text', () => {
    expect(highlight('중국과 러시아', queryPieces('러시아'))).toEqual([
      { text: '중국과 ', isMatch: false },
      { text: '러시아', isMatch: true },
    ])
    expect(highlight('Anna Müller', queryPieces('muller'))).toEqual([
      { text: 'Anna ', isMatch: false },
      { text: 'Müller', isMatch: true },
    ])
  })
})

import { describe, expect, it } from 'vitest'
import { jamoVariants } from './jamo'

describe('jamo variants', () => {
  it('swaps a vowel or consonant for one said alike, one syllable at a time', () => {
    expect(jamoVariants('리엑트')).toContain('리액트')
    expect(jamoVariants('타입스크립드')).toContain('타입스크립트')
    expect(jamoVariants('갇')).toContain('갓')
    // Only one syllable changes in each.
    expect(jamoVariants('리엑트').every((v) => [...v].filter((c, i) => c !== [...'리엑트'][i]).length === 1)).toBe(true)
  })

  it('leaves what is not a Hangul syllable alone', () => {
    expect(jamoVariants('abc')).toEqual([])
    expect(jamoVariants('ㄹㅇ')).toEqual([])
  })
})

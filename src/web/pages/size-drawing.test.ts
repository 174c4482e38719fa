import { describe, expect, it } from 'vitest'
import { pageContext } from './context'
import { sizeComparison, sizeDrawing } from './size-drawing'

const ctx = (lang: 'ko' | 'en') => pageContext({ lang, explicit: false }, '', '/', () => 'token')

describe('a book drawn to scale', () => {
  it("compares the seed book (148 × 217 × 30 mm) with A5, and says so in words", () => {
    expect(sizeComparison('en', { widthMm: 148, heightMm: 217 })).toBe('a little larger than A5')
    expect(sizeComparison('en', { widthMm: 148, heightMm: 210 })).toBe('about the size of A5')
    expect(sizeComparison('en', { widthMm: 100, heightMm: 140 })).toBe('a little smaller than A6 (pocket size)')
    expect(sizeComparison('ko', { widthMm: 152, heightMm: 225 })).toBe('신국판 크기와 거의 같음')
    const drawing = sizeDrawing(ctx('en'), { widthMm: 148, heightMm: 217, thicknessMm: 30 }).value
    // One unit is one millimetre: the sheet is 210 wide, the front 148, the spine 30, all 217 or 297 tall.
    expect(drawing).toContain('width="210" height="297"')
    expect(drawing).toContain('width="148" height="217"')
    expect(drawing).toContain('width="30" height="217"')
    expect(drawing).toContain('148 × 217 mm, 30 mm thick: a little larger than A5.')
  })

  it('draws nothing for a book without dimensions, and no spine without a thickness', () => {
    expect(sizeDrawing(ctx('ko'), null).value).toBe('')
    const flat = sizeDrawing(ctx('ko'), { widthMm: 128, heightMm: 188, thicknessMm: null }).value
    expect(flat).not.toContain('class="spine"')
    expect(flat).toContain('가로 128mm, 세로 188mm: 사륙판 크기와 거의 같음')
  })
})

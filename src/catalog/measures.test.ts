import { describe, expect, it } from 'vitest'
import { formatDimensions, parsePhysicalSpec } from './measures'

describe('parsePhysicalSpec', () => {
  it('reads the seed page line into page count and size', () => {
    expect(parsePhysicalSpec('368 pages | 148*217*30mm')).toEqual({
      pageCount: 368,
      weightG: null,
      dimensions: { widthMm: 148, heightMm: 217, thicknessMm: 30 },
    })
  })

  it('reads Korean units, weights and centimetres', () => {
    expect(parsePhysicalSpec('1,024쪽 | 0.52kg | 15.2x22.5x3.1cm')).toEqual({
      pageCount: 1024,
      weightG: 520,
      dimensions: { widthMm: 152, heightMm: 225, thicknessMm: 31 },
    })
  })

  it('round-trips the size through formatDimensions', () => {
    const { dimensions } = parsePhysicalSpec('148*217*30mm')
    expect(formatDimensions(dimensions!)).toBe('148*217*30mm')
  })

  it('names the part it cannot read', () => {
    expect(() => parsePhysicalSpec('368 pages | heavy')).toThrow(/"heavy"/)
  })
})

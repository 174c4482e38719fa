import { describe, expect, it } from 'vitest'
import { datePrecision, isComingSoon } from './issued'

describe('date of issue', () => {
  it('keeps the precision of a year, a month or a day, and refuses dates that do not exist', () => {
    expect(['2006', '2006-03', '2006-03-14', '2024-02-29'].map(datePrecision)).toEqual(['year', 'month', 'day', 'day'])
    expect(['2006-13', '2006-00', '2023-02-29', '2006-3', '06', '2006-03-14T00:00', '0000'].map(datePrecision)).toEqual([null, null, null, null, null, null, null])
  })

  it('a year or month that has begun is not coming soon; a date within two years is; one further out is a misread, not a pre-order', () => {
    const today = '2026-05-10'
    expect(isComingSoon('2026', today)).toBe(false)
    expect(isComingSoon('2026-05', today)).toBe(false)
    expect(isComingSoon('2026-06', today)).toBe(true)
    expect(isComingSoon('2026-05-11', today)).toBe(true)
    expect(isComingSoon('2027', today)).toBe(true)
    expect(isComingSoon('2028-05-10', today)).toBe(true)
    expect(isComingSoon('2028-05-11', today)).toBe(false)
    expect(isComingSoon('2550', today)).toBe(false)
    expect(isComingSoon(null, today)).toBe(false)
  })
})

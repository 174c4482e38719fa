import { describe, expect, it } from 'vitest'
import { formatDate, formatMoney, pickLang } from './i18n'

describe('i18n', () => {
  it('picks the language from the query, then Accept-Language, else Korean', () => {
    expect(pickLang('en', 'ko-KR')).toBe('en')
    expect(pickLang(undefined, 'en-US,en;q=0.9')).toBe('en')
    expect(pickLang(undefined, 'fr-FR,ko;q=0.8')).toBe('ko')
    expect(pickLang('xx', undefined)).toBe('ko')
  })

  it('formats dates and prices for each language', () => {
    expect(formatDate('ko', '2025-10-20')).toBe('2025년 10월 20일')
    expect(formatDate('en', '2025-10-20')).toBe('October 20, 2025')
    expect(formatMoney('ko', 21600, 'KRW')).toBe('21,600원')
    expect(formatMoney('en', 21600, 'KRW')).toBe('₩21,600')
    expect(formatMoney('en', 1999, 'USD')).toBe('$19.99')
  })
})

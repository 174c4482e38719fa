import { describe, expect, it } from 'vitest'
import { readPriceAmount } from './price-amount'

describe('ONIX price amounts', () => {
  it('reads the standard decimal exactly, in minor units', () => {
    expect(readPriceAmount('30.80', 2, 'EUR')).toEqual({ minor: 3080, reading: null })
    expect(readPriceAmount('0.29', 2, 'USD')).toEqual({ minor: 29, reading: null })
    expect(readPriceAmount('12000', 0, 'KRW')).toEqual({ minor: 12000, reading: null })
    expect(readPriceAmount('12000.00', 0, 'KRW')).toEqual({ minor: 12000, reading: null })
  })

  it('reads a comma where only one meaning is possible for the currency', () => {
    expect(readPriceAmount('30,80', 2, 'EUR')).toEqual({ minor: 3080, reading: 'a decimal comma' })
    expect(readPriceAmount('12,5', 2, 'CHF')).toEqual({ minor: 1250, reading: 'a decimal comma' })
    expect(readPriceAmount('12,000', 0, 'KRW')).toEqual({ minor: 12000, reading: 'commas as thousands separators' })
    expect(readPriceAmount('1,234,567', 2, 'USD')).toEqual({ minor: 123456700, reading: 'commas as thousands separators' })
    expect(readPriceAmount('1,234.50', 2, 'USD')).toEqual({ minor: 123450, reading: 'commas as thousands separators' })
    expect(readPriceAmount('1.234,56', 2, 'EUR')).toEqual({ minor: 123456, reading: 'dots as thousands separators and a decimal comma' })
  })

  it('refuses what could mean two amounts, or more than the currency can hold', () => {
    expect(readPriceAmount('1,234', 2, 'USD')).toEqual({ reason: expect.stringMatching(/could be thousands or a decimal comma/) })
    expect(readPriceAmount('30,80', 0, 'KRW')).toEqual({ reason: expect.stringMatching(/is not an amount/) })
    expect(readPriceAmount('9.999', 2, 'USD')).toEqual({ reason: '"9.999" has more decimals than USD has (2)' })
    expect(readPriceAmount('30,8O', 2, 'EUR')).toEqual({ reason: expect.stringMatching(/is not an amount/) })
    expect(readPriceAmount('-5', 2, 'EUR')).toEqual({ reason: expect.stringMatching(/is not an amount/) })
  })
})

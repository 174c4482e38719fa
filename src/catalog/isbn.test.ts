import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { InputError } from '../core/errors'
import { hyphenate, isbn10Of, isbn13FromPrefix, parseIsbn } from './isbn'

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''))

function isbn10With(body9: string): string {
  let sum = 0
  for (let i = 0; i < 9; i++) sum += Number(body9[i]) * (10 - i)
  const c = (11 - (sum % 11)) % 11
  return body9 + (c === 10 ? 'X' : String(c))
}

describe('ISBN', () => {
  it('reads the seed book in every form people write it', () => {
    for (const form of ['9788962633245', '978-89-6263-324-5', '978 89 6263 324 5', '8962633248', '89-6263-324-8', 'ISBN 978-89-6263-324-5']) {
      expect(parseIsbn(form)).toBe('9788962633245')
    }
  })

  it('derives the ISBN-10 of a 978 ISBN and none for 979', () => {
    expect(isbn10Of(parseIsbn('9788962633245'))).toBe('8962633248')
    expect(isbn10Of(isbn13FromPrefix('979119000000'))).toBeNull()
  })

  it('hyphenates by the official ranges', () => {
    expect(hyphenate(parseIsbn('9788962633245'))).toEqual({ isbn13h: '978-89-6263-324-5', isbn10h: '89-6263-324-8' })
  })

  it.each([
    ['9788962633246', /check digit/],
    ['8962633249', /check digit/],
    ['97889626332', /11 characters/],
    ['97889626332AB', /other than digits/],
    ['1234567890123', /978 or 979/],
    ['', /empty/],
  ])('rejects %s with a reason', (raw, reason) => {
    expect(() => parseIsbn(raw)).toThrow(InputError)
    expect(() => parseIsbn(raw)).toThrow(reason)
  })

  it('round-trips every valid ISBN-10 through ISBN-13', () => {
    fc.assert(
      fc.property(digits(9), (body) => {
        const isbn10 = isbn10With(body)
        const isbn13 = parseIsbn(isbn10)
        expect(isbn13).toMatch(/^978\d{10}$/)
        expect(isbn10Of(isbn13)).toBe(isbn10)
      }),
    )
  })

  it('rejects any single-digit change to a valid ISBN-13', () => {
    fc.assert(
      fc.property(digits(9), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 9 }), (body, pos, delta) => {
        const valid = isbn13FromPrefix('978' + body)
        const changed = valid.slice(0, pos) + ((Number(valid[pos]) + delta) % 10) + valid.slice(pos + 1)
        if (!changed.startsWith('978') && !changed.startsWith('979')) return
        expect(() => parseIsbn(changed)).toThrow(/check digit/)
      }),
    )
  })
})

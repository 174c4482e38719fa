import ISBN from 'isbn3'
import { InputError } from '../core/errors'

export type Isbn13 = string & { readonly __brand: 'Isbn13' }

function isbn13CheckDigit(first12: string): string {
  // Weights alternate 1 and 3; the check digit brings the total to a multiple of 10.
  let sum = 0
  for (let i = 0; i < 12; i++) sum += (first12.charCodeAt(i) - 48) * (i % 2 ? 3 : 1)
  return String((10 - (sum % 10)) % 10)
}

function isbn10CheckDigit(first9: string): string {
  // Weights 10 down to 2; the check digit makes the total divisible by 11 ("X" for 10).
  let sum = 0
  for (let i = 0; i < 9; i++) sum += (first9.charCodeAt(i) - 48) * (10 - i)
  const check = (11 - (sum % 11)) % 11
  return check === 10 ? 'X' : String(check)
}

/** Strips the separators people and feeds put in ISBNs: hyphens, spaces, and a leading "ISBN". */
export function compactIsbn(raw: string): string {
  return raw.trim().replace(/^isbn(?:-1[03])?:?\s*/i, '').replace(/[\s\-‐‑–]/g, '').toUpperCase()
}

/**
 * Accepts an ISBN-10 or ISBN-13 in any common form and returns the canonical
 * ISBN-13, or throws an InputError saying exactly what is wrong with it.
 */
export function parseIsbn(raw: string, field = 'isbn'): Isbn13 {
  const s = compactIsbn(raw)
  if (s.length === 0) throw new InputError(field, 'is empty; expected an ISBN-10 or ISBN-13', { code: 'isbn_empty' })
  if (s.length === 13) {
    if (!/^\d{13}$/.test(s)) throw new InputError(field, `"${raw}" has characters other than digits`, { code: 'isbn_characters', params: { value: raw } })
    if (!/^97[89]/.test(s)) throw new InputError(field, `"${raw}" does not start with 978 or 979`, { code: 'isbn_prefix', params: { value: raw } })
    if (isbn13CheckDigit(s) !== s[12]) {
      throw new InputError(field, `check digit of "${raw}" is wrong (expected ${isbn13CheckDigit(s)})`, { code: 'isbn_check_digit', params: { value: raw, expected: isbn13CheckDigit(s) } })
    }
    return s as Isbn13
  }
  if (s.length === 10) {
    if (!/^\d{9}[\dX]$/.test(s)) throw new InputError(field, `"${raw}" has characters other than digits and a final X`, { code: 'isbn_characters', params: { value: raw } })
    if (isbn10CheckDigit(s) !== s[9]) {
      throw new InputError(field, `check digit of "${raw}" is wrong (expected ${isbn10CheckDigit(s)})`, { code: 'isbn_check_digit', params: { value: raw, expected: isbn10CheckDigit(s) } })
    }
    const body = '978' + s.slice(0, 9)
    return (body + isbn13CheckDigit(body)) as Isbn13
  }
  throw new InputError(field, `"${raw}" has ${s.length} characters; expected 10 or 13 digits`, { code: 'isbn_length', params: { value: raw, length: s.length } })
}

/** True when the string is a valid ISBN in any form. */
export function isIsbn(raw: string): boolean {
  try {
    parseIsbn(raw)
    return true
  } catch {
    return false
  }
}

/** The ISBN-10 of a 978-prefixed ISBN-13; 979 ISBNs have none. */
export function isbn10Of(isbn13: Isbn13): string | null {
  if (!isbn13.startsWith('978')) return null
  const body = isbn13.slice(3, 12)
  return body + isbn10CheckDigit(body)
}

/** Completes 12 digits into a valid ISBN-13 (used by generators and tests). */
export function isbn13FromPrefix(first12: string): Isbn13 {
  if (!/^97[89]\d{9}$/.test(first12)) throw new InputError('isbn', `expected 12 digits starting 978/979, got "${first12}"`)
  return (first12 + isbn13CheckDigit(first12)) as Isbn13
}

const hyphenCache = new Map<string, { isbn13h: string; isbn10h: string | null }>()

/**
 * Hyphenated forms by the International ISBN Agency's range data (isbn3).
 * An ISBN in a range the data does not know stays unhyphenated.
 */
export function hyphenate(isbn13: Isbn13): { isbn13h: string; isbn10h: string | null } {
  let hit = hyphenCache.get(isbn13)
  if (!hit) {
    const parsed = ISBN.parse(isbn13)
    hit = parsed ? { isbn13h: parsed.isbn13h, isbn10h: parsed.isbn10h ?? null } : { isbn13h: isbn13, isbn10h: isbn10Of(isbn13) }
    if (hyphenCache.size > 50_000) hyphenCache.clear()
    hyphenCache.set(isbn13, hit)
  }
  return hit
}

import { describe, expect, it } from 'vitest'
import { readIsbn } from './isbn'
import type { MarcField } from './field'

const f020 = (...subfields: Array<[string, string]>): MarcField => ({ tag: '020', ind1: ' ', ind2: ' ', subfields })

describe('020 ISBNs', () => {
  it('takes the ISBN past a trailing colon, a qualifier in brackets with or without a space, and hyphens', () => {
    expect(readIsbn([f020(['a', '0306406152 :'], ['c', '$35.99'])])).toMatchObject({ isbn: '0306406152', qualifiers: [], problem: null, notes: [] })
    expect(readIsbn([f020(['a', '0306406152(v. 1)'])])).toMatchObject({ isbn: '0306406152', qualifiers: ['v. 1'] })
    expect(readIsbn([f020(['a', '9780306406157 (pbk.)'])])).toMatchObject({ isbn: '9780306406157', qualifiers: ['pbk.'] })
    expect(readIsbn([f020(['a', '978-0-306-40615-7 (pbk.) (v. 1) :'])])).toMatchObject({ isbn: '9780306406157', qualifiers: ['pbk.', 'v. 1'] })
    expect(readIsbn([f020(['a', '9780306406157'], ['q', 'hardcover'])])).toMatchObject({ isbn: '9780306406157', qualifiers: ['hardcover'] })
  })

  it("notes the qualifier, another edition's ISBN and the cancelled ones of $z; the same ISBN as 10 and 13 is one", () => {
    const r = readIsbn([f020(['a', '9780415782654 (hardback)']), f020(['a', '0415782651']), f020(['a', '9780203112021 (ebook)']), f020(['z', '3777000008 (German ed.):'])])
    expect(r.isbn).toBe('9780415782654')
    expect(r.notes).toEqual([
      '020$a: "9780415782654 (hardback)" read as ISBN 9780415782654 with the qualifier "hardback"',
      '020$a: the record also names ISBN 9780203112021 (ebook), another edition; not imported from this record',
      '020$z: cancelled or invalid ISBN 3777000008 (German ed.) listed in the record; not imported',
    ])
  })

  it('passes over an invalid $a for a valid one, and hands on an invalid one alone so the pipeline rejects it for its reason', () => {
    const r = readIsbn([f020(['a', '0306406153 (pbk.)']), f020(['a', '0306406152'])])
    expect(r.isbn).toBe('0306406152')
    expect(r.notes).toEqual(['020$a: "0306406153 (pbk.)" passed over: check digit of "0306406153" is wrong (expected 2)'])
    expect(readIsbn([f020(['a', '0306406153'])])).toMatchObject({ isbn: '0306406153', problem: null })
  })

  it('rejects a record without an ISBN, naming the cancelled ones when that is all 020 has', () => {
    expect(readIsbn([]).problem).toEqual({ field: '020$a', reason: 'no ISBN in the record; Colophon files books by ISBN' })
    expect(readIsbn([f020(['z', '9789981591572'])]).problem?.reason).toBe('no valid ISBN in 020$a; 020$z lists only cancelled or invalid ones (9789981591572); Colophon files books by ISBN')
    expect(readIsbn([f020(['c', 'Rs20.00'])]).isbn).toBeNull()
  })
})

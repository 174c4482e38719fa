import { describe, expect, it } from 'vitest'
import { fts5Query } from './text-index'

describe('fts5Query', () => {
  it('quotes every token, so no query text is read as FTS5 syntax', () => {
    expect(
      fts5Query({
        terms: [
          { alternatives: [{ tokens: ['러시', '시아'], isPrefix: false }] },
          { alternatives: [{ tokens: ['near'], isPrefix: true }, { tokens: ['nead"'], isPrefix: false }] },
        ],
      }),
    ).toBe('"러시 시아" AND ("near"* OR "nead""")')
  })

  it('limits the match to the given columns', () => {
    expect(fts5Query({ terms: [{ alternatives: [{ tokens: ['중'], isPrefix: true }] }], fields: ['title', 'initials'] })).toBe('{title initials} : ("중"*)')
  })
})

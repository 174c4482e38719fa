import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { pageKey } from './page-response'

describe('pageKey', () => {
  it('gives a plain path the same key a parsed URL gives it', () => {
    fc.assert(
      fc.property(fc.webPath(), (path) => {
        const p = path.startsWith('/') ? path : `/${path}`
        // The fast path sees the raw request target; the app sees it appended to the origin.
        expect(pageKey('ko', p)).toBe(pageKey('ko', `http://localhost:3000${p}`))
      }),
    )
  })

  it('ignores the lang parameter but keeps the others', () => {
    expect(pageKey('en', '/categories/history?page=2&lang=en')).toBe('en/categories/history?page=2')
    expect(pageKey('en', '/books/9788962633245?lang=en')).toBe('en/books/9788962633245')
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { pageKey, requestLang } from './page-response'

const KO = { lang: 'ko', explicit: false } as const
const EN = { lang: 'en', explicit: true } as const

describe('pageKey', () => {
  it('gives a plain path the same key a parsed URL gives it', () => {
    fc.assert(
      fc.property(fc.webPath(), (path) => {
        const p = path.startsWith('/') ? path : `/${path}`
        // The fast path sees the raw request target; the app sees it appended to the origin.
        expect(pageKey(KO, p)).toBe(pageKey(KO, `http://localhost:3000${p}`))
      }),
    )
  })

  it('ignores the lang parameter but keeps the others', () => {
    expect(pageKey(EN, '/categories/history?page=2&lang=en')).toBe('en!/categories/history?page=2')
    expect(pageKey(EN, '/books/9788962633245?lang=en')).toBe('en!/books/9788962633245')
  })

  it('reads the language from the URL alone: ?lang=, else Korean', () => {
    expect(requestLang('/books/1?lang=en')).toEqual(EN)
    expect(requestLang('/books/1?page=2&lang=ko')).toEqual({ lang: 'ko', explicit: true })
    expect(requestLang('/books/1?lang=english')).toEqual(KO)
    expect(requestLang('/books/1?xlang=en')).toEqual(KO)
    expect(requestLang('/books/1')).toEqual(KO)
  })
})

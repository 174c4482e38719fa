import { describe, expect, it } from 'vitest'
import { isHome, newSessionId, productIsbn, sessionCookie, sessionFromCookie, withSessionCookie } from './session'

describe('session cookie', () => {
  it('reads the id among other cookies and ignores malformed ones', () => {
    const id = newSessionId()
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(sessionFromCookie(`a=1; sid=${id}; b=2`)).toBe(id)
    expect(sessionFromCookie(`sid=${id}`)).toBe(id)
    expect(sessionFromCookie('sid=short')).toBeUndefined()
    expect(sessionFromCookie(`xsid=${id}`)).toBeUndefined()
    expect(sessionFromCookie(undefined)).toBeUndefined()
  })

  it('is HttpOnly and SameSite=Lax, Secure only over TLS', () => {
    expect(sessionCookie('x', false)).toMatch(/HttpOnly; SameSite=Lax$/)
    expect(sessionCookie('x', true)).toMatch(/; Secure$/)
  })

  it('makes a cached answer private when it carries a new cookie, leaving the cached list alone', () => {
    const cached = ['content-type', 'text/html', 'cache-control', 'no-cache']
    expect(withSessionCookie(cached, 'sid=x')).toEqual(['content-type', 'text/html', 'cache-control', 'private, no-cache', 'set-cookie', 'sid=x'])
    expect(cached).toHaveLength(4)
  })

  it('knows product and home URLs', () => {
    expect(productIsbn('/books/9788962633245')).toBe('9788962633245')
    expect(productIsbn('/books/9788962633245?lang=en')).toBe('9788962633245')
    expect(productIsbn('/books/978-89-6263-324-5')).toBeUndefined()
    expect(productIsbn('/books/97889626332451')).toBeUndefined()
    expect(productIsbn('/covers/9788962633245.svg')).toBeUndefined()
    expect(isHome('/')).toBe(true)
    expect(isHome('/?lang=en')).toBe(true)
    expect(isHome('/cart')).toBe(false)
  })
})

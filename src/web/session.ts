import { randomBytes } from 'node:crypto'

const SESSION_COOKIE = /(?:^|;\s*)sid=([A-Za-z0-9_-]{22})(?=;|$)/

/** The opaque session id a request carries in its `sid` cookie: 16 random bytes, nothing personal. */
export function sessionFromCookie(cookie: string | undefined): string | undefined {
  return cookie ? SESSION_COOKIE.exec(cookie)?.[1] : undefined
}

export function newSessionId(): string {
  return randomBytes(16).toString('base64url')
}

/** HttpOnly (no script reads it) and SameSite=Lax (no other site's form posts with it); kept a year. */
export function sessionCookie(id: string, isSecure: boolean): string {
  return `sid=${id}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax${isSecure ? '; Secure' : ''}`
}

/** The ISBN of a product page URL (/books/979…), or undefined for any other URL. */
export function productIsbn(url: string): string | undefined {
  if (!url.startsWith('/books/')) return undefined
  const isbn = url.slice(7, 20)
  const end = url[20]
  return /^\d{13}$/.test(isbn) && (end === undefined || end === '?' || end === '#') ? isbn : undefined
}

export function isHome(url: string): boolean {
  return url === '/' || url.startsWith('/?')
}

/**
 * A cached page's flat header list plus a new session cookie. The answer
 * becomes private: a shared cache must never hand one shopper's cookie to another.
 */
export function withSessionCookie(headers: string[], cookie: string): string[] {
  const out = headers.map((v, i) => (i % 2 === 1 && headers[i - 1] === 'cache-control' ? `private, ${v}` : v))
  out.push('set-cookie', cookie)
  return out
}

import type { Context } from 'hono'

/**
 * The origin for documents that must carry absolute URLs (sitemaps,
 * robots.txt, OPDS). The configured public URL when there is one; else the
 * request's own, and then the answer may be kept by the client alone, since
 * a Host header is whatever the client says it is.
 */
export function feedOrigin(c: Context, publicUrl: string | undefined, maxAge: number): { origin: string; cacheControl: string } {
  if (publicUrl) return { origin: publicUrl, cacheControl: `public, max-age=${maxAge}` }
  return { origin: new URL(c.req.url).origin, cacheControl: `private, max-age=${maxAge}` }
}

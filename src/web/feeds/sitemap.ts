import { Hono } from 'hono'
import { coverFileName, type CatalogService } from '../../catalog'
import { NotFoundError } from '../../core/errors'
import { feedOrigin } from './origin'

/** The sitemap protocol allows 50,000 URLs per file. */
const PER_FILE = 50_000

const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n${body}`
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')

/**
 * robots.txt and sitemaps for search engines: a sitemap index, one file of
 * category pages and one file per 50,000 books, each book with its Korean
 * and English URLs linked as alternates, when it last changed, and its cover
 * as an image sitemap entry.
 */
export const sitemapRoutes = ({ catalog, publicUrl }: { catalog: CatalogService; publicUrl?: string }) =>
  new Hono()
    .get('/robots.txt', (c) => {
      const { origin, cacheControl } = feedOrigin(c, publicUrl, 86400)
      return c.text(`User-agent: *\nDisallow: /api/\nDisallow: /cart\nDisallow: /admin\nSitemap: ${origin}/sitemap.xml\n`, 200, { 'Cache-Control': cacheControl })
    })
    .get('/sitemap.xml', async (c) => {
      const { origin, cacheControl } = feedOrigin(c, publicUrl, 3600)
      const files = Math.max(1, Math.ceil((await catalog.countBooks()) / PER_FILE))
      const entries = [`${origin}/sitemaps/categories.xml`, ...Array.from({ length: files }, (_, i) => `${origin}/sitemaps/books-${i + 1}.xml`)]
      c.header('Content-Type', 'application/xml; charset=utf-8')
      c.header('Cache-Control', cacheControl)
      return c.body(xml(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries.map((u) => `<sitemap><loc>${esc(u)}</loc></sitemap>`).join('')}</sitemapindex>`))
    })
    .get('/sitemaps/categories.xml', async (c) => {
      const { origin, cacheControl } = feedOrigin(c, publicUrl, 3600)
      const tree = await catalog.categories()
      const ids: string[] = []
      const walk = (nodes: typeof tree.roots) => nodes.forEach((n) => (ids.push(n.id), walk(n.children)))
      walk(tree.roots)
      c.header('Content-Type', 'application/xml; charset=utf-8')
      c.header('Cache-Control', cacheControl)
      return c.body(xml(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${origin}/</loc></url>${ids.map((id) => `<url><loc>${esc(`${origin}/categories/${id}`)}</loc></url>`).join('')}</urlset>`))
    })
    .get('/sitemaps/:file{books-[0-9]+\\.xml}', async (c) => {
      const n = Number(c.req.param('file').slice(6, -4))
      const rows = n >= 1 ? await catalog.isbnSlice((n - 1) * PER_FILE, PER_FILE) : []
      if (rows.length === 0) throw new NotFoundError('sitemap', c.req.param('file'))
      const { origin, cacheControl } = feedOrigin(c, publicUrl, 3600)
      const urls = rows.map(({ isbn13, updatedAt, coverUrl, cover }) => {
        const ko = `${origin}/books/${isbn13}`
        // A real cover only: an uploaded one's largest WebP, else the publisher's; generated placeholders are no image of the book.
        const image = cover ? `${origin}/covers/${coverFileName(isbn13, cover.hash, cover.widths.at(-1)!, 'webp')}` : coverUrl && /^https?:\/\//.test(coverUrl) ? coverUrl : null
        return `<url><loc>${ko}</loc><lastmod>${updatedAt}</lastmod><xhtml:link rel="alternate" hreflang="ko" href="${ko}"/><xhtml:link rel="alternate" hreflang="en" href="${ko}?lang=en"/>${image ? `<image:image><image:loc>${esc(image)}</image:loc></image:image>` : ''}</url>`
      })
      c.header('Content-Type', 'application/xml; charset=utf-8')
      c.header('Cache-Control', cacheControl)
      return c.body(xml(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">${urls.join('')}</urlset>`))
    })

import { Hono } from 'hono'
import type { BookSummary, CatalogService, CategoryNode } from '../../catalog'
import { z } from 'zod'
import { valid } from '../middleware/validate'
import { coverSrc } from '../pages/parts'

/** A cover's media type by its file name: generated SVG, stored WebP, or a publisher's image (most are JPEG). */
const coverType = (url: string) => (url.endsWith('.svg') ? 'image/svg+xml' : url.endsWith('.webp') ? 'image/webp' : url.endsWith('.avif') ? 'image/avif' : 'image/jpeg')
import { feedOrigin } from './origin'

const PAGE_SIZE = 50
const NAVIGATION = 'application/atom+xml;profile=opds-catalog;kind=navigation'
const ACQUISITION = 'application/atom+xml;profile=opds-catalog;kind=acquisition'

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

function feed(origin: string, id: string, title: string, links: string, entries: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/terms/" xmlns:opds="http://opds-spec.org/2010/catalog">
<id>${esc(origin + id)}</id><title>${esc(title)}</title><updated>${new Date().toISOString()}</updated><author><name>Colophon</name></author>
<link rel="start" href="/opds" type="${NAVIGATION}"/>${links}
${entries.join('\n')}
</feed>`
}

/** Atom wants a whole date; a year or month of issue ("2006", "2006-03") stands as its first day there, while dc:issued keeps it as it is. */
const atomDay = (issuedOn: string | null) => (issuedOn ? issuedOn + '-01-01'.slice(issuedOn.length - 4) : '1970-01-01')

function bookEntry(b: BookSummary): string {
  const price = b.salePrice ?? b.listPrice
  const cover = coverSrc(b)
  return `<entry><title>${esc(b.title)}</title><id>urn:isbn:${b.isbn13}</id><updated>${atomDay(b.issuedOn)}T00:00:00Z</updated>${b.contributors
    .filter((c) => c.role === 'author')
    .map((c) => `<author><name>${esc(c.name)}</name></author>`)
    .join('')}<dc:identifier>urn:isbn:${b.isbn13}</dc:identifier>${b.issuedOn ? `<dc:issued>${b.issuedOn}</dc:issued>` : ''}${b.publisher ? `<dc:publisher>${esc(b.publisher)}</dc:publisher>` : ''}${
    b.translations.en ? `<dc:alternative>${esc(b.translations.en.title)}</dc:alternative>` : ''
  }<link rel="http://opds-spec.org/image" href="${esc(cover)}" type="${coverType(cover)}"/><link rel="alternate" type="text/html" href="/books/${b.isbn13}"/>${
    b.onSale && price != null ? `<link rel="http://opds-spec.org/acquisition/buy" type="text/html" href="/books/${b.isbn13}"><opds:price currencycode="${b.currency}">${price}</opds:price></link>` : ''
  }</entry>`
}

function navEntry(id: string, title: string, href: string, content: string): string {
  return `<entry><title>${esc(title)}</title><id>${esc(id)}</id><updated>${new Date().toISOString()}</updated><content type="text">${esc(content)}</content><link rel="subsection" href="${esc(href)}" type="${ACQUISITION}"/></entry>`
}

/** OPDS 1.2 catalog feeds for reading apps: new arrivals and every category, paged. */
export const opdsRoutes = ({ catalog, publicUrl }: { catalog: CatalogService; publicUrl?: string }) =>
  new Hono()
    .get('/', async (c) => {
      const { origin, cacheControl } = feedOrigin(c, publicUrl, 300)
      const tree = await catalog.categories()
      const top = tree.roots.length === 1 ? tree.roots[0]!.children : tree.roots
      const entries = [
        navEntry(`${origin}/opds/new`, '새로 나온 책 · New arrivals', '/opds/new', 'The newest books on sale'),
        ...top.flatMap((cat: CategoryNode) => [cat, ...cat.children]).map((cat) => navEntry(`${origin}/opds/categories/${cat.id}`, `${cat.name.ko} · ${cat.name.en}`, `/opds/categories/${cat.id}`, cat.name.en)),
      ]
      return c.body(feed(origin, '/opds', 'Colophon', `<link rel="self" href="/opds" type="${NAVIGATION}"/>`, entries), 200, { 'Content-Type': `${NAVIGATION};charset=utf-8`, 'Cache-Control': cacheControl })
    })
    .get('/new', async (c) => {
      const { origin, cacheControl } = feedOrigin(c, publicUrl, 300)
      const books = await catalog.newArrivals(PAGE_SIZE)
      return c.body(feed(origin, '/opds/new', 'New arrivals', `<link rel="self" href="/opds/new" type="${ACQUISITION}"/>`, books.map(bookEntry)), 200, {
        'Content-Type': `${ACQUISITION};charset=utf-8`,
        'Cache-Control': cacheControl,
      })
    })
    .get('/categories/:id', valid('query', z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) })), async (c) => {
      const { origin, cacheControl } = feedOrigin(c, publicUrl, 300)
      const { page } = c.req.valid('query')
      const { category, books } = await catalog.booksInCategory(c.req.param('id'), page, PAGE_SIZE)
      const self = `/opds/categories/${category.id}`
      const pages = Math.ceil(books.total / PAGE_SIZE)
      const links = [
        `<link rel="self" href="${self}?page=${page}" type="${ACQUISITION}"/>`,
        page > 1 ? `<link rel="previous" href="${self}?page=${page - 1}" type="${ACQUISITION}"/>` : '',
        page < pages ? `<link rel="next" href="${self}?page=${page + 1}" type="${ACQUISITION}"/>` : '',
      ].join('')
      return c.body(feed(origin, self, `${category.name.ko} · ${category.name.en}`, links, books.items.map(bookEntry)), 200, {
        'Content-Type': `${ACQUISITION};charset=utf-8`,
        'Cache-Control': cacheControl,
      })
    })

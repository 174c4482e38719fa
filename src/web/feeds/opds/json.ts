import type { BookSummary, Contributor } from '../../../catalog'
import { coverSrc } from '../../pages/parts'
import { coverType } from './atom'
import { bookTitle, buyingPrice, OPDS_PAGE_SIZE, pagesOf, SEARCH, shelfQuery, type OpdsLang, type OpdsNavigation, type OpdsShelf } from './shelf'

export const OPDS_JSON = 'application/opds+json'
export const OPDS_PUBLICATION = 'application/opds-publication+json'
const ROOT = '/opds/v2'

/** OPDS 2.0's cover types: the ones every reading app draws (a generated SVG cover is not among them). */
const RASTER = new Set(['image/jpeg', 'image/webp', 'image/avif', 'image/png', 'image/gif'])
/** The catalog's contributor roles that OPDS 2 (Readium) metadata names; the others are "contributor". */
const ROLES: Partial<Record<Contributor['role'], string>> = { author: 'author', translator: 'translator', editor: 'editor', illustrator: 'illustrator', narrator: 'narrator' }

type Link = { href: string; rel?: string; type?: string; title?: string; templated?: boolean; properties?: Record<string, unknown> }

const lq = (lang: OpdsLang) => (lang === 'en' ? '?lang=en' : '')

function feedLinks(origin: string, self: string, lang: OpdsLang): Link[] {
  return [
    { rel: 'self', href: origin + self, type: OPDS_JSON },
    { rel: 'start', href: `${origin}${ROOT}${lq(lang)}`, type: OPDS_JSON },
    { rel: 'search', href: `${origin}${ROOT}/search{?q}`, type: OPDS_JSON, templated: true, title: SEARCH[lang] },
    { rel: 'search', href: `${origin}/opds/search.xml${lq(lang)}`, type: 'application/opensearchdescription+xml', title: SEARCH[lang] },
  ]
}

function contributors(b: BookSummary): Record<string, Array<{ name: string }>> {
  const out: Record<string, Array<{ name: string }>> = {}
  for (const c of b.contributors) (out[ROLES[c.role] ?? 'contributor'] ??= []).push({ name: c.name })
  return out
}

/** A book as an OPDS 2 publication: its metadata, a buy link to the product page with the price, and its cover when it is an image every app draws. */
export function publication(origin: string, b: BookSummary, lang: OpdsLang): Record<string, unknown> {
  const page = `${origin}/books/${b.isbn13}${lq(lang)}`
  const price = buyingPrice(b)
  const cover = coverSrc(b)
  const coverUrl = cover.startsWith('http') ? cover : origin + cover
  const metadata: Record<string, unknown> = {
    '@type': 'http://schema.org/Book',
    title: bookTitle(b, lang),
    identifier: `urn:isbn:${b.isbn13}`,
    ...contributors(b),
    ...(b.publisher ? { publisher: b.publisher } : {}),
    ...(b.issuedOn && /^\d{4}-\d\d-\d\d$/.test(b.issuedOn) ? { published: b.issuedOn } : {}),
  }
  if (lang === 'en' && b.translations.en) metadata.subtitle = b.title
  // A book no longer sold keeps its page, and says so: an acquisition link whose availability is "unavailable".
  const acquisition: Link = price
    ? { rel: 'http://opds-spec.org/acquisition/buy', href: page, type: 'text/html', properties: { price } }
    : { rel: 'http://opds-spec.org/acquisition', href: page, type: 'text/html', properties: { availability: { state: 'unavailable' } } }
  const links: Link[] = [{ rel: 'self', href: `${origin}${ROOT}/books/${b.isbn13}${lq(lang)}`, type: OPDS_PUBLICATION }, acquisition, { rel: 'alternate', href: page, type: 'text/html' }]
  const images = RASTER.has(coverType(cover)) ? [{ href: coverUrl, type: coverType(cover) }] : undefined
  return { metadata, links, ...(images ? { images } : {}) }
}

/** The root: navigation to every shelf. */
export function jsonRoot(origin: string, nav: OpdsNavigation[], lang: OpdsLang): Record<string, unknown> {
  return {
    metadata: { title: 'Colophon' },
    links: feedLinks(origin, ROOT + lq(lang), lang),
    navigation: nav.map((n) => ({ href: `${origin}${ROOT}${n.path}${lq(lang)}`, title: n.title[lang], type: OPDS_JSON, rel: n.path === '/new' ? 'http://opds-spec.org/sort/new' : n.path === '/bestsellers' ? 'http://opds-spec.org/sort/popular' : 'subsection' })),
  }
}

/** A shelf as a feed of publications, paged; an empty one (a search that found nothing) leads back to the start. */
export function jsonShelf(origin: string, shelf: OpdsShelf, lang: OpdsLang): Record<string, unknown> {
  const base = origin + ROOT + shelf.path
  const pages = pagesOf(shelf)
  const at = (page: number) => base + shelfQuery(shelf, page, lang)
  const paging: Link[] =
    pages > 1
      ? [
          { rel: 'first', href: at(1), type: OPDS_JSON },
          ...(shelf.page > 1 ? [{ rel: 'previous', href: at(shelf.page - 1), type: OPDS_JSON }] : []),
          ...(shelf.page < pages ? [{ rel: 'next', href: at(shelf.page + 1), type: OPDS_JSON }] : []),
          { rel: 'last', href: at(pages), type: OPDS_JSON },
        ]
      : []
  const title = shelf.query !== undefined ? `${shelf.title[lang]}: ${shelf.query}` : shelf.title[lang]
  const body = shelf.books.length
    ? { publications: shelf.books.map((b) => publication(origin, b, lang)) }
    : { navigation: [{ href: `${origin}${ROOT}${lq(lang)}`, title: lang === 'en' ? 'Back to the catalog' : '처음으로', type: OPDS_JSON, rel: 'start' }] }
  return {
    metadata: { title, numberOfItems: shelf.total, itemsPerPage: OPDS_PAGE_SIZE, currentPage: shelf.page },
    links: [...feedLinks(origin, ROOT + shelf.path + shelfQuery(shelf, shelf.page, lang), lang), ...paging],
    ...body,
  }
}

import type { BookSummary } from '../../../catalog'
import { coverSrc } from '../../pages/parts'
import { bookTitle, buyingPrice, pagesOf, shelfQuery, type OpdsLang, type OpdsNavigation, type OpdsShelf, type Words } from './shelf'

export const NAVIGATION = 'application/atom+xml;profile=opds-catalog;kind=navigation'
export const ACQUISITION = 'application/atom+xml;profile=opds-catalog;kind=acquisition'
export const OPENSEARCH = 'application/opensearchdescription+xml'
const ROOT = '/opds'

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** A cover's media type by its file name: generated SVG, stored WebP or AVIF, or a publisher's image (most are JPEG). */
export const coverType = (url: string) => (url.endsWith('.svg') ? 'image/svg+xml' : url.endsWith('.webp') ? 'image/webp' : url.endsWith('.avif') ? 'image/avif' : 'image/jpeg')

const lq = (lang: OpdsLang) => (lang === 'en' ? '?lang=en' : '')
const say = (w: Words, lang: OpdsLang) => w[lang]

interface FeedParts {
  origin: string
  /** The feed's own path (with its query): its id and self link. */
  self: string
  kind: string
  title: string
  lang: OpdsLang
  links?: string[]
  entries: string[]
  updated?: string
}

function feed({ origin, self, kind, title, lang, links = [], entries, updated = new Date().toISOString() }: FeedParts): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/terms/" xmlns:opds="http://opds-spec.org/2010/catalog" xml:lang="${lang}">
<id>${esc(origin + self)}</id><title>${esc(title)}</title><updated>${updated}</updated><author><name>Colophon</name><uri>${esc(origin)}/</uri></author>
<link rel="self" href="${esc(self)}" type="${kind}"/><link rel="start" href="${ROOT}${lq(lang)}" type="${NAVIGATION}"/><link rel="search" href="${ROOT}/search.xml${lq(lang)}" type="${OPENSEARCH}"/>${links.join('')}
${entries.join('\n')}
</feed>`
}

/** Atom wants a whole date; a year or month of issue ("2006", "2006-03") stands as its first day there, while dc:issued keeps it as it is. */
const atomDay = (issuedOn: string | null) => (issuedOn ? issuedOn + '-01-01'.slice(issuedOn.length - 4) : '1970-01-01')

function bookEntry(b: BookSummary, lang: OpdsLang): string {
  const cover = coverSrc(b)
  const price = buyingPrice(b)
  const authors = b.contributors.filter((c) => c.role === 'author')
  const others = b.contributors.filter((c) => c.role !== 'author')
  return [
    `<entry><title>${esc(bookTitle(b, lang))}</title><id>urn:isbn:${b.isbn13}</id><updated>${atomDay(b.issuedOn)}T00:00:00Z</updated>`,
    authors.map((c) => `<author><name>${esc(c.name)}</name></author>`).join(''),
    others.map((c) => `<contributor><name>${esc(c.name)}</name></contributor>`).join(''),
    `<dc:identifier>urn:isbn:${b.isbn13}</dc:identifier>`,
    b.issuedOn ? `<dc:issued>${b.issuedOn}</dc:issued>` : '',
    b.publisher ? `<dc:publisher>${esc(b.publisher)}</dc:publisher>` : '',
    lang === 'ko' && b.translations.en ? `<dc:alternative>${esc(b.translations.en.title)}</dc:alternative>` : '',
    lang === 'en' && b.translations.en ? `<dc:alternative>${esc(b.title)}</dc:alternative>` : '',
    `<link rel="http://opds-spec.org/image" href="${esc(cover)}" type="${coverType(cover)}"/><link rel="http://opds-spec.org/image/thumbnail" href="${esc(cover)}" type="${coverType(cover)}"/>`,
    `<link rel="alternate" type="text/html" href="/books/${b.isbn13}${lq(lang)}"/>`,
    price ? `<link rel="http://opds-spec.org/acquisition/buy" type="text/html" href="/books/${b.isbn13}${lq(lang)}"><opds:price currencycode="${price.currency}">${price.value}</opds:price></link>` : '',
    '</entry>',
  ].join('')
}

/** The root: a navigation feed whose entries lead to the acquisition feeds. */
export function atomRoot(origin: string, nav: OpdsNavigation[], lang: OpdsLang): string {
  const entries = nav.map(
    (n) =>
      `<entry><title>${esc(say(n.title, lang))}</title><id>${esc(`${origin}${ROOT}${n.path}`)}</id><updated>${new Date().toISOString()}</updated><content type="text">${esc(say(n.description, lang))}</content><link rel="subsection" href="${esc(ROOT + n.path + lq(lang))}" type="${ACQUISITION}"/></entry>`,
  )
  const links = [`<link rel="http://opds-spec.org/sort/new" href="${ROOT}/new${lq(lang)}" type="${ACQUISITION}" title="${esc(say(nav[0]!.title, lang))}"/>`, `<link rel="http://opds-spec.org/sort/popular" href="${ROOT}/bestsellers${lq(lang)}" type="${ACQUISITION}" title="${esc(say(nav[1]!.title, lang))}"/>`]
  return feed({ origin, self: ROOT + lq(lang), kind: NAVIGATION, title: 'Colophon', lang, links, entries })
}

/** A shelf as an acquisition feed, with first, previous, next and last links when it has pages. */
export function atomShelf(origin: string, shelf: OpdsShelf, lang: OpdsLang): string {
  const base = ROOT + shelf.path
  const pages = pagesOf(shelf)
  const at = (page: number) => esc(base + shelfQuery(shelf, page, lang))
  const links =
    pages > 1
      ? [
          `<link rel="first" href="${at(1)}" type="${ACQUISITION}"/>`,
          shelf.page > 1 ? `<link rel="previous" href="${at(shelf.page - 1)}" type="${ACQUISITION}"/>` : '',
          shelf.page < pages ? `<link rel="next" href="${at(shelf.page + 1)}" type="${ACQUISITION}"/>` : '',
          `<link rel="last" href="${at(pages)}" type="${ACQUISITION}"/>`,
        ]
      : []
  const title = shelf.query !== undefined ? `${say(shelf.title, lang)}: ${shelf.query}` : say(shelf.title, lang)
  return feed({ origin, self: base + shelfQuery(shelf, shelf.page, lang), kind: ACQUISITION, title, lang, links, entries: shelf.books.map((b) => bookEntry(b, lang)) })
}

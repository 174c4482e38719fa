import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { parseIsbn } from '../../../catalog'
import { NotFoundError } from '../../../core/errors'
import { valid } from '../../middleware/validate'
import { feedOrigin } from '../origin'
import { ACQUISITION, atomRoot, atomShelf, NAVIGATION, OPENSEARCH } from './atom'
import { jsonRoot, jsonShelf, OPDS_JSON, OPDS_PUBLICATION, publication } from './json'
import { openSearchDescription } from './opensearch'
import { bestsellersShelf, categoryShelf, newArrivalsShelf, rootNavigation, searchShelf, type OpdsLang, type OpdsShelf, type OpdsSources } from './shelf'

const MAX_AGE = 300
// A reading app's OpenSearch template may leave {startPage?} empty: that is the first page.
const page = z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int('page must be a whole number').min(1, 'page starts at 1').max(10_000, 'page must be at most 10000').default(1))
const lang = z.enum(['ko', 'en']).catch('ko')
const pageQuery = z.object({ page, lang })
const searchQuery = z.object({ q: z.string().trim().max(200, 'q must be at most 200 characters').default(''), page, lang })
const langQuery = z.object({ lang })

/** Builds each answer once for both catalogs: Atom (OPDS 1.2) under /opds, JSON (OPDS 2.0) under /opds/v2. */
function answer(c: Context, publicUrl: string | undefined, body: (origin: string) => string, type: string) {
  const { origin, cacheControl } = feedOrigin(c, publicUrl, MAX_AGE)
  return c.body(body(origin), 200, { 'Content-Type': `${type};charset=utf-8`, 'Cache-Control': cacheControl })
}

type ShelfLoader = (q: { page: number; q: string }, id: string) => Promise<OpdsShelf>

/**
 * OPDS catalogs for reading apps (Thorium, KOReader, …): a root navigation
 * feed of new arrivals, bestsellers and every category, each a paged shelf of
 * books with covers, authors, prices and a buy link to the product page, and
 * search through an OpenSearch description. Korean by default, English with
 * ?lang=en, which every link then carries.
 */
export const opdsRoutes = ({ publicUrl, ...sources }: OpdsSources & { publicUrl?: string }) => {
  const shelves: Record<string, ShelfLoader> = {
    '/new': () => newArrivalsShelf(sources),
    '/bestsellers': () => bestsellersShelf(sources),
    '/categories/:id': (q, id) => categoryShelf(sources, id, q.page),
    '/search': (q) => searchShelf(sources, q.q, q.page),
  }
  const app = new Hono()
    .get('/', valid('query', langQuery), async (c) => {
      const { lang } = c.req.valid('query')
      const nav = await rootNavigation(sources)
      return answer(c, publicUrl, (origin) => atomRoot(origin, nav, lang), NAVIGATION)
    })
    .get('/v2', valid('query', langQuery), async (c) => {
      const { lang } = c.req.valid('query')
      const nav = await rootNavigation(sources)
      return answer(c, publicUrl, (origin) => JSON.stringify(jsonRoot(origin, nav, lang)), OPDS_JSON)
    })
    .get('/search.xml', valid('query', langQuery), (c) => answer(c, publicUrl, (origin) => openSearchDescription(origin, c.req.valid('query').lang), OPENSEARCH))
    .get('/v2/books/:isbn', valid('query', langQuery), async (c) => {
      const isbn13 = parseIsbn(c.req.param('isbn'))
      const [book] = await sources.catalog.summaries([isbn13])
      if (!book) throw new NotFoundError('book', isbn13)
      return answer(c, publicUrl, (origin) => JSON.stringify(publication(origin, book, c.req.valid('query').lang)), OPDS_PUBLICATION)
    })
  for (const [path, load] of Object.entries(shelves)) {
    const query = path === '/search' ? searchQuery : pageQuery
    const shelf = async (c: Context, q: { page: number; q?: string; lang: OpdsLang }) => ({ lang: q.lang, shelf: await load({ page: q.page, q: q.q ?? '' }, c.req.param('id') ?? '') })
    app.get(path, valid('query', query), async (c) => {
      const { lang, shelf: s } = await shelf(c, c.req.valid('query'))
      return answer(c, publicUrl, (origin) => atomShelf(origin, s, lang), ACQUISITION)
    })
    app.get(`/v2${path}`, valid('query', query), async (c) => {
      const { lang, shelf: s } = await shelf(c, c.req.valid('query'))
      return answer(c, publicUrl, (origin) => JSON.stringify(jsonShelf(origin, s, lang)), OPDS_JSON)
    })
  }
  return app
}

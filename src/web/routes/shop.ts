import { Hono } from 'hono'
import { z } from 'zod'
import { coverFingerprint, generatedCoverSvg, parseIsbn, type CatalogService } from '../../catalog'
import { NotFoundError } from '../../core/errors'
import { OVERALL, PERIODS, type CommerceService } from '../../commerce'
import type { RecommendService } from '../../recommend'
import type { ReviewsService } from '../../reviews'
import type { SearchService } from '../../search'
import { assets, assetsByUrl } from '../assets'
import type { AppEnv } from '../env'
import type { Gate } from '../gate'
import { valid } from '../middleware/validate'
import type { SendPage } from '../page-sender'
import { bestsellersPage } from '../pages/bestsellers'
import { categoryPage, categoryTreePage } from '../pages/category'
import { homePage } from '../pages/home'
import { AUTHOR_SORTS, authorPage, seriesPage } from '../pages/people'
import { productPage } from '../pages/product'
import { searchPage } from '../pages/search'
import { listingQuery, listingState, toSearchParams } from '../search-query'

const NEW_ARRIVALS = 12
const HOME_BESTSELLERS = 12
const BESTSELLERS_SHOWN = 50
const CATEGORY_PAGE_SIZE = 24

function today(): string {
  return new Date().toISOString().slice(0, 10)
}

export interface ShopServices {
  catalog: CatalogService
  search: SearchService
  recommend: RecommendService
  commerce: CommerceService
  gate: Gate
  sendPage: SendPage
  /** Readers' reviews: the ratings and the first few on the product page. */
  reviews?: ReviewsService
}

/** The pages a reader browses: home, product, categories, search, and the files they load. */
export const shopRoutes = ({ catalog, search, recommend, commerce, gate, sendPage, reviews }: ShopServices) =>
  new Hono<AppEnv>()
    .get('/', async (c) => {
      // A returning session's home carries its own recommendations: the gate keeps it out of the shared cache.
      const session = c.var.visitor.session
      const forYou = session ? await recommend.forSession(session) : []
      return sendPage(
        c,
        'home',
        async () => {
          const [newArrivals, categories, places, picks] = await Promise.all([
            catalog.newArrivals(NEW_ARRIVALS, today()),
            catalog.categories(),
            commerce.bestsellers.list('weekly', OVERALL, HOME_BESTSELLERS),
            catalog.collections.shelves(),
          ])
          const bestsellers = { places, books: await catalog.summaries(places.map((p) => p.isbn13)) }
          return homePage(c.var.page, { newArrivals, categories, forYou, bestsellers, picks })
        },
        { route: 'home' },
      )
    })
    .get('/books/:isbn', async (c) => {
      const raw = c.req.param('isbn')
      const isbn13 = parseIsbn(raw)
      if (raw !== isbn13) return c.redirect(`/books/${isbn13}${c.var.page.explicit ? `?lang=${c.var.page.lang}` : ''}`, 301)
      // A book merged into another in the back office: its links and bookmarks lead to the one kept.
      // With the database away there is nothing to ask: a page cached before a merge was dropped by it.
      const kept = c.var.isStoreDown ? undefined : await catalog.duplicates.mergedInto(isbn13)
      if (kept) return c.redirect(`/books/${kept}${c.var.page.explicit ? `?lang=${c.var.page.lang}` : ''}`, 301)
      let shown: string[] = []
      const answer = await sendPage(
        c,
        'product',
        async () => {
          const book = await catalog.getBook(isbn13)
          const [categories, related, editions, series, ranks] = await Promise.all([
            catalog.categories(),
            recommend.forBook(book),
            catalog.duplicates.editionsOf(isbn13, book.workId).then((isbns) => catalog.summaries(isbns)),
            book.series ? catalog.shelves.series(book.series) : [],
            commerce.bestsellers.ranksOf(isbn13),
          ])
          const reviewed = reviews && (await reviews.onProduct(isbn13))
          const at = series.findIndex((v) => v.isbn13 === isbn13)
          const nextInSeries = at >= 0 ? series[at + 1] : undefined
          shown = [isbn13, ...related.map((r) => r.book.isbn13), ...editions.map((e) => e.isbn13), ...(nextInSeries ? [nextInSeries.isbn13] : [])]
          return productPage(c.var.page, { book, categories, related, today: today(), editions, nextInSeries, reviews: reviewed, ranks })
        },
        { deps: () => shown },
      )
      const viewer = gate.viewer(c.var.visitor)
      if (viewer) recommend.events.record(viewer, isbn13, 'view')
      return answer
    })
    // A person's and a series' shelves change when any book does (a new one may join them): listing pages.
    .get('/authors/:name', valid('query', z.object({ sort: z.enum(AUTHOR_SORTS).catch('new') })), (c) =>
      sendPage(c, 'author', async () => {
        const name = c.req.param('name').trim()
        const books = await catalog.shelves.byContributor(name)
        if (!books.length) throw new NotFoundError('author', name)
        return authorPage(c.var.page, name, books, c.req.valid('query').sort)
      }),
    )
    .get('/series/:name', (c) =>
      sendPage(c, 'series', async () => {
        const name = c.req.param('name').trim()
        const volumes = await catalog.shelves.series(name)
        if (!volumes.length) throw new NotFoundError('series', name)
        return seriesPage(c.var.page, name, volumes)
      }),
    )
    // A list changes when a rebuild finds new places: the rebuild names its books, and a listing page goes with any change.
    .get('/bestsellers', valid('query', z.object({ period: z.enum(PERIODS).catch('weekly'), category: z.string().max(64).catch('') })), (c) =>
      sendPage(c, 'bestsellers', async () => {
        const { period, category = '' } = c.req.valid('query')
        const categories = await catalog.categories()
        if (category && !categories.get(category)) throw new NotFoundError('category', category)
        const places = await commerce.bestsellers.list(period, category, BESTSELLERS_SHOWN)
        return bestsellersPage(c.var.page, { period, categoryId: category, places, books: await catalog.summaries(places.map((p) => p.isbn13)), categories })
      }),
    )
    .get('/categories', (c) => sendPage(c, 'categories', async () => categoryTreePage(c.var.page, (await catalog.categories()).roots)))
    .get('/categories/:id', valid('query', listingQuery), (c) =>
      sendPage(c, 'category', async () => {
        const query = c.req.valid('query')
        const listing = await search.categoryListing(c.req.param('id'), toSearchParams(query, CATEGORY_PAGE_SIZE))
        return categoryPage(c.var.page, listing, listingState(query))
      }),
    )
    // Shoppers ask the same few queries most: a results page is cached like a shelf, until the catalog changes;
    // not when a read replica answers, whose results may lag a change (search keeps those answers a few seconds itself).
    .get('/search', valid('query', listingQuery), (c) =>
      sendPage(
        c,
        'search',
        async () => {
          const query = c.req.valid('query')
          return searchPage(c.var.page, await search.search(toSearchParams(query, CATEGORY_PAGE_SIZE)), listingState(query))
        },
        { keep: !search.readsReplica },
      ),
    )
    .get('/covers/:file{[0-9A-Za-z-]+\\.svg}', async (c) => {
      const [isbn, fingerprint] = c.req.param('file').slice(0, -4).split(/-(?=[0-9a-z]+$)/) as [string, string | undefined]
      const isbn13 = parseIsbn(isbn)
      const [book] = await catalog.summaries([isbn13])
      if (!book) throw new NotFoundError('book', isbn13)
      const contributor = book.contributors[0]?.name
      const current = coverFingerprint(book.title, contributor)
      // An old fingerprint means the title changed: send the reader to the cover that shows it now.
      if (fingerprint !== current) return c.redirect(`/covers/${isbn13}-${current}.svg`, 302)
      c.header('Content-Type', 'image/svg+xml; charset=utf-8')
      c.header('Cache-Control', 'public, max-age=31536000, immutable')
      return c.body(generatedCoverSvg({ isbn13, title: book.title, contributor }))
    })
    // An uploaded cover's files are named by their content, so a name means the same bytes for ever; CoverFiles reads nothing but that exact name pattern.
    .get('/covers/:file{[0-9a-f-]+\\.(?:avif|webp)}', async (c) => {
      const file = await catalog.coverFile(c.req.param('file'))
      if (!file) throw new NotFoundError('cover', c.req.param('file'))
      c.header('Content-Type', file.contentType)
      c.header('Cache-Control', 'public, max-age=31536000, immutable')
      c.header('X-Content-Type-Options', 'nosniff')
      return c.body(new Uint8Array(file.bytes))
    })
    .get('/assets/:file', (c) => {
      const asset = assetsByUrl.get(c.req.path)
      if (!asset) throw new NotFoundError('asset', c.req.path)
      c.header('Content-Type', asset.contentType)
      c.header('Cache-Control', 'public, max-age=31536000, immutable')
      return c.body(new Uint8Array(asset.body))
    })
    .get('/favicon.ico', (c) => c.redirect(assets.icon.url, 301))

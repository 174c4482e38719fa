import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { parseIsbn, type CatalogService, type Category } from '../../../catalog'
import type { SearchService } from '../../../search'
import type { AppEnv } from '../../env'
import type { AnswerKind } from '../../page-cache'
import type { SendPage } from '../../page-sender'
import { listingQuery, toSearchParams } from '../../search-query'
import { ErrorBody, Book, CategoryDetail, CategoryList, ContributorBooks, SearchResult, SeriesVolumes, Suggestions } from './schemas'

export const API_PAGE_SIZE = 24

const JSON_TYPE = 'application/json; charset=utf-8'
const SEARCH_ANSWER: AnswerKind = { type: JSON_TYPE, cacheControl: 'no-cache' }
// Suggestions follow typing, so a short private cache saves repeating the same keystrokes' queries.
const SUGGEST_ANSWER: AnswerKind = { type: JSON_TYPE, cacheControl: 'private, max-age=60' }

const json = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description })
const refused = { 400: json(ErrorBody, 'A parameter is malformed: `error.field` names it'), 429: json(ErrorBody, 'Too many requests from this address: see Retry-After') }
const missing = (what: string) => ({ 404: json(ErrorBody, `No such ${what}`) })
const nameParam = (description: string) => z.object({ name: z.string().min(1).max(200).openapi({ description }) })

const routes = {
  book: createRoute({
    method: 'get',
    path: '/books/{isbn}',
    tags: ['catalog'],
    summary: 'A book',
    request: { params: z.object({ isbn: z.string().max(20).openapi({ description: 'ISBN-13 or ISBN-10, hyphens allowed', example: '9788962633245' }) }) },
    responses: {
      200: json(Book, 'The book'),
      308: { description: 'The ISBN was given in another form: Location is the ISBN-13 URL' },
      ...refused,
      ...missing('book'),
    },
  }),
  search: createRoute({
    method: 'get',
    path: '/search',
    tags: ['catalog'],
    summary: 'Search the catalog',
    description: `Titles, contributors, publishers, series, categories and ISBNs; filters and facets as on /search; ${API_PAGE_SIZE} books a page.`,
    request: { query: listingQuery },
    responses: { 200: json(SearchResult, 'A page of matches, with facet counts'), ...refused },
  }),
  suggest: createRoute({
    method: 'get',
    path: '/suggest',
    tags: ['catalog'],
    summary: 'Suggestions for a search box',
    request: { query: z.object({ q: z.string().default(''), lang: z.enum(['ko', 'en']).default('ko') }) },
    responses: { 200: json(Suggestions, 'Up to 8 titles, contributors and categories'), ...refused },
  }),
  categories: createRoute({
    method: 'get',
    path: '/categories',
    tags: ['catalog'],
    summary: 'Every category',
    responses: { 200: json(CategoryList, 'The categories, parents before children'), 429: refused[429] },
  }),
  category: createRoute({
    method: 'get',
    path: '/categories/{id}',
    tags: ['catalog'],
    summary: 'A category, its path from the root and its subcategories',
    description: 'Its books: `/search?category={id}`.',
    request: { params: z.object({ id: z.string().max(64) }) },
    responses: { 200: json(CategoryDetail, 'The category'), ...refused, ...missing('category') },
  }),
  contributor: createRoute({
    method: 'get',
    path: '/contributors/{name}',
    tags: ['catalog'],
    summary: 'The books a person is named on, in any role, newest first',
    request: { params: nameParam('the name as the books give it') },
    responses: { 200: json(ContributorBooks, 'Their books (up to 500)'), ...refused, ...missing('contributor') },
  }),
  series: createRoute({
    method: 'get',
    path: '/series/{name}',
    tags: ['catalog'],
    summary: 'A series’ volumes in the order of their numbers',
    request: { params: nameParam('the series’ name') },
    responses: { 200: json(SeriesVolumes, 'Its volumes (up to 500)'), ...refused, ...missing('series') },
  }),
}

const flat = ({ id, parentId, name, sortOrder }: Category): Category => ({ id, parentId, name, sortOrder })

/** The open read operations: the same services the pages use. Search and suggestions go through the page cache as pages do. */
export function catalogApi(app: OpenAPIHono<AppEnv>, { catalog, search, sendPage }: { catalog: CatalogService; search: SearchService; sendPage: SendPage }) {
  return app
    .openapi(routes.book, async (c) => {
      const raw = c.req.valid('param').isbn
      const isbn13 = parseIsbn(raw)
      if (raw !== isbn13) return c.redirect(`/api/v1/books/${isbn13}`, 308)
      return c.json(await catalog.getBook(isbn13), 200)
    })
    .openapi(routes.search, (c) =>
      sendPage(c, 'api-search', async () => JSON.stringify(await search.search(toSearchParams(c.req.valid('query'), API_PAGE_SIZE))), { kind: SEARCH_ANSWER }) as never,
    )
    .openapi(routes.suggest, (c) => {
      const { q, lang } = c.req.valid('query')
      return sendPage(c, 'api-suggest', async () => JSON.stringify({ suggestions: await search.suggest(q.slice(0, 100), lang) }), { kind: SUGGEST_ANSWER }) as never
    })
    .openapi(routes.categories, async (c) => {
      const tree = await catalog.categories()
      const all = tree.roots.flatMap(function walk(node): Category[] {
        return [flat(node), ...node.children.flatMap(walk)]
      })
      return c.json({ categories: all }, 200)
    })
    .openapi(routes.category, async (c) => {
      const { id } = c.req.valid('param')
      const tree = await catalog.categories()
      const node = tree.get(id)
      if (!node) return c.json({ error: { code: 'not_found' } }, 404)
      return c.json({ category: flat(node), path: tree.pathTo(id).map(flat), children: node.children.map(flat) }, 200)
    })
    .openapi(routes.contributor, async (c) => {
      const { name } = c.req.valid('param')
      const books = await catalog.shelves.byContributor(name)
      if (!books.length) return c.json({ error: { code: 'not_found' } }, 404)
      return c.json({ name, books }, 200)
    })
    .openapi(routes.series, async (c) => {
      const { name } = c.req.valid('param')
      const volumes = await catalog.shelves.series(name)
      if (!volumes.length) return c.json({ error: { code: 'not_found' } }, 404)
      return c.json({ name, volumes }, 200)
    })
}

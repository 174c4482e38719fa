import { Hono } from 'hono'
import { z } from 'zod'
import { parseIsbn, type CatalogService } from '../../catalog'
import type { SearchService } from '../../search'
import type { AppEnv } from '../env'
import { valid } from '../middleware/validate'
import type { AnswerKind } from '../page-cache'
import type { SendPage } from '../page-sender'
import { listingQuery, toSearchParams } from '../search-query'

export const API_PAGE_SIZE = 24

const suggestQuery = z.object({ q: z.string().default(''), lang: z.enum(['ko', 'en']).default('ko') })

const JSON_TYPE = 'application/json; charset=utf-8'
const SEARCH_ANSWER: AnswerKind = { type: JSON_TYPE, cacheControl: 'no-cache' }
// Suggestions follow typing, so a short private cache saves repeating the same keystrokes' queries.
const SUGGEST_ANSWER: AnswerKind = { type: JSON_TYPE, cacheControl: 'private, max-age=60' }

/** The JSON API: the same services the pages use; search and suggestions go through the page cache as pages do. */
export const apiRoutes = ({ catalog, search, sendPage }: { catalog: CatalogService; search: SearchService; sendPage: SendPage }) =>
  new Hono<AppEnv>()
    .get('/books/:isbn', async (c) => {
      const raw = c.req.param('isbn')
      const isbn13 = parseIsbn(raw)
      if (raw !== isbn13) return c.redirect(`/api/books/${isbn13}`, 301)
      return c.json(await catalog.getBook(isbn13))
    })
    .get('/search', valid('query', listingQuery), (c) =>
      sendPage(c, 'api-search', async () => JSON.stringify(await search.search(toSearchParams(c.req.valid('query'), API_PAGE_SIZE))), { kind: SEARCH_ANSWER }),
    )
    .get('/suggest', valid('query', suggestQuery), (c) => {
      const { q, lang } = c.req.valid('query')
      return sendPage(c, 'api-suggest', async () => JSON.stringify({ suggestions: await search.suggest(q.slice(0, 100), lang) }), { kind: SUGGEST_ANSWER })
    })

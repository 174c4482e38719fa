import { Hono, type Context } from 'hono'
import { z } from 'zod'
import type { SearchService } from '../../search'
import type { AppEnv } from '../env'
import { valid } from '../middleware/validate'
import type { AnswerKind } from '../page-cache'
import { listingQuery, toSearchParams } from '../search-query'

export const API_PAGE_SIZE = 24

const suggestQuery = z.object({ q: z.string().default(''), lang: z.enum(['ko', 'en']).default('ko') })

const JSON_TYPE = 'application/json; charset=utf-8'
const SEARCH_ANSWER: AnswerKind = { type: JSON_TYPE, cacheControl: 'no-cache' }
// Suggestions follow typing, so a short private cache saves repeating the same keystrokes' queries.
const SUGGEST_ANSWER: AnswerKind = { type: JSON_TYPE, cacheControl: 'private, max-age=60' }

/** Answers through the page cache: kept like a listing, until the catalog changes. */
type Cached = (c: Context<AppEnv>, route: string, render: () => Promise<string>, kind: AnswerKind) => Promise<Response>

/** Search results and suggestions as JSON: the same service the pages use, cached as pages are. */
export const searchApi = ({ search, cached }: { search: SearchService; cached: Cached }) =>
  new Hono<AppEnv>()
    .get('/search', valid('query', listingQuery), (c) =>
      cached(c, 'api-search', async () => JSON.stringify(await search.search(toSearchParams(c.req.valid('query'), API_PAGE_SIZE))), SEARCH_ANSWER),
    )
    .get('/suggest', valid('query', suggestQuery), (c) => {
      const { q, lang } = c.req.valid('query')
      return cached(c, 'api-suggest', async () => JSON.stringify({ suggestions: await search.suggest(q.slice(0, 100), lang) }), SUGGEST_ANSWER)
    })

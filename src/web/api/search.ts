import { Hono } from 'hono'
import { z } from 'zod'
import type { SearchService } from '../../search'
import { valid } from '../middleware/validate'
import { listingQuery, toSearchParams } from '../search-query'

export const API_PAGE_SIZE = 24

const suggestQuery = z.object({ q: z.string().default(''), lang: z.enum(['ko', 'en']).default('ko') })

/** Search results and suggestions as JSON: the same service the pages use. */
export const searchApi = ({ search }: { search: SearchService }) =>
  new Hono()
    .get('/search', valid('query', listingQuery), async (c) => c.json(await search.search(toSearchParams(c.req.valid('query'), API_PAGE_SIZE))))
    .get('/suggest', valid('query', suggestQuery), async (c) => {
      const { q, lang } = c.req.valid('query')
      // Suggestions follow typing, so a short private cache saves repeating the same keystrokes' queries.
      c.header('Cache-Control', 'private, max-age=60')
      return c.json({ suggestions: await search.suggest(q.slice(0, 100), lang) })
    })

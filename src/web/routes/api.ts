import { Hono } from 'hono'
import type { AppEnv } from '../env'

/** The JSON API's first paths, from before it had a version: each answers 308 to its /api/v1 path, query and method kept. */
export const legacyApiRoutes = () =>
  new Hono<AppEnv>().on(['GET', 'HEAD'], ['/books/:isbn', '/search', '/suggest'], (c) => {
    const url = new URL(c.req.url)
    return c.redirect(`/api/v1${url.pathname.slice('/api'.length)}${url.search}`, 308)
  })

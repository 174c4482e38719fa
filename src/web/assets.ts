import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'

export interface Asset {
  url: string
  body: Buffer
  contentType: string
}

const types: Record<string, string> = { css: 'text/css; charset=utf-8', js: 'text/javascript; charset=utf-8', svg: 'image/svg+xml' }

/**
 * Static assets, loaded once at start and named by a hash of their content,
 * so they can be cached for a year and still change the moment a file does.
 */
function load(name: string): Asset {
  const body = readFileSync(new URL(`./assets/${name}`, import.meta.url))
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10)
  const [base, ext] = name.split('.') as [string, string]
  return { url: `/assets/${base}.${hash}.${ext}`, body, contentType: types[ext]! }
}

export const assets = { css: load('site.css'), js: load('site.js'), suggest: load('suggest.js'), cardPay: load('card-pay.js'), office: load('office.js'), icon: load('favicon.svg') }

export const assetsByUrl = new Map(Object.values(assets).map((a) => [a.url, a]))

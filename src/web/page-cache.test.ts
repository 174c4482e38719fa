import { describe, expect, it } from 'vitest'
import type { CatalogService } from '../catalog'
import { compressPage, PageCache } from './page-cache'

const noCatalog = {} as CatalogService
const cache = (maxBytes?: number) => new PageCache(noCatalog, () => 0, { maxBytes })

describe('PageCache', () => {
  it('does not store a page whose render overlapped an invalidation', () => {
    const c = cache()
    const generation = c.generation
    c.invalidate({ isbns: ['9788962633245'] })
    c.put('ko/books/9788962633245', compressPage('<p>old</p>', ['9788962633245']), generation)
    expect(c.get('ko/books/9788962633245')).toBeUndefined()
  })

  it('drops exactly the pages that show a changed book, and every listing', () => {
    const c = cache()
    c.put('a', compressPage('a', ['1', '2']), c.generation)
    c.put('b', compressPage('b', ['3']), c.generation)
    c.put('home', compressPage('home', 'listing'), c.generation)
    c.invalidate({ isbns: ['2'] })
    expect([c.get('a'), c.get('b'), c.get('home')].map(Boolean)).toEqual([false, true, false])
  })

  it('evicts the oldest pages not hit since, beyond its byte budget', () => {
    const one = compressPage('x'.repeat(1000), ['1'])
    const c = cache(one.bytes * 2)
    c.put('1', one, c.generation)
    c.put('2', compressPage('y'.repeat(1000), ['2']), c.generation)
    c.get('1')
    c.put('3', compressPage('z'.repeat(1000), ['3']), c.generation)
    expect(c.get('2')).toBeUndefined()
    expect(c.get('1')).toBeDefined()
    expect(c.size).toBe(2)
  })
})

describe('CachedPage', () => {
  it('makes each encoding once, on demand, all decoding to the same page', async () => {
    const { brotliDecompressSync, gunzipSync } = await import('node:zlib')
    const html = '<p>중국과 러시아</p>'.repeat(200)
    const c = cache()
    const page = compressPage(html, ['1'], 'gzip')
    c.put('k', page, c.generation)
    const before = page.bytes
    expect(gunzipSync(page.body('gzip')).toString()).toBe(html)
    expect(page.bytes).toBe(before)
    const br = page.body('br')
    expect(brotliDecompressSync(br).toString()).toBe(html)
    expect(page.body('br')).toBe(br)
    expect(page.bytes).toBe(before + br.length)
    expect(page.body('identity').toString()).toBe(html)
    expect(page.headers('br', br)).toEqual(expect.arrayContaining(['content-encoding', 'br', 'content-length', String(br.length)]))
  })
})

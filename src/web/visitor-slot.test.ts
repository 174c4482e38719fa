import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { fillSlot, SlottedBody, visitorSlot } from './visitor-slot'

describe('visitor slot', () => {
  const html = `<!doctype html><p>${'중국과 러시아 '.repeat(500)}</p><form id="buy"></form>${visitorSlot(['buy'])}</body></html>`

  it('answers as one gzip member: the shared part compressed once, the visitor\'s part stored', () => {
    const slotted = SlottedBody.of(html)!
    for (const token of ['AAAAAAAAAAAAAAAAAAAAAA', 'zzzzzzzzzzzzzzzzzzzzzz', undefined]) {
      const body = slotted.gzip(token)
      expect(gunzipSync(body).toString()).toBe(fillSlot(html, token))
      expect(slotted.identity(token).toString()).toBe(fillSlot(html, token))
    }
    expect(slotted.gzip('AAAAAAAAAAAAAAAAAAAAAA').length).toBeLessThan(Buffer.byteLength(html) / 5)
  })

  it('fills a slot with a hidden field per form, and a page without one stays as it is', () => {
    expect(fillSlot(`<a>${visitorSlot(['buy', 'wish'])}</a>`, 'T')).toBe('<a><input type="hidden" name="_csrf" value="T" form="buy"><input type="hidden" name="_csrf" value="T" form="wish"></a>')
    expect(SlottedBody.of('<p>no slot</p>')).toBeUndefined()
  })
})

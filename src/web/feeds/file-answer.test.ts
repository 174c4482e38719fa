import { describe, expect, it } from 'vitest'
import { fileAnswer, type FileState } from './file-answer'

const file: FileState = { size: 1000, mtime: new Date('2026-12-01T10:00:00.250Z'), etag: '"7-rs-abc"' }
const ask = (headers: Record<string, string>) => fileAnswer((name) => headers[name], file)

describe('fileAnswer', () => {
  it('answers the whole file with its validators', () => {
    expect(ask({})).toEqual({
      status: 200,
      headers: { ETag: '"7-rs-abc"', 'Last-Modified': 'Tue, 01 Dec 2026 10:00:00 GMT', 'Accept-Ranges': 'bytes', 'Content-Length': '1000' },
      start: 0,
      end: 999,
    })
  })

  it('answers 304 to a matching ETag or a date not before the file, unless the client asks to reload', () => {
    expect(ask({ 'if-none-match': '"other", "7-rs-abc"' }).status).toBe(304)
    expect(ask({ 'if-none-match': 'W/"7-rs-abc"' }).status).toBe(304)
    expect(ask({ 'if-modified-since': 'Tue, 01 Dec 2026 10:00:00 GMT' }).status).toBe(304)
    expect(ask({ 'if-modified-since': 'Tue, 01 Dec 2026 09:59:59 GMT' }).status).toBe(200)
    // If-None-Match decides when both are sent.
    expect(ask({ 'if-none-match': '"old"', 'if-modified-since': 'Tue, 01 Dec 2026 10:00:00 GMT' }).status).toBe(200)
    expect(ask({ 'if-none-match': '"7-rs-abc"', 'cache-control': 'no-cache' }).status).toBe(200)
  })

  it('answers one range with 206, an unsatisfiable one with 416, several with the whole file', () => {
    expect(ask({ range: 'bytes=0-99' })).toMatchObject({ status: 206, start: 0, end: 99, headers: { 'Content-Range': 'bytes 0-99/1000', 'Content-Length': '100' } })
    expect(ask({ range: 'bytes=-10' })).toMatchObject({ status: 206, start: 990, end: 999 })
    expect(ask({ range: 'bytes=1000-' })).toMatchObject({ status: 416, headers: { 'Content-Range': 'bytes */1000' } })
    expect(ask({ range: 'bytes=0-9,500-509' })).toMatchObject({ status: 200, start: 0, end: 999 })
    expect(ask({ range: 'lines=1-2' }).status).toBe(200)
  })

  it('sends the whole file when If-Range names another version', () => {
    expect(ask({ range: 'bytes=100-', 'if-range': '"7-rs-abc"' }).status).toBe(206)
    expect(ask({ range: 'bytes=100-', 'if-range': '"6-rr-abc"' }).status).toBe(200)
    expect(ask({ range: 'bytes=100-', 'if-range': 'Tue, 01 Dec 2026 10:00:00 GMT' }).status).toBe(206)
    expect(ask({ range: 'bytes=100-', 'if-range': 'Mon, 30 Nov 2026 10:00:00 GMT' }).status).toBe(200)
  })
})

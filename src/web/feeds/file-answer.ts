import fresh from 'fresh'
import parseRange from 'range-parser'

export interface FileState {
  size: number
  mtime: Date
  /** A strong validator: the same value means the same bytes. */
  etag: string
}

export type FileAnswer =
  | { status: 200 | 206; headers: Record<string, string>; start: number; end: number }
  | { status: 304 | 416; headers: Record<string, string> }

/**
 * What a GET or HEAD of a file is answered with: status, headers and which
 * bytes (`end` inclusive). The conditional-request and Range rules (RFC 9110
 * §13, §14) come from `fresh` and `range-parser`, the modules Express's file
 * server `send` is built on; `send` itself writes to node's response, which
 * the middleware around a Hono route never sees.
 */
export function fileAnswer(header: (name: string) => string | undefined, file: FileState): FileAnswer {
  const lastModified = file.mtime.toUTCString()
  const headers = { ETag: file.etag, 'Last-Modified': lastModified, 'Accept-Ranges': 'bytes' }
  const conditions = { 'if-none-match': header('if-none-match'), 'if-modified-since': header('if-modified-since'), 'cache-control': header('cache-control') }
  if (fresh(conditions, { etag: file.etag, 'last-modified': lastModified })) return { status: 304, headers }
  const range = header('range')
  // A range of a file that changed since the client's If-Range would splice two files: send it all instead.
  if (range && /^\s*bytes=/.test(range) && isSameFile(header('if-range'), file)) {
    const ranges = parseRange(file.size, range, { combine: true })
    if (ranges === -1) return { status: 416, headers: { ...headers, 'Content-Range': `bytes */${file.size}` } }
    // Several ranges would need a multipart answer; like `send`, answer the whole file.
    if (ranges !== -2 && ranges.length === 1) {
      const { start, end } = ranges[0]!
      return { status: 206, headers: { ...headers, 'Content-Range': `bytes ${start}-${end}/${file.size}`, 'Content-Length': String(end - start + 1) }, start, end }
    }
  }
  return { status: 200, headers: { ...headers, 'Content-Length': String(file.size) }, start: 0, end: file.size - 1 }
}

function isSameFile(ifRange: string | undefined, file: FileState): boolean {
  if (!ifRange) return true
  if (ifRange.includes('"')) return ifRange.trim() === file.etag
  return Date.parse(ifRange) === Math.floor(file.mtime.getTime() / 1000) * 1000
}

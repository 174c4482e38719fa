import type { Isbn13 } from './isbn'

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => escapes[c]!)

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** Columns a character takes on the cover: East Asian scripts (from U+2E80) count double. */
const columns = (grapheme: string) => (grapheme.codePointAt(0)! > 0x2e80 ? 2 : 1)
const width = (text: string) => [...graphemes.segment(text)].reduce((n, g) => n + columns(g.segment), 0)

/**
 * The text cut to `max` columns at a grapheme boundary (a letter with its
 * accents, a Hangul syllable of jamo, an emoji sequence stay whole), with an
 * ellipsis when anything was cut.
 */
export function clipText(text: string, max: number): string {
  if (width(text) <= max) return text
  let out = ''
  let cols = 1 // the ellipsis
  for (const { segment } of graphemes.segment(text)) {
    if (cols + columns(segment) > max) break
    out += segment
    cols += columns(segment)
  }
  return `${out.trimEnd()}…`
}

/** Splits a title into lines of about `max` columns (Hangul counts double); a word longer than a line is clipped. */
function wrap(text: string, max: number, maxLines: number): string[] {
  const lines: string[] = []
  let line = ''
  let cols = 0
  for (const word of text.split(/\s+/).filter(Boolean).map((w) => clipText(w, max))) {
    const w = width(word)
    if (cols > 0 && cols + 1 + w > max) {
      lines.push(line)
      line = word
      cols = w
    } else {
      line = cols ? `${line} ${word}` : word
      cols += (cols ? 1 : 0) + w
    }
  }
  if (line) lines.push(line)
  if (lines.length > maxLines) {
    lines.length = maxLines
    const last = lines[maxLines - 1]!
    lines[maxLines - 1] = width(last) + 1 <= max ? `${last}…` : clipText(`${last}  `, max)
  }
  return lines
}

/**
 * A cover for a book that has none: its title and first contributor on a
 * colour derived from the ISBN, so the same book always looks the same.
 */
export function generatedCoverSvg(book: { isbn13: Isbn13; title: string; contributor?: string }): string {
  let h = 0
  for (const ch of book.isbn13) h = (h * 31 + ch.charCodeAt(0)) % 360
  const bg = `hsl(${h} 45% 32%)`
  const band = `hsl(${(h + 40) % 360} 55% 70%)`
  const titleLines = wrap(book.title, 14, 5)
  const title = titleLines.map((l, i) => `<tspan x="20" dy="${i ? 30 : 0}">${esc(l)}</tspan>`).join('')
  const by = book.contributor ? `<text x="20" y="262" font-size="15" fill="#fff" opacity=".85">${esc(clipText(book.contributor, 22))}</text>` : ''
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 300" width="200" height="300" role="img" aria-label="${esc(book.title)}">` +
    `<rect width="200" height="300" fill="${bg}"/><rect y="40" width="200" height="6" fill="${band}"/>` +
    `<text x="20" y="90" font-family="system-ui,'Noto Sans KR',sans-serif" font-size="24" font-weight="700" fill="#fff">${title}</text>` +
    by +
    `</svg>`
  )
}

/**
 * A short fingerprint of what a generated cover shows, for its URL: the URL
 * changes when the title or first contributor does, so covers can be cached
 * for a year.
 */
export function coverFingerprint(title: string, contributor: string | undefined): string {
  let h = 0x811c9dc5
  const text = `${title}\u0000${contributor ?? ''}`
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return (h >>> 0).toString(36)
}

import type { Isbn13 } from './isbn'

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => escapes[c]!)

/** Splits a title into lines of about `width` columns (Hangul counts double). */
function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = []
  let line = ''
  let cols = 0
  for (const word of text.split(/\s+/)) {
    const w = [...word].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)
    if (cols > 0 && cols + 1 + w > width) {
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
    lines[maxLines - 1] = lines[maxLines - 1]!.replace(/.{0,1}$/u, '…')
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
  const by = book.contributor ? `<text x="20" y="262" font-size="15" fill="#fff" opacity=".85">${esc(book.contributor.slice(0, 24))}</text>` : ''
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

import type { TocEntry } from '../catalog'

const PART = /^(?:part|book|partie|teil|제\s*\d+\s*부)\b/i
// A volume ("v. 2", "t. 1", "Bd. 3"), as library contents notes number a set, is a number too.
const NUMBERED = /^((?:\d+(?:\.\d+)*|[IVXLC]+|제\s*\d+\s*장|(?:[vV]|[vV]ol|t|[bB]d|[nN]o)\.\s*\d+))[.):]?\s+(.+)$/

interface Line {
  text: string
  depth: number
  kind?: string
}

/** Splits a TOC written as HTML (lists, paragraphs, line breaks) or plain text into lines with nesting depth. */
function tocLines(source: string): Line[] {
  if (!/<[a-z][\s\S]*>/i.test(source)) {
    return source
      .split(/\r?\n|\s+--\s+|\s*;\s+(?=\S)/)
      .map((t) => ({ text: t.replace(/\s+/g, ' ').trim(), depth: 0 }))
      .filter((l) => l.text)
  }
  const lines: Line[] = []
  let depth = 0
  let current: Line | null = null
  const flush = () => {
    if (current && current.text.trim()) lines.push({ ...current, text: current.text.replace(/\s+/g, ' ').trim() })
    current = null
  }
  const decode = (t: string) => (t.includes('&') ? t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&') : t)
  for (const m of source.matchAll(/<(\/?)([a-zA-Z0-9]+)([^>]*)>|([^<]+)/g)) {
    const [, close, name, attrs, text] = m
    if (text !== undefined) {
      if (text.trim()) (current ??= { text: '', depth }).text += decode(text)
      continue
    }
    const n = name!.toLowerCase()
    if (n === 'ul' || n === 'ol') {
      flush()
      depth += close ? -1 : 1
    } else if (n === 'li' || n === 'p' || n === 'br' || n === 'div' || /^h\d$/.test(n)) {
      flush()
      const kind = attrs ? /class="([a-z]+)"/.exec(attrs)?.[1] : undefined
      if (!close && n !== 'br') current = { text: '', depth: Math.max(0, depth - 1), kind }
    }
  }
  flush()
  return lines
}

/**
 * Reads a table of contents into Colophon's tree. A numbered line is a
 * chapter; "Part"/"제1부" lines are parts; unnumbered lines before the first
 * chapter are front matter and after the last one back matter. A class
 * attribute (front, part, chapter, back), as Colophon's own export writes,
 * wins over the guess.
 */
export function parseToc(source: string): TocEntry[] {
  const lines = tocLines(source)
  const firstChapter = lines.findIndex((l) => NUMBERED.test(l.text) || PART.test(l.text) || l.kind === 'chapter' || l.kind === 'part')
  let lastChapter = -1
  lines.forEach((l, i) => {
    if (NUMBERED.test(l.text) || PART.test(l.text) || l.kind === 'chapter' || l.kind === 'part') lastChapter = i
  })
  const root: TocEntry[] = []
  const parents: TocEntry[] = []
  lines.forEach((l, i) => {
    const m = NUMBERED.exec(l.text)
    const guessed = PART.test(l.text) ? 'part' : m ? 'chapter' : firstChapter < 0 || i < firstChapter ? 'front' : i > lastChapter ? 'back' : 'chapter'
    const kind = (['front', 'part', 'chapter', 'back'].includes(l.kind ?? '') ? l.kind : guessed) as TocEntry['kind']
    const entry: TocEntry = m ? { kind, number: m[1]!.slice(0, 16), title: m[2]!.slice(0, 500) } : { kind, title: l.text.slice(0, 500) }
    parents.length = Math.min(parents.length, l.depth)
    const parent = parents[l.depth - 1]
    if (parent) (parent.children ??= []).push(entry)
    else root.push(entry)
    parents[l.depth] = entry
  })
  return root
}

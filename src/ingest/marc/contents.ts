import type { TocEntry } from '../../catalog'
import { stripIsbd } from './isbd'
import type { MarcField } from './field'

/** Plainly front matter, in the main cataloguing languages and Korean. */
const FRONT = /^(?:preface|foreword|fore-word|introduction|introductory note|prologue|acknowledge?ments?|dedication|contents|table of contents|list of (?:illustrations|figures|tables|abbreviations)|abbreviations|avant-propos|préface|introduction générale|vorwort|einleitung|einführung|prólogo|prefacio|introducción|prefazione|introduzione|предисловие|введение|머리말|머릿말|서문|서론|들어가며|들어가는 말|책머리에|프롤로그|차례|목차|감사의 말|일러두기|추천사)(?![\p{L}\p{N}])/iu
/** Plainly back matter. */
const BACK = /^(?:index(?:es)?|general index|bibliography|references|works cited|further reading|notes|endnotes|glossary|appendix|appendices|annex|afterword|postscript|epilogue|colophon|about the authors?|about the contributors|list of contributors|contributors|chronology|sources|credits|permissions|bibliographie|anhang|register|literaturverzeichnis|índice|bibliografía|indice|указатель|찾아보기|색인|참고문헌|참고 문헌|주석|미주|부록|맺음말|나가며|후기|에필로그|옮긴이의 말|역자 후기|저자 소개|연보)(?![\p{L}\p{N}])/iu
const PART = /^(?:part|book|partie|teil|parte|livre|часть|제\s*\d+\s*부)(?![\p{L}\p{N}])/iu
/** "1.", "IV.", "v. 2.", "제3장" before a title (the numbers toc.ts reads back from an export); a bare number needs its punctuation, so "1984 revisited" stays whole. */
const NUMBER = /^((?:[vV]|[vV]ol|t|[bB]d|[nN]o)\.\s*\d+|\d+(?:\.\d+)*|[IVXLC]+|제\s*\d+\s*장)[.):]?\s+(?=\S)/
const NEEDS_PUNCTUATION = /^(?:\d+(?:\.\d+)*|[IVXLC]+)$/

function kindOf(title: string): TocEntry['kind'] {
  const bare = title.replace(/\s+\/.*$/, '')
  if (FRONT.test(bare)) return 'front'
  if (BACK.test(bare)) return 'back'
  if (PART.test(bare)) return 'part'
  return 'chapter'
}

function entry(text: string, number?: string, responsibility?: string): TocEntry | null {
  const unfenced = (t: string) => t.replace(/\s*--\s*$/, '')
  let title = stripIsbd(unfenced(text))
  let num = number ? stripIsbd(number) : undefined
  const m = num ? null : NUMBER.exec(title)
  if (m && !(NEEDS_PUNCTUATION.test(m[1]!) && !/^[^\s]+[.):]\s/.test(m[0]))) {
    num = m[1]!
    title = title.slice(m[0].length)
  }
  const by = responsibility ? stripIsbd(unfenced(responsibility)) : ''
  const full = by ? `${title} / ${by}` : title
  if (!full) return null
  const kind = num ? 'chapter' : kindOf(full)
  return { kind, ...(num ? { number: num.slice(0, 16) } : {}), title: full.slice(0, 500) }
}

/** Basic 505: $a entries separated by "--" (with or without spaces), or by " ; " when a note has no "--" at all. */
function basic(f: MarcField): TocEntry[] {
  const text = f.subfields.filter(([c]) => c === 'a').map(([, v]) => v).join(' -- ')
  const pieces = /--/.test(text) ? text.split(/\s*--\s*/) : text.split(/\s+;\s+|;\s+(?=\S)/)
  return pieces.map((p) => entry(p)).filter((e): e is TocEntry => e !== null)
}

/** Enhanced 505 (2nd indicator 0): each $t a title, the $r after it its responsibility, a $g before it its number. */
function enhanced(f: MarcField): TocEntry[] {
  const out: TocEntry[] = []
  let number: string | undefined
  let current: { title: string; number?: string; by?: string } | null = null
  const flush = () => {
    const e = current && entry(current.title, current.number, current.by)
    if (e) out.push(e)
    current = null
  }
  for (const [code, value] of f.subfields) {
    if (code === 't') {
      flush()
      current = { title: value, number }
      number = undefined
    } else if (code === 'r' && current) current.by = current.by ? `${current.by} ${value}` : value
    else if (code === 'g') {
      flush()
      number = /\d|^[IVXLC]+\.?$/i.test(value) && value.length <= 20 ? value.replace(/\s*--\s*$/, '') : undefined
    }
  }
  flush()
  return out
}

/**
 * A 505 contents note as the book's contents: its entries are the book's
 * parts and chapters unless plainly front or back matter by their words
 * (preface, index, 머리말, 찾아보기…), numbered or not.
 */
export function contentsOf(fields: MarcField[]): TocEntry[] {
  return fields.filter((f) => f.tag === '505').flatMap((f) => (f.subfields.some(([c]) => c === 't') ? enhanced(f) : basic(f)))
}

/**
 * The one tokeniser both engines index: text becomes plain tokens of letters
 * and digits that FTS5's `unicode61` and PostgreSQL's 'simple' configuration
 * both keep as they are. See docs/decisions/002-search-tokenisation.md.
 */

// Hangul syllables and compatibility jamo, kana and Han: scripts written without spaces between words.
const CJK_CHARS = '\\u1100-\\u11ff\\u3040-\\u30ff\\u3131-\\u318e\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7a3\\uf900-\\ufaff'
const CJK = new RegExp(`[${CJK_CHARS}]`, 'u')
const SCRIPT_RUN = new RegExp(`[${CJK_CHARS}]+|[^${CJK_CHARS}]+`, 'gu')
const WORD = /[\p{L}\p{N}]+/gu

/** Replaces lone surrogates (which no encoder can write) with U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
}

// Printable ASCII and precomposed Hangul syllables are already in every normal form below.
const ALREADY_NORMAL = /^[\x20-\x7e\uac00-\ud7a3\n]*$/

/** NFKC, lower case, Latin diacritics dropped, lone surrogates and control characters gone. */
export function normalise(text: string): string {
  // Most catalog text (Korean prose, English titles) needs only lower-casing; the full pipeline costs ten times more.
  if (ALREADY_NORMAL.test(text)) return text.toLowerCase().replace(/\n/g, ' ')
  return (
    wellFormed(text)
      .normalize('NFKC')
      // Conjoining initial consonants (what NFKC makes of ㄱ…ㅎ) back to the compatibility letters people type.
      .replace(/[\u1100-\u1112](?![\u1161-\u1175])/g, (c: string) => INITIALS[c.charCodeAt(0) - 0x1100]!)
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .normalize('NFC')
      .toLowerCase()
      .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
  )
}

/** A run of one script inside a word, and whether only spaces separate it from the run before. */
interface Run {
  text: string
  isCjk: boolean
  joinsPrevious: boolean
}

function runs(normalised: string): Run[] {
  const out: Run[] = []
  let lastEnd = -1
  for (const m of normalised.matchAll(WORD)) {
    const gapIsSpace = lastEnd >= 0 && /^\s+$/.test(normalised.slice(lastEnd, m.index))
    let first = true
    for (const part of m[0].match(SCRIPT_RUN) ?? []) {
      out.push({ text: part, isCjk: CJK.test(part), joinsPrevious: first ? gapIsSpace : true })
      first = false
    }
    lastEnd = m.index + m[0].length
  }
  return out
}

function bigrams(chars: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!)
  return out
}

/**
 * Index tokens: Latin, Cyrillic and digit words as they are; each stretch of
 * Hangul/Han/kana as overlapping two-character pieces, joined across single
 * spaces ("중국과 러시아" → 중국 국과 과러 러시 시아) so text written with or
 * without spaces matches, and its last character alone so a one-syllable
 * prefix query reaches every position. The same cut as `runs` above, in one
 * pass over the characters: every book's description goes through here on
 * each write, and the regular-expression walk cost a tenth of an import.
 */
export function indexTokens(text: string): string[] {
  const s = normalise(text)
  const out: string[] = []
  // The stretch of CJK characters being read: its length and where its last character is (each is one UTF-16 unit).
  // No closures in here: the build wraps each one made per call.
  let stretch = 0
  let last = -1
  let latinStart = -1
  // Whether only white space lies between the last word character and here.
  let isInGap = false
  let gapIsSpace = false
  for (let i = 0; i < s.length; ) {
    const code = s.charCodeAt(i)
    const width = code >= 0xd800 && code <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1
    const isWord = isWordChar(s, i, code, width)
    const isCjk = isWord && isCjkUnit(code)
    if (latinStart >= 0 && (!isWord || isCjk)) {
      out.push(s.slice(latinStart, i))
      latinStart = -1
    }
    if (stretch > 0 && ((isWord && !isCjk && latinStart < 0) || (isCjk && isInGap && !gapIsSpace))) {
      out.push(s[last]!)
      stretch = 0
    }
    if (!isWord) {
      gapIsSpace = (isInGap ? gapIsSpace : true) && isSpace(code)
      isInGap = true
    } else {
      isInGap = false
      if (isCjk) {
        // Each character after the first closes a pair with the one before.
        if (stretch > 0) out.push(s[last]! + s[i]!)
        stretch++
        last = i
      } else if (latinStart < 0) latinStart = i
    }
    i += width
  }
  if (latinStart >= 0) out.push(s.slice(latinStart))
  if (stretch > 0) out.push(s[last]!)
  return out
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u
const wordChars = new Map<number, boolean>()

/** [\p{L}\p{N}], with ASCII and Hangul syllables answered without a regular expression. */
function isWordChar(s: string, i: number, code: number, width: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a)
  if (code >= 0xac00 && code <= 0xd7a3) return true
  const point = width === 2 ? s.codePointAt(i)! : code
  let known = wordChars.get(point)
  if (known === undefined) wordChars.set(point, (known = WORD_CHAR.test(String.fromCodePoint(point))))
  return known
}

/** The ranges of CJK_CHARS above. */
function isCjkUnit(code: number): boolean {
  return (
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0x3131 && code <= 0x318e) ||
    (code >= 0x1100 && code <= 0x11ff) ||
    (code >= 0xf900 && code <= 0xfaff)
  )
}

/** JavaScript's \s. */
function isSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d)
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
}

/** One piece of a query: a word, a CJK stretch (matched as a phrase of its pieces) or an ISBN. */
export interface QueryPiece {
  kind: 'word' | 'cjk' | 'initials' | 'isbn'
  /** The normalised text as typed. */
  text: string
  /** What the index holds for it: one token, or the two-character pieces of a CJK stretch in order. */
  tokens: string[]
  /** Matches tokens that start with the last one (the word still being typed, or a lone syllable). */
  isPrefix: boolean
}

const INITIALS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ'
const isInitialsOnly = (s: string) => /^[ㄱ-ㅎ]+$/u.test(s)

/** "중국과 러시아" → "ㅈㄱㄱ ㄹㅅㅇ": the initial consonant of every Hangul syllable, other characters dropped. */
export function initialsOf(text: string): string {
  let out = ''
  for (const ch of normalise(text)) {
    const code = ch.charCodeAt(0)
    if (code >= 0xac00 && code <= 0xd7a3) out += INITIALS[Math.floor((code - 0xac00) / 588)]
    else if (/\s/.test(ch)) out += ' '
  }
  return out.replace(/\s+/g, ' ').trim()
}

/**
 * Splits a query into pieces. Every piece must match; the last word is a
 * prefix. CJK stretches become phrases of two-character pieces, a lone
 * syllable a prefix on them, and a run of initial consonants a 초성 search.
 */
export function queryPieces(query: string, maxPieces = 12): QueryPiece[] {
  const pieces: QueryPiece[] = []
  for (const run of runs(normalise(query))) {
    if (run.isCjk) {
      const chars = [...run.text]
      const kind = isInitialsOnly(run.text) ? 'initials' : 'cjk'
      pieces.push({ kind, text: run.text, tokens: chars.length === 1 ? chars : bigrams(chars), isPrefix: chars.length === 1 })
    } else {
      pieces.push({ kind: 'word', text: run.text, tokens: [run.text], isPrefix: false })
    }
    if (pieces.length >= maxPieces) break
  }
  const last = pieces[pieces.length - 1]
  if (last?.kind === 'word') last.isPrefix = true
  return pieces
}

/**
 * MARC-8 to Unicode, after the Library of Congress "MARC 21 Specifications:
 * Character Sets" and its code tables (marc8-tables.generated.ts, generated
 * by scripts/marc8-tables.ts). G0 starts as ASCII and G1 as ANSEL; escape
 * sequences designate the other sets: ESC ( F / ESC , F into G0, ESC ) F /
 * ESC - F into G1, ESC $ F / ESC $ , F / ESC $ ) F for the multibyte EACC,
 * and ESC g, ESC b, ESC p (Greek symbols, subscripts, superscripts) into G0
 * until ESC s. A combining mark comes before its base character in MARC-8 and
 * after it in Unicode, so marks wait for their base; the result is NFC.
 * Numeric character references (&#xXXXX;), which MARC-8 uses for characters
 * it lacks, become those characters.
 *
 * Damage some systems do to MARC-8 is repaired and said in `repairs`: a
 * script left designated where its set has no such character (the escape back
 * to ASCII was dropped) reads on as ASCII, as do digits in Greek text, whose
 * set has no digits; a subfield delimiter inside Cyrillic text that stood for
 * Э (0x7C) is read as Э by `repairMarc8Delimiters`.
 */
import { CONTROLS, EACC_ROWS, SINGLE_BYTE_SETS } from './marc8-tables.generated'

export interface Marc8Text {
  text: string
  /** Bytes that mean nothing in MARC-8 here: undefined G1 codes, and marks before no letter (0xE0 stands for those). */
  invalid: number[]
  /** Characters of a designated set that have no Unicode mapping (EACC codes not in the tables): shown as U+FFFD. */
  unmapped: number
  /** What was repaired, one line per kind. */
  repairs: string[]
}

interface CharSet {
  name: string
  isMultibyte: boolean
  /** By 7-bit code; undefined where the set has no character. */
  chars: Array<string | undefined>
  isCombining: Uint8Array
}

const ESC = 0x1b
const ASCII_FINAL = 0x42
const CYRILLIC_FINAL = 0x4e
/** Technique 1: ESC and one byte, for the sets of a few characters. */
const SHORT_FINALS: Record<number, number> = { 0x67: 0x67, 0x62: 0x62, 0x70: 0x70, 0x73: ASCII_FINAL }
/** The non-sort markers say where a sort key starts; the text keeps no trace of them. */
const DROPPED_CONTROLS = new Set([0x88, 0x89])

const SETS = new Map<number, CharSet>()
for (const [final, table] of Object.entries(SINGLE_BYTE_SETS)) {
  const chars: Array<string | undefined> = new Array(128)
  for (const [code, ch] of Object.entries(table.chars)) chars[Number(code)] = ch
  const isCombining = new Uint8Array(128)
  for (const code of table.combining) isCombining[code] = 1
  SETS.set(final.charCodeAt(0), { name: table.name, isMultibyte: false, chars, isCombining })
}
const EACC_FINAL = 0x31
SETS.set(EACC_FINAL, { name: 'East Asian (EACC)', isMultibyte: true, chars: [], isCombining: new Uint8Array(128) })
const ASCII = SETS.get(ASCII_FINAL)!
const ANSEL = SETS.get(0x45)!
const GREEK = SETS.get(0x53)!

let eacc: { rows: Int32Array; cells: Uint32Array } | null = null
/** The EACC table as row index → 96 cells of code points (0: none), built on first use. */
function eaccTable(): { rows: Int32Array; cells: Uint32Array } {
  if (eacc) return eacc
  const lines = EACC_ROWS.split('\n').filter(Boolean)
  const rows = new Int32Array(96 * 96).fill(-1)
  const cells = new Uint32Array(lines.length * 96)
  lines.forEach((line, r) => {
    rows[(line.charCodeAt(0) - 0x20) * 96 + line.charCodeAt(1) - 0x20] = r
    for (let i = 2; i < line.length; ) {
      const cp = line.codePointAt(i + 1)!
      cells[r * 96 + line.charCodeAt(i) - 0x20] = cp
      i += cp > 0xffff ? 3 : 2
    }
  })
  return (eacc = { rows, cells })
}

/** The code point of a three-byte EACC code (each byte's high bit ignored), or 0. */
export function eaccCodePoint(b1: number, b2: number, b3: number): number {
  const { rows, cells } = eaccTable()
  const [c1, c2, c3] = [(b1 & 0x7f) - 0x20, (b2 & 0x7f) - 0x20, (b3 & 0x7f) - 0x20]
  if (c1 < 0 || c2 < 0 || c3 < 0) return 0
  const r = rows[c1 * 96 + c2]!
  return r < 0 ? 0 : cells[r * 96 + c3]!
}

interface Designation {
  next: number
  set?: CharSet
  isG1?: boolean
  /** False for an ESC that begins no escape sequence (a stray byte). */
  isSequence: boolean
}

/** The intermediate bytes MARC-8 escape sequences use: ! $ ( ) , - */
const INTERMEDIATES = new Set([0x21, 0x24, 0x28, 0x29, 0x2c, 0x2d])

/** Reads the escape sequence at `at`: which set it designates into G0 or G1, and where the text goes on. */
function readEscape(bytes: Uint8Array, at: number): Designation {
  const short = SHORT_FINALS[bytes[at + 1] ?? 0]
  if (short) return { next: at + 2, set: SETS.get(short)!, isSequence: true }
  let j = at + 1
  let isG1 = false
  while (j < bytes.length && INTERMEDIATES.has(bytes[j]!)) {
    if (bytes[j] === 0x29 || bytes[j] === 0x2d) isG1 = true
    j++
  }
  const final = bytes[j]
  if (j === at + 1 || final === undefined || final < 0x30 || final > 0x7e) return { next: at + 1, isSequence: false }
  return { next: j + 1, set: SETS.get(final), isG1, isSequence: true }
}

/** A numeric character reference (&#xXXXX; or &#NNNN;) at `at`: its character and length, or null. */
function characterReference(bytes: Uint8Array, at: number): { ch: string; length: number } | null {
  if (bytes[at + 1] !== 0x23) return null
  const end = bytes.indexOf(0x3b, at + 2)
  if (end < 0 || end - at > 10) return null
  const body = String.fromCharCode(...bytes.subarray(at + 2, end))
  const m = /^(?:[xX]([0-9A-Fa-f]{1,6})|(\d{1,7}))$/.exec(body)
  const cp = m ? parseInt(m[1] ?? m[2]!, m[1] ? 16 : 10) : -1
  if (cp < 0x20 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null
  return { ch: String.fromCodePoint(cp), length: end - at + 1 }
}

/** Digits in Greek text: a run of two or more of 0x30–0x39 (Greek has quotes at 0x30–0x35 and nothing at 0x36–0x39). */
function isDigitRun(bytes: Uint8Array, at: number): boolean {
  const isDigit = (b: number | undefined) => b !== undefined && b >= 0x30 && b <= 0x39
  return isDigit(bytes[at]) && (bytes[at]! >= 0x36 || isDigit(bytes[at + 1]) || isDigit(bytes[at - 1]))
}

/** A letter or digit, which a combining mark may sit on. */
const isBase = (ch: string) => /^[A-Za-z0-9]/.test(ch) || /[\p{L}\p{N}]/u.test(ch)

function isPlainAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!
    if (b >= 0x7f || b === ESC || b === 0x26) return false
  }
  return true
}

/** For text known to be ASCII, where every single-byte decoder agrees. */
const asciiDecoder = new TextDecoder('latin1')

/** The state of one conversion: the designated sets, the text so far, marks waiting for their base, what was found. */
class Decoding {
  out = ''
  pending = ''
  g0 = ASCII
  g1 = ANSEL
  unmapped = 0
  invalid: number[] = []
  repairs: string[] = []

  constructor(readonly bytes: Uint8Array) {}

  emit(ch: string): void {
    // A MARC-8 diacritic always precedes a letter; one before a space or a mark means the bytes are in another encoding.
    if (this.pending && !isBase(ch)) this.invalid.push(0xe0)
    this.out += ch + this.pending
    this.pending = ''
  }

  repair(what: string): void {
    if (!this.repairs.includes(what)) this.repairs.push(what)
  }

  /** An EACC character from three bytes at `at`; returns the index of its last byte. */
  multibyte(at: number): number {
    const [b1, b2, b3] = [this.bytes[at]!, this.bytes[at + 1], this.bytes[at + 2]]
    const cp = b2 === undefined || b3 === undefined ? 0 : eaccCodePoint(b1, b2, b3)
    if (!cp) this.unmapped++
    this.emit(cp ? String.fromCodePoint(cp) : '\ufffd')
    return at + 2
  }

  /** The escape sequence at `at`; returns the index of its last byte. */
  escape(at: number): number {
    const d = readEscape(this.bytes, at)
    if (!d.isSequence) this.repair('a stray ESC (0x1B) that begins no escape sequence was dropped')
    else if (!d.set) this.repair(`an escape sequence that designates no MARC-8 character set (ESC ${String.fromCharCode(...this.bytes.subarray(at + 1, d.next))}) was skipped`)
    else if (d.isG1) this.g1 = d.set
    else this.g0 = d.set
    return d.next - 1
  }

  /** A byte of 0x20–0x7E (and 0x7F in EACC), read in G0; returns the index of the last byte read. */
  graphic(at: number): number {
    const { bytes, g0 } = this
    const b = bytes[at]!
    if (g0 === ASCII && !this.pending && b !== 0x26) {
      // A run of plain ASCII is copied whole.
      let end = at + 1
      while (end < bytes.length && bytes[end]! >= 0x20 && bytes[end]! < 0x7f && bytes[end] !== 0x26) end++
      this.out += asciiText(bytes, at, end)
      return end - 1
    }
    const ref = b === 0x26 && g0 === ASCII ? characterReference(bytes, at) : null
    if (ref) return this.emit(ref.ch), at + ref.length - 1
    if (g0.isMultibyte) return b === 0x20 ? (this.emit(' '), at) : this.multibyte(at)
    const ch = g0.chars[b] ?? (b === 0x20 ? ' ' : undefined)
    if (ch === undefined || (g0 === GREEK && isDigitRun(bytes, at))) {
      this.repair(`MARC-8 ${g0.name} was left designated over characters it does not have (digits, punctuation): read on as ASCII from there, as if the escape back had been dropped`)
      this.g0 = ASCII
      return at - 1
    }
    if (g0.isCombining[b]) this.pending += ch
    else this.emit(ch)
    return at
  }

  /** A byte of 0x80–0xFF: a C1 control or a character of G1; returns the index of the last byte read. */
  high(at: number): number {
    const b = this.bytes[at]!
    if (b < 0xa0) {
      const ch = CONTROLS[b]
      if (!ch) this.invalid.push(b), this.emit('\ufffd')
      else if (!DROPPED_CONTROLS.has(b)) this.emit(ch)
      return at
    }
    if (this.g1.isMultibyte) return this.multibyte(at)
    const ch = this.g1.chars[b & 0x7f]
    if (ch === undefined) this.invalid.push(b), this.emit('\ufffd')
    else if (this.g1.isCombining[b & 0x7f]) this.pending += ch
    else this.emit(ch)
    return at
  }
}

/** Bytes known to be ASCII as text: short runs char by char, long ones by the native decoder. */
function asciiText(bytes: Uint8Array, from: number, to: number): string {
  if (to - from > 24) return asciiDecoder.decode(bytes.subarray(from, to))
  let text = ''
  for (let i = from; i < to; i++) text += String.fromCharCode(bytes[i]!)
  return text
}

export function marc8ToUnicode(bytes: Uint8Array): Marc8Text {
  if (isPlainAscii(bytes)) return { text: asciiText(bytes, 0, bytes.length), invalid: [], unmapped: 0, repairs: [] }
  const d = new Decoding(bytes)
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!
    if (b === ESC) i = d.escape(i)
    else if (b < 0x20) d.emit(String.fromCharCode(b))
    else if (b < 0x7f || (b === 0x7f && d.g0.isMultibyte)) i = d.graphic(i)
    else i = d.high(i)
  }
  return { text: (d.out + d.pending).normalize('NFC'), invalid: d.invalid, unmapped: d.unmapped, repairs: d.repairs }
}

/**
 * Some systems write a subfield delimiter (0x1F) for "|", which in Basic
 * Cyrillic is Э. A delimiter while Basic Cyrillic is still designated in G0,
 * right after a letter or the escape itself, and not followed by a subfield
 * that designates its own set, is that Э: this returns the field with it put
 * back (and how many), the bytes as they were when there is none.
 */
export function repairMarc8Delimiters(body: Uint8Array): { bytes: Uint8Array; repaired: number } {
  if (!body.includes(ESC)) return { bytes: body, repaired: 0 }
  let g0 = ASCII_FINAL
  let copy: Uint8Array | null = null
  for (let i = 0; i < body.length; i++) {
    const b = body[i]!
    if (b === ESC) {
      const d = readEscape(body, i)
      if (d.set && !d.isG1) g0 = body[d.next - 1] === 0x73 ? ASCII_FINAL : body[d.next - 1]!
      i = d.next - 1
    } else if (b === 0x1f) {
      const before = body[i - 1] ?? 0
      if (g0 === CYRILLIC_FINAL && before >= 0x40 && before <= 0x7e && body[i + 2] !== ESC) (copy ??= Uint8Array.from(body))[i] = 0x7c
      else g0 = ASCII_FINAL
    }
  }
  if (!copy) return { bytes: body, repaired: 0 }
  let repaired = 0
  for (let i = 0; i < body.length; i++) if (copy[i] !== body[i]) repaired++
  return { bytes: copy, repaired }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

function hasHighByte(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true
  return false
}

/**
 * Whether a record that leader/09 calls MARC-8 is really UTF-8: no escape
 * sequence, some bytes above 0x7F, and all of them whole UTF-8 sequences.
 * MARC-8 text never is: its diacritics (0xE0–0xFE) come before an ASCII
 * letter and its special characters (0xA1–0xC8) stand alone, neither of
 * which UTF-8 allows.
 */
export function isUtf8NotMarc8(record: Uint8Array): boolean {
  if (record.includes(ESC) || !hasHighByte(record)) return false
  try {
    strictUtf8.decode(record)
    return true
  } catch {
    return false
  }
}

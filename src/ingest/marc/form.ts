import type { BookFormat } from '../../catalog'
import type { MarcRecord } from './field'

/** 'print': a printed book whose binding the evidence does not say. */
type Hint = BookFormat | 'print'

/** Leader/06, type of record: anything but language material says what the item is. */
const RECORD_TYPES: Record<string, { hint: Hint; what: string }> = {
  i: { hint: 'audiobook', what: 'nonmusical sound recording' },
  j: { hint: 'other', what: 'musical sound recording' },
  m: { hint: 'ebook', what: 'computer file' },
  g: { hint: 'other', what: 'projected medium (video)' },
  k: { hint: 'other', what: 'two-dimensional graphic' },
  r: { hint: 'other', what: 'three-dimensional artefact' },
  o: { hint: 'other', what: 'kit' },
  p: { hint: 'other', what: 'mixed materials' },
  e: { hint: 'other', what: 'cartographic material' },
  f: { hint: 'other', what: 'manuscript cartographic material' },
  c: { hint: 'other', what: 'notated music' },
  d: { hint: 'other', what: 'manuscript notated music' },
}

/** 007/00, category of material (with 007/01 for electronic resources: r is remote, an online e-book). */
function physicalHint(f007: string): Hint | null {
  const kind = f007[0]
  if (kind === 'c') return f007[1] === 'r' || f007[1] === 'o' || f007[1] === 'j' ? 'ebook' : null
  if (kind === 's') return 'audiobook'
  if (kind === 'h' || kind === 'v' || kind === 'm' || kind === 'g' || kind === 'k' || kind === 'o') return 'other'
  if (kind === 't') return 'print'
  return null
}

/** 008/23 for books, form of item: o online, s electronic, q direct electronic; a–c microform; r, d print. */
function formOfItemHint(f008: string): Hint | null {
  const c = f008[23]
  if (c === 'o' || c === 's' || c === 'q') return 'ebook'
  if (c === 'a' || c === 'b' || c === 'c') return 'other'
  if (c === 'r' || c === 'd') return 'print'
  return null
}

/** Words of 020 qualifiers, 338 carriers, 245 $h media and 300 extents, in the main cataloguing languages. */
const WORDS: Array<[RegExp, Hint]> = [
  [/\b(?:e-?books?|ebk|electronic(?: resource| book)?|online(?: resource)?|pdf|epub|mobi|kindle|e-?pub|computer file|전자책|전자자료)\b/i, 'ebook'],
  [/\b(?:audio ?books?|audio ?(?:disc|cassette|cd)s?|sound (?:recording|disc|cassette)s?|cd-?audio|mp3|talking book|오디오북)\b/i, 'audiobook'],
  [/\b(?:video ?(?:recording|disc|cassette)s?|dvds?|blu-?ray|microform|microfiche|microfilm|kit|slides?|game)\b/i, 'other'],
  [/^(?:pbk|pb|paper|paperback|soft ?cover|softbound|trade paper|broch[ée]|brosch(?:iert)?|kart(?:oniert)?|br|rústica|무선|반양장|페이퍼백)\.?$/i, 'paperback'],
  [/^(?:hbk|hb|hardback|hard ?cover|hardbound|cloth|bound|lib\.? ?bdg|library binding|geb(?:unden)?|rel(?:ié)?|cart(?:onné)?|양장|하드커버)\.?$/i, 'hardcover'],
  [/^(?:volume|sheet|unmediated|nc|print|printed text)$/i, 'print'],
]

/** A hint from free words; a qualifier "(pbk. : alk. paper)" is read part by part, so "alk. paper" is no paperback. */
function wordHint(text: string): Hint | null {
  for (const part of text.split(/\s*[:;/,]\s*/).map((p) => p.trim()).filter(Boolean)) {
    const hit = WORDS.find(([re]) => re.test(part))
    if (hit) return hit[1]
  }
  return null
}

export interface MarcForm {
  format: BookFormat
  /** What said it, or why nothing did: for the report. */
  note: string | null
}

/**
 * The format, from the most specific evidence down: the qualifier of the
 * record's own ISBN ("pbk.", "e-book"), leader/06, 007, 008/23, 338 carrier,
 * 245 $h medium, 300 extent. A printed book whose binding nothing names, and
 * a record that says nothing, have an unknown format: no guess.
 */
export function formOf(marc: MarcRecord, qualifiers: string[], medium: string | null): MarcForm {
  const field = (tag: string) => marc.fields.find((f) => f.tag === tag)
  const subs = (tag: string, code: string) => marc.fields.filter((f) => f.tag === tag).flatMap((f) => f.subfields.filter(([c]) => c === code).map(([, v]) => v))
  const type = RECORD_TYPES[marc.leader[6] ?? '']
  const evidence: Array<[string, () => Hint | null]> = [
    [`020 qualifier "${qualifiers.join('; ')}"`, () => qualifiers.map(wordHint).find(Boolean) ?? null],
    [`leader/06 "${marc.leader[6]}" (${type?.what})`, () => type?.hint ?? null],
    [`007 "${field('007')?.value ?? ''}"`, () => physicalHint(field('007')?.value ?? '')],
    [`008/23 "${field('008')?.value?.[23] ?? ''}"`, () => formOfItemHint(field('008')?.value ?? '')],
    [`338 "${[...subs('338', 'a'), ...subs('338', 'b')].join('; ')}"`, () => [...subs('338', 'a'), ...subs('338', 'b')].map(wordHint).find(Boolean) ?? null],
    [`245$h "${medium ?? ''}"`, () => (medium ? wordHint(medium) : null)],
    [`300$a "${subs('300', 'a').join('; ')}"`, () => subs('300', 'a').map(wordHint).find(Boolean) ?? null],
  ]
  for (const [source, hint] of evidence) {
    const h = hint()
    if (h === 'print') return { format: 'unknown', note: `format: ${source} says a printed book but not its binding; the format is left unknown` }
    if (h) return { format: h, note: marc.leader[6] === 'j' && h === 'other' ? `format: ${source}: music, not an audiobook; filed as other` : null }
  }
  return { format: 'unknown', note: 'format: nothing in the record (leader/06, 007, 008/23, 338, 245$h, 300, 020 qualifier) says it; left unknown' }
}

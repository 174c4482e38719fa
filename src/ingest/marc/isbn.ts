import { compactIsbn, parseIsbn } from '../../catalog'
import { InputError } from '../../core/errors'
import type { Problem } from '../types'
import { stripIsbd } from './isbd'
import type { MarcField } from './field'

/** An ISBN as 020 $a writes it: digits (hyphens allowed), then anything — " :", "(pbk.)", "(v. 1)" — which is no part of it. */
const LEADING_ISBN = /^\s*(?:ISBN[:\s]*)?(\d[\d\-‐]{8,15}[\dXx])(?![\dXx])\s*(.*)$/i

interface Candidate {
  raw: string
  isbn: string
  /** The qualifier after the number and in $q: "pbk.", "v. 1", "e-book". */
  qualifiers: string[]
}

export interface MarcIsbn {
  /** The record's ISBN as written (the pipeline validates it), or null when 020 has none. */
  isbn: string | null
  /** Its qualifiers, hints of the format ("pbk.", "hbk.", "e-book"). */
  qualifiers: string[]
  problem: Problem | null
  notes: string[]
}

/** "(pbk.) (v. 1)" → ["pbk.", "v. 1"]; "(Sciences et culture : v. 1) :" → ["Sciences et culture : v. 1"]; "pbk." → ["pbk."]. */
function qualifiersOf(rest: string, q: string[]): string[] {
  const groups = [...rest.matchAll(/\(([^()]*)\)/g)].map((m) => m[1]!)
  const bare = groups.length ? [] : [rest]
  return [...groups, ...bare, ...q].map(stripIsbd).filter(Boolean)
}

function candidatesOf(f: MarcField): Candidate[] {
  const q = f.subfields.filter(([c]) => c === 'q').map(([, v]) => v)
  return f.subfields.filter(([c]) => c === 'a').flatMap(([, raw]) => {
    const m = LEADING_ISBN.exec(raw)
    return m ? [{ raw: raw.trim(), isbn: compactIsbn(m[1]!), qualifiers: qualifiersOf(m[2]!, q) }] : []
  })
}

const canonical = (isbn: string) => {
  try {
    return parseIsbn(isbn)
  } catch {
    return null
  }
}
const why = (isbn: string) => {
  try {
    parseIsbn(isbn)
    return ''
  } catch (e) {
    return e instanceof InputError ? e.reason : String(e)
  }
}
const described = (c: Candidate) => `${c.isbn}${c.qualifiers.length ? ` (${c.qualifiers.join('; ')})` : ''}`

/**
 * The record's ISBN from 020: the first $a that is a valid ISBN, read past
 * ISBD punctuation and qualifiers. The report names every other ISBN of the
 * record: other editions' in $a, and the cancelled or invalid ones of $z.
 */
export function readIsbn(fields: MarcField[]): MarcIsbn {
  const candidates = fields.filter((f) => f.tag === '020').flatMap(candidatesOf)
  const chosen = candidates.find((c) => canonical(c.isbn)) ?? candidates[0]
  const notes: string[] = []
  const isbn13 = chosen && canonical(chosen.isbn)
  if (chosen && chosen.qualifiers.length) notes.push(`020$a: "${chosen.raw}" read as ISBN ${chosen.isbn} with the qualifier "${chosen.qualifiers.join('; ')}"`)
  for (const c of candidates) {
    if (c === chosen || (isbn13 && canonical(c.isbn) === isbn13)) continue
    if (canonical(c.isbn)) notes.push(`020$a: the record also names ISBN ${described(c)}, another edition; not imported from this record`)
    else notes.push(`020$a: "${c.raw}" passed over: ${why(c.isbn)}`)
  }
  const cancelled = fields.filter((f) => f.tag === '020').flatMap((f) => f.subfields.filter(([c]) => c === 'z').map(([, v]) => stripIsbd(v)))
  for (const z of cancelled) notes.push(`020$z: cancelled or invalid ISBN ${z} listed in the record; not imported`)
  if (chosen) return { isbn: chosen.isbn, qualifiers: chosen.qualifiers, problem: null, notes }
  const reason = cancelled.length
    ? `no valid ISBN in 020$a; 020$z lists only cancelled or invalid ones (${cancelled.join(', ')}); Colophon files books by ISBN`
    : 'no ISBN in the record; Colophon files books by ISBN'
  return { isbn: null, qualifiers: [], problem: { field: '020$a', reason }, notes }
}

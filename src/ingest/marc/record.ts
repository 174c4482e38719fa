import type { Contributor, ContributorRole } from '../../catalog'
import type { IncomingFields, IncomingRecord, Problem } from '../types'
import { marcSubjects } from './subjects'
import { contentsOf } from './contents'
import { issuedOf } from './dates'
import { formOf } from './form'
import { publisherOf, titleOf } from './isbd'
import { readIsbn } from './isbn'

import type { MarcField, MarcRecord } from './field'

export type { MarcField, MarcRecord } from './field'

const RELATOR_TERMS: Record<string, ContributorRole> = { author: 'author', translator: 'translator', editor: 'editor', illustrator: 'illustrator', photographer: 'photographer' }
const RELATOR_CODES: Record<string, ContributorRole> = { aut: 'author', trl: 'translator', edt: 'editor', ill: 'illustrator', pht: 'photographer' }

/** Strips ISBD punctuation a cataloguer ends a subfield with (" /", " :", " ;", ",", "."). */
const clean = (s: string) => s.replace(/\s*[/:;,=]\s*$/, '').replace(/(?<![A-Z])\.$/, '').trim()
const sub = (f: MarcField | undefined, code: string) => f?.subfields.find(([c]) => c === code)?.[1]
const subs = (f: MarcField, code: string) => f.subfields.filter(([c]) => c === code).map(([, v]) => v)

/** "Chabon, Michael." → "Michael Chabon"; names without a comma stay as written. */
function displayName(raw: string): string {
  const name = clean(raw)
  const m = /^([^,]+),\s*(.+)$/.exec(name)
  return m ? `${m[2]} ${m[1]}` : name
}

function contributor(f: MarcField, fallback: ContributorRole): Contributor | null {
  const name = sub(f, 'a')
  if (!name) return null
  const term = subs(f, 'e').map((e) => clean(e).toLowerCase())
  const code = subs(f, '4').map((c) => c.trim().toLowerCase())
  const role = term.map((t) => RELATOR_TERMS[t]).find(Boolean) ?? code.map((c) => RELATOR_CODES[c]).find(Boolean) ?? (term.length || code.length ? 'other' : fallback)
  return { name: displayName(name), role }
}

/** "368 p." / "xii, 368 pages" → 368; "22 cm" or "24 x 16 cm" → height (and width) in mm. */
function physical(f: MarcField | undefined, fields: IncomingFields, corrections: string[]): void {
  const extent = sub(f, 'a') ?? ''
  const pages = /(\d[\d,]*)\s*(?:p\b|pages|pp|쪽|페이지)/i.exec(extent)
  if (pages) fields.pageCount = Number(pages[1]!.replace(/,/g, ''))
  const size = sub(f, 'c') ?? ''
  const m = /(\d+(?:\.\d+)?)\s*(?:x\s*(\d+(?:\.\d+)?)\s*)?(cm|mm)/i.exec(size)
  if (!m) return
  const scale = m[3]!.toLowerCase() === 'cm' ? 10 : 1
  if (m[2]) fields.dimensions = { heightMm: Math.round(Number(m[1]) * scale), widthMm: Math.round(Number(m[2]) * scale), thicknessMm: null }
  else corrections.push(`300$c: "${clean(size)}" gives the height only; dimensions need height and width, so they were not kept`)
}

/**
 * A MARC 21 bibliographic record as an IncomingRecord: 020, 041, 056 (KDC), 082 (DDC),
 * 100/700, 245, 260/264, 300, 505, 520, 650/653. 250 (edition) has no field
 * in Colophon's catalog yet and is not kept.
 */
export function marcToRecord(marc: MarcRecord, at: { file: string; index: number }, problems: Problem[], corrections: string[]): IncomingRecord {
  const byTag = (tag: string) => marc.fields.filter((f) => f.tag === tag)
  const first = (tag: string) => byTag(tag)[0]
  const fields: IncomingFields = {}
  const id = readIsbn(marc.fields)
  if (id.isbn) fields.isbn13 = id.isbn
  if (id.problem) problems.push(id.problem)
  corrections.push(...id.notes)
  const t = first('245')
  const title = t ? titleOf(t) : null
  if (title) {
    fields.title = title.title
    fields.subtitle = title.subtitle
    if (title.parallel) corrections.push(`245$b: "${title.parallel}" follows " =", a parallel title, not a subtitle; not kept as one`)
  }
  const form = formOf(marc, id.qualifiers, title?.medium ?? null)
  // Unknown is left out: a new book is stored as unknown, a known one keeps the format it has.
  if (form.format !== 'unknown') fields.format = form.format
  if (form.note) corrections.push(form.note)
  const people = [...byTag('100').map((f) => contributor(f, 'author')), ...byTag('700').map((f) => contributor(f, 'other'))].filter((c): c is Contributor => c !== null)
  fields.contributors = people
  const pub = byTag('264').find((f) => f.ind2 === '1') ?? first('260')
  if (pub) fields.publisher = publisherOf(sub(pub, 'b'))
  const issued = issuedOf(pub, first('008')?.value)
  if (issued.issuedOn) fields.issuedOn = issued.issuedOn
  if (issued.note) corrections.push(issued.note)
  physical(first('300'), fields, corrections)
  if (byTag('505').length) fields.toc = contentsOf(marc.fields)
  const summary = byTag('520').map((f) => sub(f, 'a')).filter(Boolean)
  if (summary.length) fields.descriptionHtml = summary.join('\n\n')
  const lang = sub(first('041'), 'a') ?? first('008')?.value?.slice(35, 38)
  if (lang && /^[a-z]{3}$/.test(lang.trim())) fields.language = lang.trim()
  const subjects = marcSubjects(marc.fields)
  const reference = first('001')?.value?.trim() || id.isbn || null
  return { source: { file: at.file, index: at.index, reference }, action: 'upsert', fields, subjects, problems, corrections }
}

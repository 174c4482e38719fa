import type { IncomingFields, IncomingRecord, Problem } from '../types'
import { alternateForms, preferOriginalScript } from './alternate-script'
import { contentsOf } from './contents'
import { issuedOf } from './dates'
import { formOf } from './form'
import { publisherOf, titleOf } from './isbd'
import { readIsbn } from './isbn'
import { marcContributors } from './names'
import { marcLanguage } from './language'
import { marcSubjects } from './subjects'

import type { MarcField, MarcRecord } from './field'

export type { MarcField, MarcRecord } from './field'

/** Strips ISBD punctuation a cataloguer ends a subfield with (" /", " :", " ;", ",", "."). */
const clean = (s: string) => s.replace(/\s*[/:;,=]\s*$/, '').replace(/(?<![A-Z])\.$/, '').trim()
const sub = (f: MarcField | undefined, code: string) => f?.subfields.find(([c]) => c === code)?.[1]

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
 * 100/110/111/700/710/711 (with 880 in the original script), 245, 260/264, 300, 505, 520, 650/653. 250 (edition) has no field
 * in Colophon's catalog yet and is not kept.
 */
export function marcToRecord(marc: MarcRecord, at: { file: string; index: number }, problems: Problem[], corrections: string[]): IncomingRecord {
  // Fields linked to an 880 hold the original script from here on (alternate-script.ts).
  const script = preferOriginalScript(marc.fields, corrections)
  const byTag = (tag: string) => script.fields.filter((f) => f.tag === tag)
  const first = (tag: string) => byTag(tag)[0]
  const fields: IncomingFields = {}
  const id = readIsbn(script.fields)
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
  const people = marcContributors(script.fields, corrections)
  fields.contributors = people.list
  fields.alternateForms = alternateForms(script.alternates)
  const pub = byTag('264').find((f) => f.ind2 === '1') ?? first('260')
  if (pub) fields.publisher = publisherOf(sub(pub, 'b'))
  const issued = issuedOf(pub, first('008')?.value)
  if (issued.issuedOn) fields.issuedOn = issued.issuedOn
  if (issued.note) corrections.push(issued.note)
  physical(first('300'), fields, corrections)
  if (byTag('505').length) fields.toc = contentsOf(script.fields)
  const summary = byTag('520').map((f) => sub(f, 'a')).filter(Boolean)
  if (summary.length) fields.descriptionHtml = summary.join('\n\n')
  const language = marcLanguage(sub(first('041'), 'a'), first('008')?.value, corrections)
  if (language) fields.language = language
  const subjects = marcSubjects(marc.fields)
  const reference = first('001')?.value?.trim() || id.isbn || null
  return { source: { file: at.file, index: at.index, reference }, action: 'upsert', fields, subjects, problems, corrections, unknownRoles: people.unknownRoles }
}

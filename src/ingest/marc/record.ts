import type { Contributor, ContributorRole } from '../../catalog'
import { parseToc } from '../toc'
import type { IncomingFields, IncomingRecord, Problem, SubjectCode } from '../types'

export interface MarcField {
  tag: string
  ind1: string
  ind2: string
  /** Control fields (00X) have a value and no subfields. */
  value?: string
  subfields: Array<[code: string, value: string]>
}

export interface MarcRecord {
  leader: string
  fields: MarcField[]
}

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

function yearOf(f: MarcField | undefined): string | null {
  const m = /(\d{4})/.exec(sub(f, 'c') ?? '')
  return m ? m[1]! : null
}

/**
 * A MARC 21 bibliographic record as an IncomingRecord: 020, 041, 056 (KDC),
 * 100/700, 245, 260/264, 300, 505, 520, 650/653. 250 (edition) has no field
 * in Colophon's catalog yet and is not kept.
 */
export function marcToRecord(marc: MarcRecord, at: { file: string; index: number }, problems: Problem[], corrections: string[]): IncomingRecord {
  const byTag = (tag: string) => marc.fields.filter((f) => f.tag === tag)
  const first = (tag: string) => byTag(tag)[0]
  const fields: IncomingFields = {}
  const isbns = byTag('020').map((f) => (sub(f, 'a') ?? '').trim().split(/\s/)[0]!).filter(Boolean)
  const isbn = isbns.find((i) => i.replace(/-/g, '').length === 13) ?? isbns[0]
  if (isbn) fields.isbn13 = isbn
  else problems.push({ field: '020$a', reason: 'no ISBN in the record; Colophon files books by ISBN' })
  const t = first('245')
  if (t) {
    const parts = [sub(t, 'a'), ...subs(t, 'n'), ...subs(t, 'p')].filter(Boolean).map((s) => clean(s!))
    fields.title = parts.join('. ') || null
    fields.subtitle = sub(t, 'b') ? clean(sub(t, 'b')!) : null
  }
  const people = [...byTag('100').map((f) => contributor(f, 'author')), ...byTag('700').map((f) => contributor(f, 'other'))].filter((c): c is Contributor => c !== null)
  fields.contributors = people
  const pub = byTag('264').find((f) => f.ind2 === '1') ?? first('260')
  if (pub) {
    fields.publisher = sub(pub, 'b') ? clean(sub(pub, 'b')!) : null
    const year = yearOf(pub)
    if (year) {
      fields.issuedOn = `${year}-01-01`
      corrections.push(`${pub.tag}$c: year ${year} read as 1 January`)
    }
  }
  physical(first('300'), fields, corrections)
  const contents = byTag('505').map((f) => (subs(f, 't').length ? subs(f, 't').map(clean).join('\n') : (sub(f, 'a') ?? '').split(/\s+--\s+/).map(clean).join('\n')))
  if (contents.length) fields.toc = parseToc(contents.join('\n'))
  const summary = byTag('520').map((f) => sub(f, 'a')).filter(Boolean)
  if (summary.length) fields.descriptionHtml = summary.join('\n\n')
  const lang = sub(first('041'), 'a') ?? first('008')?.value?.slice(35, 38)
  if (lang && /^[a-z]{3}$/.test(lang.trim())) fields.language = lang.trim()
  const subjects: SubjectCode[] = [
    ...byTag('056').flatMap((f) => subs(f, 'a').map((code) => ({ scheme: 'kdc' as const, code }))),
    ...[...byTag('650'), ...byTag('653')].flatMap((f) => subs(f, 'a').map((code) => ({ scheme: 'keyword' as const, code: clean(code) }))),
  ]
  const reference = first('001')?.value?.trim() || isbn || null
  return { source: { file: at.file, index: at.index, reference }, action: 'upsert', fields, subjects, problems, corrections }
}

import type { SubjectCode } from '../types'

/** The part of a MARC field read here (record.ts's MarcField fits it). */
type MarcField = { tag: string; subfields: Array<[code: string, value: string]> }

const subs = (f: MarcField, code: string) => f.subfields.filter(([c]) => c === code).map(([, v]) => v.trim()).filter(Boolean)
/** Drops the ISBD punctuation a cataloguer ends a heading with; an initial's full stop ("U.S.") stays. */
const heading = (s: string) => s.replace(/\s*[/:;,=]\s*$/, '').replace(/(?<![A-Z])\.$/, '').trim()

/** The classification 084 names in $2 that Colophon maps (MARC source codes: "kdc", "ddc"). */
const OTHER_SCHEMES: Record<string, 'kdc' | 'ddc'> = { kdc: 'kdc', ddc: 'ddc' }

/**
 * A record's subjects: KDC from 056 (KORMARC) or 084 $2 kdc, Dewey from 082
 * (every $a: a second one is an alternative number), and 650/653 headings as
 * keywords. The numbers go as written ("813/.54"); the subject table reads them.
 */
export function marcSubjects(fields: MarcField[]): SubjectCode[] {
  const out: SubjectCode[] = []
  for (const f of fields) {
    if (f.tag === '056') for (const code of subs(f, 'a')) out.push({ scheme: 'kdc', code })
    else if (f.tag === '082') for (const code of subs(f, 'a')) out.push({ scheme: 'ddc', code })
    else if (f.tag === '084') {
      const scheme = OTHER_SCHEMES[(subs(f, '2')[0] ?? '').toLowerCase().replace(/\d+$/, '')]
      if (scheme) for (const code of subs(f, 'a')) out.push({ scheme, code })
    } else if (f.tag === '650' || f.tag === '653') for (const code of subs(f, 'a')) out.push({ scheme: 'keyword', code: heading(code) })
  }
  return out
}

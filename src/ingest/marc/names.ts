import type { Contributor, ContributorRole } from '../../catalog'
import { marcRole } from '../roles'

/** The part of a MARC field a name is read from (record.ts's MarcField). */
export interface NameField {
  tag: string
  subfields: Array<[code: string, value: string]>
}

/** Name fields in the order a book's people are listed: main entry, then added entries. */
const NAME_TAGS = ['100', '110', '111', '700', '710', '711']

/** Strips the ISBD punctuation a heading ends with (" /", ",", "."), keeping an initial's full stop ("Kim, A."). */
const heading = (s: string) => s.replace(/\s*[/:;,=]\s*$/, '').replace(/(?<![A-Z\p{Lu}])\.$/u, '').trim()
const values = (f: NameField, code: string) => f.subfields.filter(([c]) => c === code).map(([, v]) => v)

/** "Chabon, Michael." → "Michael Chabon"; names without a comma, and Han or Hangul ones, stay as written. */
export function displayName(raw: string): string {
  const name = heading(raw)
  const m = /^([^,]+),\s*(.+)$/.exec(name)
  if (!m) return name
  // "葉漢鰲" and "尹一淸" are written family name first, without a comma to turn.
  return /\p{Script=Han}|\p{Script=Hangul}/u.test(name) ? name.replace(/,\s*/, ' ') : `${m[2]} ${m[1]}`
}

/** A person (X00), an organisation (X10: $a with its $b units) or a meeting (X11). */
export function nameOf(f: NameField): string | null {
  const a = values(f, 'a')[0]
  if (!a) return null
  if (f.tag.endsWith('00')) return displayName(a)
  const units = f.tag.endsWith('10') ? values(f, 'b') : []
  return [a, ...units].map(heading).filter(Boolean).join('. ')
}

/**
 * One name field as a contributor. Its role comes from $4 (relator codes)
 * and $e (relator terms; $j in X11, where $e is a unit of the meeting); a
 * main entry (1XX) without one is the author, an added entry (7XX) 'other'.
 */
export function marcContributor(f: NameField): { contributor: Contributor; unknownRoles: string[] } | null {
  const name = nameOf(f)
  if (!name) return null
  const fallback: ContributorRole = f.tag.startsWith('1') ? 'author' : 'other'
  const { role, unknown } = marcRole(values(f, '4'), values(f, f.tag.endsWith('11') ? 'j' : 'e'), fallback)
  return { contributor: { name, role }, unknownRoles: unknown }
}

/** Every name field of a record, in NAME_TAGS order, with the role texts no table knows (each noted in `notes`). */
export function marcContributors(fields: NameField[], notes: string[]): { list: Contributor[]; unknownRoles: string[] } {
  const list: Contributor[] = []
  const unknownRoles: string[] = []
  for (const tag of NAME_TAGS) {
    for (const f of fields) {
      if (f.tag !== tag) continue
      const read = marcContributor(f)
      if (!read) continue
      list.push(read.contributor)
      unknownRoles.push(...read.unknownRoles)
      for (const role of read.unknownRoles) notes.push(`${tag}$4/$e: "${role}" is not a relator Colophon reads; ${read.contributor.name} is kept as ${read.contributor.role}`)
    }
  }
  return { list, unknownRoles }
}

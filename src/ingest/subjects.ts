import { MAPPING_SCHEMES } from '../catalog'
import type { SubjectCode } from './types'

const MAPPED = new Set<string>(MAPPING_SCHEMES)

/**
 * A subject code as the table stores it: upper case without spaces; a
 * Dewey or KDC number loses the cataloguer's prime marks ("813/.54" and
 * "813'.54" are 813.54) and anything after the number (an edition, a
 * cutter: "895.734 22" is 895.734).
 */
export function normalSubjectCode(scheme: string, raw: string): string {
  const code = raw.toUpperCase().replace(/\s+/g, ' ').trim()
  if (scheme !== 'ddc' && scheme !== 'kdc') return code.replace(/ /g, '')
  const number = /^\[?(\d{1,3}(?:\.\d+)?)/.exec(code.replace(/[/']/g, ''))
  return number ? number[1]!.replace(/\.$/, '') : code.replace(/ /g, '')
}

/** A code of a mapped scheme that filed its book nowhere, and how many records of the run carried it. */
export interface UnmappedSubject {
  scheme: string
  code: string
  records: number
  /** Set when a row of the table matches the code but names a category the catalog lacks. */
  missingCategory?: string
}

type Row = { scheme: string; code: string; categoryId: string }

const longestFirst = (list: Row[]) => list.sort((a, b) => b.code.length - a.code.length)
const matchOf = (list: Row[] | undefined, code: string) => list?.find((r) => code.startsWith(r.code))

/**
 * Maps subject codes to categories by the staff-editable table: the longest
 * code prefix of the same scheme wins ("FIC022" matches a "FIC" row). Only
 * categories that exist are returned. Codes of the mapped schemes (BISAC,
 * BIC, Thema, KDC, DDC) that file nothing are counted for the run's report,
 * with the missing category when a row names one the catalog lacks.
 * Keywords are words, not codes: neither filed nor counted.
 */
export class SubjectMapper {
  private readonly byScheme = new Map<string, Row[]>()
  private readonly dangling = new Map<string, Row[]>()
  private readonly unmapped = new Map<string, UnmappedSubject>()

  constructor(
    rows: Row[],
    private readonly existing: Set<string>,
  ) {
    for (const r of rows) {
      const into = existing.has(r.categoryId) ? this.byScheme : this.dangling
      into.set(r.scheme, [...(into.get(r.scheme) ?? []), { ...r, code: r.code.toUpperCase() }])
    }
    for (const list of [...this.byScheme.values(), ...this.dangling.values()]) longestFirst(list)
  }

  categoriesFor(subjects: SubjectCode[]): string[] {
    const out = new Set<string>()
    const missed = new Set<string>()
    for (const s of subjects) {
      if (s.scheme === 'colophon') {
        if (this.existing.has(s.code)) out.add(s.code)
        continue
      }
      if (!MAPPED.has(s.scheme)) continue
      const code = normalSubjectCode(s.scheme, s.code)
      const hit = matchOf(this.byScheme.get(s.scheme), code)
      if (hit) out.add(hit.categoryId)
      else missed.add(`${s.scheme} ${code}`)
    }
    for (const key of missed) this.count(key)
    return [...out]
  }

  /** The run's unmapped codes, most frequent first (then by scheme and code). */
  unmappedCodes(limit: number): UnmappedSubject[] {
    return [...this.unmapped.values()].sort((a, b) => b.records - a.records || a.scheme.localeCompare(b.scheme) || a.code.localeCompare(b.code)).slice(0, limit)
  }

  private count(key: string): void {
    const seen = this.unmapped.get(key)
    if (seen) {
      seen.records++
      return
    }
    const [scheme, code] = key.split(' ') as [string, string]
    const row = matchOf(this.dangling.get(scheme), code)
    this.unmapped.set(key, row ? { scheme, code, records: 1, missingCategory: row.categoryId } : { scheme, code, records: 1 })
  }
}

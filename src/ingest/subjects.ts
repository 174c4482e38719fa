import type { SubjectCode } from './types'

/**
 * Maps subject codes to categories by the staff-editable table: the longest
 * code prefix of the same scheme wins ("FIC022" matches a "FIC" row). Only
 * categories that exist are returned.
 */
export class SubjectMapper {
  private readonly byScheme = new Map<string, Array<{ code: string; categoryId: string }>>()

  constructor(
    rows: Array<{ scheme: string; code: string; categoryId: string }>,
    private readonly existing: Set<string>,
  ) {
    for (const r of rows) {
      if (!existing.has(r.categoryId)) continue
      const list = this.byScheme.get(r.scheme) ?? []
      list.push({ code: r.code.toUpperCase(), categoryId: r.categoryId })
      this.byScheme.set(r.scheme, list)
    }
    for (const list of this.byScheme.values()) list.sort((a, b) => b.code.length - a.code.length)
  }

  isCategory(id: string): boolean {
    return this.existing.has(id)
  }

  categoriesFor(subjects: SubjectCode[]): string[] {
    const out = new Set<string>()
    for (const s of subjects) {
      if (s.scheme === 'colophon') {
        if (this.existing.has(s.code)) out.add(s.code)
        continue
      }
      const code = s.code.toUpperCase().replace(/\s+/g, '')
      const hit = this.byScheme.get(s.scheme)?.find((r) => code.startsWith(r.code))
      if (hit) out.add(hit.categoryId)
    }
    return [...out]
  }
}

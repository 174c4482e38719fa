import type { IncomingRecord, Problem, SubjectCode } from '../types'
import { CODE_LISTS } from './tables.generated'

const CODE_SETS = new Map(Object.entries(CODE_LISTS).map(([list, codes]) => [Number(list), new Set(codes)]))

/** Collects what mapping one product finds: problems that reject it and corrections that don't. */
export class RecordContext {
  readonly problems: Problem[] = []
  readonly corrections: string[] = []

  problem(field: string, reason: string): void {
    this.problems.push({ field, reason })
  }

  /** The value when it is in the ONIX code list; otherwise a problem naming the list, and null. */
  code(list: number, value: string | null, field: string): string | null {
    if (value === null) return null
    if (CODE_SETS.get(list)?.has(value)) return value
    this.problem(field, `"${value}" is not a code of ONIX code list ${list}`)
    return null
  }

  readonly subjects: SubjectCode[] = []
  /** ContributorRole codes outside list 17, for the report's count. */
  readonly unknownRoles: string[] = []

  record(source: IncomingRecord['source'], action: IncomingRecord['action'], fields: IncomingRecord['fields']): IncomingRecord {
    return { source, action, fields, subjects: this.subjects, problems: this.problems, corrections: this.corrections, unknownRoles: this.unknownRoles }
  }
}

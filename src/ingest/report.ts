import type { FieldError, FieldErrorCode, QualityField } from '../catalog'
import type { UnmappedSubject } from './subjects'
import type { Format } from './types'

export interface ImportCounts {
  records: number
  created: number
  updated: number
  unchanged: number
  withdrawn: number
  rejected: number
}

export interface Rejection {
  file: string
  /** 1-based index of the record in its file. */
  record: number
  /** Record reference or ISBN as the file wrote it. */
  reference: string | null
  field: string
  reason: string
}

export interface Correction {
  file: string
  /** 0 for a correction to the file as a whole. */
  record: number
  reference: string | null
  message: string
}

/** The machine-readable result of importing one file (--report writes these). */
export interface FileReport {
  runId: number
  file: string
  /** null when the format could not be told and the file was not read. */
  format: Format | null
  status: 'done' | 'failed'
  /** Why the file stopped, with its position, when status is "failed". */
  error: string | null
  counts: ImportCounts
  rejected: Rejection[]
  corrections: Correction[]
  /**
   * Subject codes of the mapped schemes (BISAC, BIC, Thema, KDC, DDC) that filed
   * their book under no category, with how many records carried each, most
   * frequent first (absent from reports written before it was counted).
   */
  unmappedSubjects: UnmappedSubject[]
  /**
   * Contributor roles the file wrote that no table reads (the people were kept
   * as 'other'), as written, with how many times each came, most frequent
   * first (absent from reports written before they were counted).
   */
  unknownRoles: Array<{ role: string; count: number }>
  /** Books written by this import that lack each field a product page needs. */
  quality: { books: number; missing: Record<QualityField, number>; examples: Array<{ isbn13: string; missing: QualityField[] }> }
}

/** "interrupted": logged as running, but its process was killed or crashed. */
export type ImportRunStatus = 'running' | 'done' | 'failed' | 'interrupted'

export interface ImportRun {
  id: number
  startedAt: string
  finishedAt: string | null
  user: string
  file: string
  format: string
  status: ImportRunStatus
  counts: ImportCounts
  error: string | null
}

/** Adds a record's unknown roles to the running tally and returns the tally as the report lists it. */
export function tallyRoles(tally: Map<string, number>, roles: string[]): FileReport['unknownRoles'] {
  for (const role of roles) tally.set(role, (tally.get(role) ?? 0) + 1)
  return [...tally].map(([role, count]) => ({ role, count })).sort((a, b) => b.count - a.count || a.role.localeCompare(b.role))
}

export const emptyCounts = (): ImportCounts => ({ records: 0, created: 0, updated: 0, unchanged: 0, withdrawn: 0, rejected: 0 })

const REASONS: Record<FieldErrorCode, (p: FieldError['params']) => string> = {
  required: () => 'is required but missing or empty',
  required_for_new_book: () => 'the book is not in the catalog and the record carries no title to create it from',
  not_in_catalog: () => 'the book is not in the catalog',
  too_long: (p) => `is longer than ${p.max} characters`,
  too_many: (p) => `has more than ${p.max} entries`,
  too_small: (p) => `must be at least ${p.min}`,
  too_big: (p) => `must be at most ${p.max}`,
  not_number: () => 'expected a number',
  not_whole_number: () => 'expected a whole number',
  one_of: (p) => `expected one of ${p.options}`,
  not_date: () => 'expected a real date as YYYY-MM-DD, YYYY-MM or YYYY',
  not_language_code: () => 'expected an ISO 639-2 code such as "kor"',
  not_currency_code: () => 'expected an ISO 4217 code such as "KRW"',
  not_url: () => 'expected an http or https URL',
  invalid_isbn: () => 'is not a valid ISBN',
  sale_above_list: () => 'sale price is above the list price',
  unknown_category: (p) => `no category ${String(p.ids).split(', ').map((id) => `"${id}"`).join(', ')} in the catalog`,
  invalid: () => 'is not a valid value',
}

/** A catalog field error in the words of the report, which operators read (English). */
export function reasonOf(error: FieldError): string {
  return REASONS[error.code](error.params)
}

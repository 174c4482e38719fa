import type { QualityField } from '../catalog'
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
  format: Format
  status: 'done' | 'failed'
  /** Why the file stopped, with its position, when status is "failed". */
  error: string | null
  counts: ImportCounts
  rejected: Rejection[]
  corrections: Correction[]
  /** Books written by this import that lack each field a product page needs. */
  quality: { books: number; missing: Record<QualityField, number>; examples: Array<{ isbn13: string; missing: QualityField[] }> }
}

export interface ImportRun {
  id: number
  startedAt: string
  finishedAt: string | null
  user: string
  file: string
  format: string
  status: string
  counts: ImportCounts
  error: string | null
}

export const emptyCounts = (): ImportCounts => ({ records: 0, created: 0, updated: 0, unchanged: 0, withdrawn: 0, rejected: 0 })

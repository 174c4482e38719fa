import type { BookInput } from '../catalog'

export const FORMATS = ['onix', 'marc', 'marcxml', 'csv'] as const
export type Format = (typeof FORMATS)[number]

/** Where a record came from: enough for a person to find it in the file. */
export interface RecordSource {
  file: string
  /** 1-based position of the record in its file. */
  index: number
  /** The sender's record reference or the ISBN as written, when the record has one. */
  reference: string | null
}

export interface Problem {
  /** Path of the offending field in the source format, e.g. "DescriptiveDetail/Measure[2]/MeasureUnitCode". */
  field: string
  reason: string
}

/** "colophon" carries a Colophon category id as is (Colophon's own exports). */
export const SUBJECT_SCHEMES = ['bisac', 'bic', 'thema', 'kdc', 'ddc', 'keyword', 'colophon'] as const
export type SubjectScheme = (typeof SUBJECT_SCHEMES)[number]

export interface SubjectCode {
  scheme: SubjectScheme
  code: string
}

/** The book fields a record carries; a key left out means "keep what the catalog has". */
export type IncomingFields = { [K in keyof BookInput]?: unknown }

/**
 * One record as a parser read it, before validation. Parsers only produce
 * these; the pipeline merges, validates and writes them.
 */
export interface IncomingRecord {
  source: RecordSource
  /** "withdraw" takes a book off sale and keeps it (ONIX NotificationType 05). */
  action: 'upsert' | 'withdraw'
  fields: IncomingFields
  /** Subject codes, mapped to Colophon categories by the staff-editable subject table. */
  subjects: SubjectCode[]
  /** Reasons the parser found to reject the record (bad code, missing identifier...). */
  problems: Problem[]
  /** What the parser corrected on the way (recorded in the report). */
  corrections: string[]
  /** Contributor role texts the parser could not read (the person is kept as 'other'); the report counts them. */
  unknownRoles?: string[]
  /** Other editions of the book's work the record names ('isbn:…', 'work:TYPE:ID'); absent when it says nothing of them. */
  editionLinks?: string[]
}

/** File-level notes a parser reports: corrections to the file as a whole. */
export type NoteSink = (message: string) => void

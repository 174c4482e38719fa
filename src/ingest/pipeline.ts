import { missingFields, parseIsbn, QUALITY_FIELDS, type BookEdit, type BookFields, type BookInput, type CatalogService, type EditContext, type FieldError, type Isbn13 } from '../catalog'
import { InputError } from '../core/errors'
import type { Database, Kysely } from '../store'
import { FeedError } from './errors'
import { sourceField } from './field-paths'
import type { CsvReadOptions } from './csv/reader'
import { DEFAULT_PRICE_RULE, type PriceRule } from './onix/prices'
import { READERS, type RecordReader } from './readers'
import { emptyCounts, reasonOf, tallyRoles, type FileReport, type ImportRun } from './report'
import * as repo from './repo'
import { peek, sniffFormat } from './sniff'
import { SubjectMapper } from './subjects'
import { SUBJECT_SCHEMES, type Format, type IncomingRecord } from './types'

export interface ImportOptions {
  /** Sniffed from the first bytes when not given. */
  format?: Format
  /** Who runs the import, for the log. */
  user: string
  /** Who the audit log names for the import's edits: 'cli' (default) or 'staff:<id>'; `user` is their name. */
  actor?: string
  /** Records per transaction. */
  batchSize?: number
  onProgress?: (progress: { records: number; rejected: number }) => void
  /** Told the run's id as soon as it is logged, before the first record is read. */
  onStart?: (runId: number) => void
  /** Largest CSV cell read, in bytes (default 1 MiB); a row with a bigger one is rejected. */
  maxCellBytes?: number
}

const MAX_LISTED = 10_000
const QUALITY_EXAMPLES = 20

/**
 * Imports feeds into the catalog: parse, validate, merge with what is stored,
 * write in batches of one transaction each. A bad record is rejected with its
 * reason and the rest go on; a broken file stops at the fault with nothing of
 * the unfinished batch written; a re-run of the same file changes nothing.
 */
export class Importer {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly catalog: CatalogService,
    /** Which of an ONIX product's prices the store sells at (onix/prices.ts). */
    private readonly prices: PriceRule = DEFAULT_PRICE_RULE,
  ) {}

  async importFile(file: string, bytes: AsyncIterable<Uint8Array>, options: ImportOptions): Promise<FileReport> {
    const { user, actor = 'cli', batchSize = 1000, onProgress, onStart } = options
    const { head, all } = await peek(bytes)
    let format: Format | null = options.format ?? null
    const report: FileReport = {
      runId: 0, file, format, status: 'done', error: null, counts: emptyCounts(), rejected: [], corrections: [], unmappedSubjects: [], unknownRoles: [],
      quality: { books: 0, missing: Object.fromEntries(QUALITY_FIELDS.map((f) => [f, 0])) as FileReport['quality']['missing'], examples: [] },
    }
    try {
      format = options.format ?? sniffFormat(head, file)
    } catch (e) {
      report.runId = await repo.startRun(this.db, { user, file, format: 'unknown', startedAt: new Date().toISOString() })
      onStart?.(report.runId)
      return this.finish(report, e)
    }
    report.format = format
    report.runId = await repo.startRun(this.db, { user, file, format, startedAt: new Date().toISOString() })
    onStart?.(report.runId)
    const heartbeat = repo.keepRunAlive(this.db, report.runId)
    const editor: EditContext = { actor, actorName: user, via: `import:${report.runId}`, action: 'import' }
    const batch: IncomingRecord[] = []
    try {
      const tree = await this.catalog.categories()
      const mapper = new SubjectMapper(await repo.subjectMap(this.db), new Set(collectIds(tree.roots)))
      const note = (message: string) => report.corrections.push({ file, record: 0, reference: null, message })
      const roleTally = new Map<string, number>()
      // Every reader is handed the parse options and takes those it has: CSV its cell limit, ONIX the price rule.
      const read: (...args: [...Parameters<RecordReader>, CsvReadOptions & { prices: PriceRule }]) => ReturnType<RecordReader> = READERS[format]
      for await (const record of read(all, file, note, { maxCellBytes: options.maxCellBytes, prices: this.prices })) {
        report.counts.records++
        for (const message of record.corrections) this.listCorrection(report, record, message)
        if (record.unknownRoles?.length) report.unknownRoles = tallyRoles(roleTally, record.unknownRoles)
        if (record.problems.length) this.reject(report, record, record.problems)
        else batch.push(record)
        if (batch.length >= batchSize) await this.writeBatch(batch.splice(0), report, mapper, editor)
        onProgress?.({ records: report.counts.records, rejected: report.counts.rejected })
      }
      await this.writeBatch(batch.splice(0), report, mapper, editor)
      onProgress?.({ records: report.counts.records, rejected: report.counts.rejected })
      return await this.finish(report, null)
    } catch (e) {
      if (e instanceof FeedError || e instanceof InputError) return this.finish(report, e)
      await this.finish(report, e)
      throw e
    } finally {
      heartbeat.stop()
    }
  }

  /** The latest imports, newest first: who ran them, when, on what, with what result. */
  recentRuns(limit = 20) {
    return repo.recentRuns(this.db, limit)
  }

  /** One import as logged so far (counts renewed after each batch), with its report once it has ended. */
  run(id: number): Promise<{ run: ImportRun; report: FileReport | null } | undefined> {
    return repo.getRun(this.db, id)
  }

  /** The subject table: which category each subject code prefix files books under. */
  subjectMappings() {
    return repo.subjectMap(this.db)
  }

  /** Sets (or changes) the category a subject code prefix files books under; the category must exist. */
  async mapSubject(scheme: string, code: string, categoryId: string): Promise<void> {
    if (!(SUBJECT_SCHEMES as readonly string[]).includes(scheme)) throw new InputError('scheme', `expected one of ${SUBJECT_SCHEMES.join(', ')}, got "${scheme}"`)
    const unknown = await this.catalog.checkCategories([categoryId])
    if (unknown) throw new InputError('category', reasonOf(unknown))
    await repo.setSubjectCategory(this.db, scheme, code.toUpperCase(), categoryId)
  }

  private async finish(report: FileReport, error: unknown): Promise<FileReport> {
    if (error) {
      report.status = 'failed'
      report.error = error instanceof Error ? error.message : String(error)
    }
    await repo.updateRun(this.db, report.runId, report.counts, { status: report.status, error: report.error, report: JSON.stringify(report) })
    return report
  }

  private reject(report: FileReport, record: IncomingRecord, problems: Array<{ field: string; reason: string }>): void {
    report.counts.rejected++
    for (const p of problems) {
      if (report.rejected.length < MAX_LISTED) report.rejected.push({ file: record.source.file, record: record.source.index, reference: record.source.reference, field: p.field, reason: p.reason })
    }
  }

  private listCorrection(report: FileReport, record: IncomingRecord, message: string): void {
    if (report.corrections.length < MAX_LISTED) report.corrections.push({ file: record.source.file, record: record.source.index, reference: record.source.reference, message })
  }

  private async writeBatch(batch: IncomingRecord[], report: FileReport, mapper: SubjectMapper, editor: EditContext): Promise<void> {
    if (batch.length === 0) return
    const edits: Array<{ record: IncomingRecord; edit: BookEdit }> = []
    for (const record of batch) {
      try {
        edits.push({ record, edit: toEdit(record, parseIsbn(String(record.fields.isbn13 ?? ''), 'isbn13'), mapper) })
      } catch (e) {
        if (!(e instanceof InputError)) throw e
        this.reject(report, record, [{ field: sourceField(report.format!, e.field), reason: e.reason }])
      }
    }
    const { saved, applied, rejected } = await this.catalog.editBooks(edits.map((e) => e.edit), editor)
    for (const { index, errors } of rejected) {
      const { record } = edits[index]!
      this.reject(report, record, Object.entries(errors).map(([field, error]) => recordProblem(record, report.format!, field, error)))
    }
    for (const { index, change, refused } of applied) {
      if (edits[index]!.record.action === 'withdraw') report.counts.withdrawn++
      else report.counts[change]++
      // The book is written, without the sale price the law refuses: it sells at its list price until that is fixed.
      const { record } = edits[index]!
      if (refused) this.listCorrection(report, record, `${sourceField(report.format!, 'salePrice')}: sale price ${refused.salePrice.params.salePrice} is below ${refused.salePrice.params.minimum}, 90% of the list price (book price law): not stored, the book sells at its list price`)
    }
    const links = new Map(applied.flatMap(({ index, isbn13 }) => (edits[index]!.record.editionLinks ? [[isbn13 as string, edits[index]!.record.editionLinks!]] : [])))
    await this.catalog.editions.relate(applied.map((a) => a.isbn13), links, editor)
    this.countQuality(report, saved)
    report.unmappedSubjects = mapper.unmappedCodes(MAX_LISTED)
    await repo.recordRunBooks(this.db, report.runId, applied.map((a) => a.isbn13))
    await repo.updateRun(this.db, report.runId, report.counts)
  }

  private countQuality(report: FileReport, books: BookInput[]): void {
    for (const book of books) {
      const missing = missingFields(book)
      report.quality.books++
      for (const f of missing) report.quality.missing[f]++
      if (missing.length && report.quality.examples.length < QUALITY_EXAMPLES) report.quality.examples.push({ isbn13: book.isbn13, missing })
    }
  }
}

/** A record as a catalog edit: the fields it carries, its subjects filed under categories. */
function toEdit(record: IncomingRecord, isbn13: Isbn13, mapper: SubjectMapper): BookEdit {
  if (record.action === 'withdraw') return { isbn13, fields: { onSale: false }, mustExist: true }
  const fields: BookFields = { ...record.fields }
  // Colophon's own scheme names categories outright, so an unknown one is refused like a CSV category, not dropped.
  const own = record.subjects.filter((s) => s.scheme === 'colophon').map((s) => s.code)
  const categories = [...new Set([...own, ...mapper.categoriesFor(record.subjects)])]
  if (categories.length) fields.categoryIds = categories
  return { isbn13, fields, isFeed: true }
}

function recordProblem(record: IncomingRecord, format: Format, field: string, error: FieldError): { field: string; reason: string } {
  if (record.action === 'withdraw' && error.code === 'not_in_catalog') {
    return { field: 'NotificationType', reason: 'a delete (05) for a book not in the catalog: nothing to take off sale' }
  }
  return { field: sourceField(format, field), reason: reasonOf(error) }
}

function collectIds(nodes: Array<{ id: string; children: Array<{ id: string; children: unknown[] }> }>): string[] {
  return nodes.flatMap((n) => [n.id, ...collectIds(n.children as typeof nodes)])
}

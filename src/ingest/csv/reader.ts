import { Readable, pipeline } from 'node:stream'
import { isUtf8 } from 'node:buffer'
import { CsvError, parse, type InfoRecord } from 'csv-parse'
import { firstInvalidUtf8 } from '../decode'
import { FeedError } from '../errors'
import type { IncomingRecord, NoteSink, Problem } from '../types'
import { CellGuard, MAX_CELLS, type RowMark } from './cell-guard'
import { CSV_COLUMNS, csvRowToFields } from './columns'

export interface CsvReadOptions {
  /** Largest cell read, in bytes (default 1 MiB); a row with a bigger one is rejected and the rest go on. */
  maxCellBytes?: number
}

const MAX_CELL_BYTES = 1_048_576

/** How many bytes at the end may begin a character that the next chunk completes. */
function unfinishedTail(bytes: Buffer): number {
  for (let k = 1; k <= Math.min(3, bytes.length); k++) {
    const b = bytes[bytes.length - k]!
    if ((b & 0xc0) === 0x80) continue
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1
    return length > k ? k : 0
  }
  return 0
}

/** The bytes as they come, checked to be UTF-8, without a byte-order mark. */
async function* utf8Bytes(bytes: AsyncIterable<Uint8Array>, file: string, note: NoteSink): AsyncGenerator<Buffer> {
  let offset = 0
  let carried = Buffer.alloc(0)
  const check = (part: Buffer) => {
    // isUtf8 is native and fast; firstInvalidUtf8 only names the byte once something is wrong.
    if (isUtf8(part)) return
    const start = offset - carried.length
    const at = firstInvalidUtf8(part, true)
    throw new FeedError(file, at >= 0 ? `byte ${start + at}` : `bytes ${start}-${start + part.length}`, 'bytes that are not valid UTF-8; save the CSV as UTF-8')
  }
  for await (const chunk of bytes) {
    let part = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
    if (offset === 0 && part[0] === 0xef && part[1] === 0xbb && part[2] === 0xbf) {
      note('byte-order mark at the start of the file ignored')
      part = part.subarray(3)
      offset = 3
    }
    const whole = carried.length ? Buffer.concat([carried, part]) : part
    const tail = unfinishedTail(whole)
    check(whole.subarray(0, whole.length - tail))
    carried = Buffer.from(whole.subarray(whole.length - tail))
    offset += part.length
    yield part
  }
  check(carried)
}

/** Rows of cells as csv-parse splits them, each with the guard's mark for it. */
async function* csvRows(bytes: AsyncIterable<Buffer>, file: string, maxCellBytes: number): AsyncGenerator<{ cells: string[]; mark: RowMark }> {
  const guard = new CellGuard(file, maxCellBytes)
  const parser = parse({ record_delimiter: ['\r\n', '\n'], relax_quotes: true, relax_column_count: true, skip_empty_lines: true, info: true })
  // A failure on either side reaches the loop below through the parser.
  pipeline(Readable.from(guard.filter(bytes)), parser, () => {})
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: InfoRecord }>) {
      yield { cells: record, mark: guard.rowEndingAt(info.bytes) }
    }
  } catch (e) {
    if (e instanceof CsvError) throw new FeedError(file, '', e.message)
    throw e
  }
}

function readHeader(cells: string[], mark: RowMark, file: string, note: NoteSink): string[] {
  const big = mark.oversize[0]
  if (big) throw new FeedError(file, 'line 1', `the header row has a cell of ${big.bytes.toLocaleString('en')} bytes`)
  if (mark.cells > MAX_CELLS) throw new FeedError(file, 'line 1', `the header row has ${mark.cells} columns; at most ${MAX_CELLS} are read`)
  const header = cells.map((c) => c.trim().toLowerCase())
  if (!header.includes('isbn13')) throw new FeedError(file, 'line 1', 'the header row has no isbn13 column')
  const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h))
  if (unknown.length) note(`unknown columns ignored: ${unknown.join(', ')}`)
  return header
}

/** What is wrong with a row's shape: its cell count, and cells over the limit. */
function shapeProblems(mark: RowMark, header: string[], maxCellBytes: number): Problem[] {
  const problems: Problem[] = []
  if (mark.cells !== header.length) problems.push({ field: `line ${mark.line}`, reason: `${mark.cells} cells, but the header has ${header.length} columns` })
  for (const { column, bytes } of mark.oversize) {
    problems.push({ field: header[column] ?? `column ${column + 1}`, reason: `line ${mark.line}: cell is ${bytes.toLocaleString('en')} bytes; the limit is ${maxCellBytes.toLocaleString('en')}` })
  }
  return problems
}

/**
 * Reads a CSV with a header row of Colophon's column names (see columns.ts),
 * streamed through csv-parse with every cell bounded, so memory stays flat
 * whatever the file holds.
 */
export async function* readCsv(bytes: AsyncIterable<Uint8Array>, file: string, note: NoteSink, options: CsvReadOptions = {}): AsyncGenerator<IncomingRecord> {
  const { maxCellBytes = MAX_CELL_BYTES } = options
  let header: string[] | null = null
  let index = 0
  for await (const { cells, mark } of csvRows(utf8Bytes(bytes, file, note), file, maxCellBytes)) {
    if (!header) {
      header = readHeader(cells, mark, file, note)
      continue
    }
    index++
    const problems = shapeProblems(mark, header, maxCellBytes)
    // csv-parse saw only the start of a cell over the limit: read it as empty, so only its size is reported.
    for (const { column } of mark.oversize) cells[column] = ''
    const row = new Map(header.map((h, i) => [h, cells[i] ?? '']))
    const unknownRoles: string[] = []
    const fields = csvRowToFields(row, problems, unknownRoles)
    const corrections = unknownRoles.map((role) => `contributors: "${role}" is not a role Colophon knows; the contributor is kept as "other"`)
    yield { source: { file, index, reference: row.get('isbn13') || null }, action: 'upsert', fields, subjects: [], problems, corrections, unknownRoles }
  }
}

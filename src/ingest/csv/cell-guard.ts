import { FeedError } from '../errors'

/** Where one row of the file ended, and what the guard held back from it. */
export interface RowMark {
  /** Offset just past the row's line break in the bytes handed on: csv-parse's `info.bytes` for that record. */
  end: number
  /** Line of the file where the row starts. */
  line: number
  /** Cells the row has in the file (csv-parse sees at most MAX_CELLS). */
  cells: number
  /** Cells over the limit: 0-based column and the cell's size in the file. */
  oversize: Array<{ column: number; bytes: number }>
}

/**
 * Colophon's format has 30 columns. A row's memory is its cell count times
 * the cell limit, so cells past this many are not handed on (the row is
 * rejected for its cell count anyway).
 */
export const MAX_CELLS = 100

const QUOTE = 0x22
const COMMA = 0x2c
const LF = 0x0a
const CR = 0x0d
const CLOSING_QUOTE = Buffer.from('"')

const START = 0 // at the start of a cell
const PLAIN = 1 // inside an unquoted cell
const QUOTED = 2 // inside a quoted cell
const QUOTE_SEEN = 3 // a quote inside a quoted cell: closing, or the first of ""

const KEEP = 0
const DROP_CELL = 1
const DROP_ROW = 2

/**
 * Sits in front of csv-parse and keeps its memory bounded. csv-parse's own
 * `max_record_size` either stops the file or, with `skip_records_with_error`,
 * silently drops every chunk after the big cell (measured with 7.0.3). So the
 * guard follows the same quoting rules (RFC 4180 with LF or CRLF rows; a quote
 * inside an unquoted cell is text, as with csv-parse's `relax_quotes`), hands
 * on the first `maxCellBytes` of a cell and holds back the rest, and notes the
 * line each row starts on, which csv-parse cannot count once lines were held
 * back. It stops with the line where a quote opened and never closed.
 */
export class CellGuard {
  private readonly marks: RowMark[] = []
  private head = 0
  private state = START
  private drop = KEEP
  private isDropQuoted = false
  private cellBytes = 0
  private cells = 0
  private oversize: RowMark['oversize'] = []
  private line = 1
  private rowLine = 1
  private quoteLine = 0
  /** Bytes handed on so far. */
  private passed = 0

  constructor(
    private readonly file: string,
    private readonly maxCellBytes: number,
  ) {}

  async *filter(bytes: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of bytes) yield* this.scan(chunk)
    if (this.state === QUOTED) throw new FeedError(this.file, `line ${this.quoteLine}`, 'quote opened here is never closed')
    if (this.state !== START || this.cells > 0) {
      const tail: Buffer[] = []
      if (this.drop === DROP_CELL && this.isDropQuoted) tail.push(this.handOn(CLOSING_QUOTE))
      this.endRow(this.passed)
      yield* tail
    }
  }

  /** The row csv-parse has just emitted, by the offset where it ended; rows it skipped as empty are passed over. */
  rowEndingAt(end: number): RowMark {
    let mark: RowMark | undefined
    while (this.head < this.marks.length && this.marks[this.head]!.end <= end) mark = this.marks[this.head++]
    if (this.head > 1024) {
      this.marks.splice(0, this.head)
      this.head = 0
    }
    if (!mark) throw new Error(`csv-parse emitted a record ending at byte ${end}, where no row ends`)
    return mark
  }

  /** The parts of one chunk to hand on. */
  private scan(chunk: Buffer): Buffer[] {
    const parts: Buffer[] = []
    let from = this.drop === KEEP ? 0 : -1
    const keepUpTo = (i: number) => {
      if (from >= 0 && i > from) parts.push(this.handOn(chunk.subarray(from, i)))
      from = -1
    }
    const resume = (i: number) => {
      // csv-parse saw the cell's opening quote but not its closing one.
      if (this.drop === DROP_CELL && this.isDropQuoted) parts.push(this.handOn(CLOSING_QUOTE))
      this.drop = KEEP
      from = i
    }
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!
      const state = this.state
      if (state === QUOTED) {
        if (b === QUOTE) this.state = QUOTE_SEEN
        else {
          if (b === LF) this.line++
          this.cellBytes++
        }
      } else if (state === QUOTE_SEEN && b === QUOTE) {
        this.state = QUOTED
        this.cellBytes++
      } else if (b === COMMA) {
        if (this.drop === DROP_CELL) resume(i)
        this.endCell()
        if (this.cells >= MAX_CELLS && this.drop === KEEP) {
          keepUpTo(i)
          this.drop = DROP_ROW
        }
        continue
      } else if (b === LF) {
        if (this.drop !== KEEP) resume(i)
        this.endRow(this.passed + (i + 1 - from))
        continue
      } else if (state === START && b === QUOTE) {
        this.state = QUOTED
        this.quoteLine = this.line
      } else if (state === QUOTE_SEEN && b !== CR) {
        throw this.textAfterQuote()
      } else {
        this.state = PLAIN
        this.cellBytes++
      }
      if (this.cellBytes > this.maxCellBytes && this.drop === KEEP && (this.state === QUOTED || this.state === PLAIN)) {
        keepUpTo(i + 1)
        this.drop = DROP_CELL
        this.isDropQuoted = this.state === QUOTED
      }
    }
    keepUpTo(chunk.length)
    return parts
  }

  /**
   * A quote that neither closes the cell nor is doubled. Read leniently, as
   * csv-parse's relax_quotes would, an unclosed quote swallows rows up to the
   * next quoted cell; so the file stops here, naming where the quote opened.
   */
  private textAfterQuote(): FeedError {
    if (this.quoteLine === this.line) return new FeedError(this.file, `line ${this.line}`, 'text follows the quote that closes a cell; inside a quoted cell a quote is written ""')
    return new FeedError(this.file, `line ${this.quoteLine}`, `quote opened here is never closed: the quote on line ${this.line} is followed by text, not by a comma or the end of the line`)
  }

  private handOn(part: Buffer): Buffer {
    this.passed += part.length
    return part
  }

  private endCell(): void {
    if (this.cellBytes > this.maxCellBytes) this.oversize.push({ column: this.cells, bytes: this.cellBytes })
    this.cells++
    this.cellBytes = 0
    this.state = START
  }

  private endRow(end: number): void {
    this.endCell()
    this.marks.push({ end, line: this.rowLine, cells: this.cells, oversize: this.oversize })
    this.rowLine = ++this.line
    this.cells = 0
    this.oversize = []
  }
}

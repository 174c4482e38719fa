import { createHash } from 'node:crypto'
import { CsvError, parse } from 'csv-parse/sync'
import { normaliseDepositor } from './depositor-name'
import { readAmount, readDate } from './statement-cells'
import { readHeader, type StatementColumns } from './statement-header'
import { decodeStatement } from './statement-text'

/** One deposit read from a bank statement. */
export interface StatementLine {
  /** The day of the deposit, YYYY-MM-DD. */
  date: string
  depositor: string
  /** Won, a whole number above 0. */
  amount: number
  /** The line of the file the deposit starts on, counting from 1. */
  line: number
  /** The same for the same deposit in every import of the statement, so a deposit is credited once. */
  key: string
}

/**
 * A row or file that could not be read. `message` is for operators (English);
 * `code` names the problem for a staff page to put into words (the
 * `fieldError_<code>` labels).
 */
export interface StatementError {
  file: string
  line: number
  field: string
  message: string
  code: string
}

export interface ParsedStatement {
  lines: StatementLine[]
  errors: StatementError[]
}

// Banks put the account number, the period and the like above the header.
const HEADER_SEARCH_ROWS = 20

interface Row {
  cells: string[]
  line: number
}

/**
 * Reads a bank statement exported as CSV (UTF-8, with or without a
 * byte-order mark, or CP949) whose header names a date, a depositor and a
 * deposit amount, in Korean or English. Withdrawals are passed over; a row that
 * cannot be read becomes an error and the rows after it are still read.
 */
export function parseStatement(bytes: Buffer, file: string): ParsedStatement {
  const errors: StatementError[] = []
  const fail = (line: number, field: string, code: string, message: string) => errors.push({ file, line, field, code, message })
  const decoded = decodeStatement(bytes)
  if ('problem' in decoded) {
    fail(1, 'file', 'unreadable_file', decoded.problem)
    return { lines: [], errors }
  }
  const rows = readRows(decoded.text, (line, message) => fail(line, 'file', 'broken_csv', message))
  const at = rows.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => readHeader(row.cells))
  if (at < 0) {
    const message = `no header row naming a date, a depositor and an amount column (such as 거래일자, 입금자, 입금액) in the first ${HEADER_SEARCH_ROWS} rows`
    fail(1, 'header', 'no_statement_header', message)
    return { lines: [], errors }
  }
  const columns = readHeader(rows[at]!.cells)!
  const lines: StatementLine[] = []
  const seen = new Map<string, number>()
  for (const row of rows.slice(at + 1)) {
    const deposit = readDeposit(row, columns, fail)
    if (!deposit) continue
    const triple = `${deposit.date}|${normaliseDepositor(deposit.depositor)}|${deposit.amount}`
    const n = seen.get(triple) ?? 0
    seen.set(triple, n + 1)
    lines.push({ ...deposit, key: createHash('sha256').update(`${triple}|${n}`).digest('hex').slice(0, 32) })
  }
  return { lines, errors }
}

type Fail = (line: number, field: string, code: string, message: string) => void

function readDeposit(row: Row, columns: StatementColumns, fail: Fail): Omit<StatementLine, 'key'> | null {
  const cell = (column: number) => row.cells[column]?.trim() ?? ''
  if (row.cells.every((c) => c.trim() === '')) return null
  const amount = readAmount(cell(columns.amount))
  if ('value' in amount && amount.value === null) return null
  const date = readDate(cell(columns.date))
  const depositor = cell(columns.depositor)
  if ('problem' in amount) fail(row.line, 'amount', amount.code, amount.problem)
  if ('problem' in date) fail(row.line, 'date', date.code, date.problem)
  if (!depositor) fail(row.line, 'depositor', 'required', 'the depositor is blank')
  if ('problem' in amount || 'problem' in date || !depositor || amount.value === null) return null
  return { date: date.value, depositor, amount: amount.value, line: row.line }
}

/** The file's rows with the line each starts on; a CSV error ends the rows there and is reported. */
function readRows(text: string, broken: (line: number, message: string) => void): Row[] {
  const rows: Row[] = []
  let lastLine = 0
  try {
    parse(text, {
      record_delimiter: ['\r\n', '\n'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      on_record: (cells: string[], context) => {
        // context.lines is the line a record ends on; a quoted cell may hold line breaks.
        const breaks = cells.join('').split('\n').length - 1
        rows.push({ cells, line: context.lines - breaks })
        lastLine = context.lines
        return null
      },
    })
  } catch (e) {
    if (!(e instanceof CsvError)) throw e
    broken(lastLine + 1, `the CSV cannot be read from here on: ${e.message}`)
  }
  return rows
}

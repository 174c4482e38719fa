import { isUtf8 } from 'node:buffer'
import { CsvError, parse } from 'csv-parse/sync'
import { CARRIERS, carrierCode, parseTrackingNumber, type OrderService } from '../../../commerce'
import { InputError, NotFoundError, type ErrorParams } from '../../../core/errors'

/** One row of a tracking file: which order left with which carrier under which number. */
export interface TrackingLine {
  line: number
  number: string
  carrier: string
  tracking: string
}

/** A file or a row that could not be read; `code` is put into words by the page. */
export interface TrackingProblem {
  line: number
  field: string
  code: 'unreadable_file' | 'no_tracking_header' | 'broken_csv' | 'required'
}

export interface TrackingReport {
  shipped: TrackingLine[]
  /** Shipped before with this carrier and number (the file uploaded again): nothing changed. */
  unchanged: TrackingLine[]
  /** The order would not take the step: the domain's reason, for the page to put into words. */
  refused: Array<TrackingLine & { code: string; field: string; params: ErrorParams }>
  unknown: TrackingLine[]
  problems: TrackingProblem[]
}

type Column = 'number' | 'carrier' | 'tracking'

// What couriers' and shops' own sheets call the three columns, compared without spaces, case or punctuation.
const ALIASES: Record<Column, string[]> = {
  number: ['주문번호', '주문', 'ordernumber', 'orderno', 'order'],
  carrier: ['택배사', '배송사', '택배회사', 'carrier', 'courier'],
  tracking: ['운송장번호', '송장번호', '운송장', '송장', 'trackingnumber', 'trackingno', 'tracking', 'waybill', 'waybillnumber'],
}
const HEADER_SEARCH_ROWS = 10

const key = (cell: string) => cell.normalize('NFKC').toLowerCase().replace(/[([].*?[)\]]/g, '').replace(/[\s_.\-:/#]/g, '')

// Carriers as people write them: the code, either name, or the short Korean name.
const CARRIER_NAMES = new Map<string, string>(
  Object.values(CARRIERS).flatMap((c) => [c.code, c.name.ko, c.name.en, c.name.ko.replace(/택배$/, '')].map((n) => [key(n), c.code] as [string, string])),
)
CARRIER_NAMES.set(key('대한통운'), 'cj')
CARRIER_NAMES.set(key('롯데글로벌로지스'), 'lotte')

/** A carrier's code when the cell names a known carrier, else the cell as written (the order service refuses it by name). */
export const carrierOf = (cell: string) => CARRIER_NAMES.get(key(cell)) ?? cell.trim()

/** Bytes as text: UTF-8 (with or without a byte-order mark), else CP949, as Korean spreadsheets save CSV. */
function decode(bytes: Buffer): string | undefined {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const body = hasBom ? bytes.subarray(3) : bytes
  try {
    // WHATWG's "euc-kr" decoder is CP949 (UHC).
    return new TextDecoder(isUtf8(body) ? 'utf-8' : 'euc-kr', { fatal: true }).decode(body)
  } catch {
    return undefined
  }
}

/** Reads a tracking CSV whose header (Korean or English, within the first rows) names the order, the carrier and the tracking number. */
export function parseTrackingCsv(bytes: Buffer): { lines: TrackingLine[]; problems: TrackingProblem[] } {
  const problems: TrackingProblem[] = []
  const text = decode(bytes)
  if (text === undefined) return { lines: [], problems: [{ line: 1, field: 'file', code: 'unreadable_file' }] }
  const rows = readRows(text, (line) => problems.push({ line, field: 'file', code: 'broken_csv' }))
  const at = rows.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => columnsOf(r.cells))
  if (at < 0) return { lines: [], problems: [{ line: 1, field: 'header', code: 'no_tracking_header' }, ...problems] }
  const columns = columnsOf(rows[at]!.cells)!
  const lines: TrackingLine[] = []
  for (const { cells, line } of rows.slice(at + 1)) {
    if (cells.every((c) => c.trim() === '')) continue
    const cell = (c: Column) => cells[columns[c]]?.trim() ?? ''
    const missing = (['number', 'carrier', 'tracking'] as const).filter((c) => !cell(c))
    for (const field of missing) problems.push({ line, field, code: 'required' })
    if (!missing.length) lines.push({ line, number: cell('number'), carrier: cell('carrier'), tracking: cell('tracking') })
  }
  return { lines, problems: problems.sort((a, b) => a.line - b.line) }
}

function columnsOf(cells: string[]): Record<Column, number> | undefined {
  const keys = cells.map(key)
  const found = Object.fromEntries((Object.keys(ALIASES) as Column[]).map((c) => [c, keys.findIndex((k) => ALIASES[c].includes(k))])) as Record<Column, number>
  return Object.values(found).every((i) => i >= 0) ? found : undefined
}

function readRows(text: string, broken: (line: number) => void): Array<{ cells: string[]; line: number }> {
  const rows: Array<{ cells: string[]; line: number }> = []
  let lastLine = 0
  try {
    parse(text, {
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      on_record: (cells: string[], context) => {
        rows.push({ cells, line: context.lines - (cells.join('').split('\n').length - 1) })
        lastLine = context.lines
        return null
      },
    })
  } catch (e) {
    if (!(e instanceof CsvError)) throw e
    broken(lastLine + 1)
  }
  return rows
}

/**
 * Ships each line's order. A line for an order already shipped with that
 * carrier and number changes nothing, so the same file may be uploaded again;
 * one refused line does not stop the others.
 */
export async function applyTracking(orders: OrderService, parsed: { lines: TrackingLine[]; problems: TrackingProblem[] }, actor: string): Promise<TrackingReport> {
  const report: TrackingReport = { shipped: [], unchanged: [], refused: [], unknown: [], problems: parsed.problems }
  for (const line of parsed.lines) {
    const carrier = carrierOf(line.carrier)
    try {
      const order = await orders.byNumber(line.number)
      if (order.carrier === carrier && order.trackingNumber === sameNumber(carrier, line.tracking)) {
        report.unchanged.push(line)
        continue
      }
      await orders.ship(line.number, carrier, line.tracking, actor)
      report.shipped.push(line)
    } catch (err) {
      if (err instanceof NotFoundError) report.unknown.push(line)
      else if (err instanceof InputError) report.refused.push({ ...line, code: err.code, field: err.field, params: err.params })
      else throw err
    }
  }
  return report
}

/** The tracking number as the order would store it, or undefined when it is not one. */
function sameNumber(carrier: string, tracking: string): string | undefined {
  const code = carrierCode.safeParse(carrier)
  if (!code.success) return undefined
  try {
    return parseTrackingNumber(code.data, tracking)
  } catch {
    return undefined
  }
}

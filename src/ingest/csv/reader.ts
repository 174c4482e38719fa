import { TextDecoder } from 'node:util'
import { FeedError } from '../errors'
import type { IncomingRecord, NoteSink } from '../types'
import { CSV_COLUMNS, csvRowToFields } from './columns'
import { csvRows } from './rows'

async function* utf8Text(bytes: AsyncIterable<Uint8Array>, file: string, note: NoteSink): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })
  let offset = 0
  let isFirst = true
  for await (const chunk of bytes) {
    if (isFirst && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) note('byte-order mark at the start of the file ignored')
    isFirst = false
    try {
      yield decoder.decode(chunk, { stream: true })
    } catch {
      throw new FeedError(file, `bytes ${offset}-${offset + chunk.length}`, 'bytes that are not valid UTF-8; save the CSV as UTF-8')
    }
    offset += chunk.length
  }
  yield decoder.decode()
}

/** Reads a CSV with a header row of Colophon's column names (see columns.ts). */
export async function* readCsv(bytes: AsyncIterable<Uint8Array>, file: string, note: NoteSink): AsyncGenerator<IncomingRecord> {
  let header: string[] | null = null
  let index = 0
  for await (const { cells, line } of csvRows(utf8Text(bytes, file, note))) {
    if (!header) {
      header = cells.map((c) => c.trim().toLowerCase())
      if (!header.includes('isbn13')) throw new FeedError(file, 'line 1', 'the header row has no isbn13 column')
      const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h))
      if (unknown.length) note(`unknown columns ignored: ${unknown.join(', ')}`)
      continue
    }
    index++
    const problems: Array<{ field: string; reason: string }> = []
    if (cells.length !== header.length) problems.push({ field: `line ${line}`, reason: `${cells.length} cells, but the header has ${header.length} columns` })
    const row = new Map(header.map((h, i) => [h, cells[i] ?? '']))
    const fields = csvRowToFields(row, problems)
    yield { source: { file, index, reference: row.get('isbn13') || null }, action: 'upsert', fields, subjects: [], problems, corrections: [] }
  }
}

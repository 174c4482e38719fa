/**
 * Splits CSV text (RFC 4180: commas, double quotes, "" inside quotes, CRLF or
 * LF, newlines inside quoted cells) into rows, chunk by chunk, so a file of
 * any size streams through.
 */
export async function* csvRows(text: AsyncIterable<string>): AsyncGenerator<{ cells: string[]; line: number }> {
  let cell = ''
  let cells: string[] = []
  let isQuoted = false
  let afterQuote = false
  let line = 1
  let rowLine = 1
  for await (const chunk of text) {
    const out: Array<{ cells: string[]; line: number }> = []
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i]!
      if (isQuoted) {
        if (ch === '"') {
          isQuoted = false
          afterQuote = true
        } else {
          if (ch === '\n') line++
          cell += ch
        }
        continue
      }
      if (ch === '"') {
        if (afterQuote) cell += '"'
        isQuoted = true
        afterQuote = false
      } else if (ch === ',') {
        cells.push(cell)
        cell = ''
        afterQuote = false
      } else if (ch === '\n') {
        cells.push(cell.endsWith('\r') && !afterQuote ? cell.slice(0, -1) : cell)
        if (cells.length > 1 || cells[0] !== '') out.push({ cells, line: rowLine })
        cells = []
        cell = ''
        afterQuote = false
        rowLine = ++line
      } else if (!(ch === '\r' && afterQuote)) {
        cell += ch
        afterQuote = false
      }
    }
    yield* out
  }
  if (cell !== '' || cells.length) yield { cells: [...cells, cell], line: rowLine }
}

/** One cell as CSV writes it: quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** What a bank writes in a cell, read into the values a statement line holds. */

export type CellResult<T> = { value: T } | { problem: string; code: string }

const DATE_FORMS = [
  /^(\d{4})[-./]\s*(\d{1,2})[-./]\s*(\d{1,2})\.?(?:[\sT].*)?$/,
  /^(\d{4})(\d{2})(\d{2})(?:\s.*)?$/,
  /^(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일(?:\s.*)?$/,
]

/** A statement date as YYYY-MM-DD; the time of day some banks add is dropped. */
export function readDate(cell: string): CellResult<string> {
  const s = cell.trim()
  for (const form of DATE_FORMS) {
    const m = form.exec(s)
    if (!m) continue
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
    const day = new Date(Date.UTC(y, mo - 1, d))
    if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) break
    return { value: `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` }
  }
  return { code: 'not_date', problem: `expected a date such as 2026-12-02, 2026.12.02 or 20261202, got "${s}"` }
}

/**
 * A deposit in won, or null for a row that deposits nothing (a withdrawal
 * leaves the deposit column blank or 0; a signed amount column makes it negative).
 */
export function readAmount(cell: string): CellResult<number | null> {
  const s = cell.normalize('NFKC').replace(/[\s,₩￦]|원$|krw/gi, '')
  if (s === '' || s === '-') return { value: null }
  const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(s)
  if (!m) return { code: 'not_number', problem: `expected an amount in won such as 12,300, got "${cell.trim()}"` }
  if (m[3] && /[1-9]/.test(m[3])) return { code: 'not_whole_number', problem: `expected whole won, got "${cell.trim()}"` }
  const won = Number(m[2])
  if (!Number.isSafeInteger(won)) return { code: 'too_big', problem: `amount "${cell.trim()}" is too large` }
  return { value: m[1] === '-' || won === 0 ? null : won }
}

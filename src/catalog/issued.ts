/**
 * A book's date of issue is as precise as its source: "2006" (a year, as
 * most library records give it), "2006-03" (ONIX YYYYMM) or "2006-03-14".
 * The three forms sort as strings in time order, a shorter one before the
 * longer ones of the same period, so a stored year compares as the period's
 * start: "2006" <= "2006-05-10" says the year has begun.
 */
export type DatePrecision = 'year' | 'month' | 'day'

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/

/** 'year', 'month' or 'day' for a real date in one of the three forms; null for anything else. */
export function datePrecision(s: string): DatePrecision | null {
  const m = PARTIAL.exec(s)
  if (!m) return null
  const [, y, mo, d] = m
  if (Number(y) < 1) return null
  if (mo === undefined) return 'year'
  if (Number(mo) < 1 || Number(mo) > 12) return null
  if (d === undefined) return 'month'
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)))
  return date.getUTCDate() === Number(d) && date.getUTCMonth() === Number(mo) - 1 ? 'day' : null
}

/**
 * Publishers announce books months, at most a year or two, ahead. A date of
 * issue further out than this is a misread calendar (a Buddhist-era 2550
 * taken for a Gregorian year), not a pre-order.
 */
const PREORDER_YEARS = 2

/** Whether a book dated `issuedOn` is still to come on `today` (YYYY-MM-DD), and near enough to be ordered ahead. */
export function isComingSoon(issuedOn: string | null, today: string): boolean {
  if (!issuedOn || issuedOn <= today) return false
  const horizon = `${Number(today.slice(0, 4)) + PREORDER_YEARS}${today.slice(4)}`
  return issuedOn <= horizon
}

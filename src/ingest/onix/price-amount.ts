/**
 * ONIX writes PriceAmount as a plain decimal ("30.80"), but real feeds carry
 * what their spreadsheets wrote. A comma is read where only one meaning is
 * possible for the price's currency:
 * - a decimal comma: "30,80" or "12,5" in a currency with a minor unit;
 * - thousands: "12,000" in a currency without one (KRW, JPY), or
 *   "1,234,567" / "1,234.50" (two groups, or a decimal point after) anywhere;
 * - European grouping "1.234,56".
 * "1,234" in a currency with cents could be either and is refused, as is an
 * amount with more decimals than its currency has ("9.999" dollars).
 */
export type AmountReading = { minor: number; reading: string | null } | { reason: string }

function normalised(s: string, digits: number): { decimal: string; reading: string | null } | { reason: string } {
  if (/^\d+(\.\d+)?$/.test(s)) return { decimal: s, reading: null }
  if (/^\d{1,3}(\.\d{3})+,\d+$/.test(s)) return { decimal: s.replace(/\./g, '').replace(',', '.'), reading: 'dots as thousands separators and a decimal comma' }
  const isGrouped = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)
  if (isGrouped && (digits === 0 || s.includes('.') || s.split(',').length > 2)) return { decimal: s.replace(/,/g, ''), reading: 'commas as thousands separators' }
  if (isGrouped) return { reason: `"${s}" could be thousands or a decimal comma; expected a decimal point, such as 1234.00` }
  if (/^\d+,\d+$/.test(s) && digits > 0) return { decimal: s.replace(',', '.'), reading: 'a decimal comma' }
  return { reason: `"${s}" is not an amount; expected a decimal such as 12.50` }
}

/** Reads an amount into the currency's minor units (cents, or won), exactly, without floating point. */
export function readPriceAmount(raw: string, digits: number, currency: string): AmountReading {
  const n = normalised(raw.replace(/[\s\u00a0\u202f]/g, ''), digits)
  if ('reason' in n) return n
  const [whole, fraction = ''] = n.decimal.split('.') as [string, string?]
  if (/[1-9]/.test(fraction.slice(digits))) return { reason: `"${raw}" has more decimals than ${currency} has (${digits})` }
  const minor = Number(whole + fraction.padEnd(digits, '0').slice(0, digits))
  if (!Number.isSafeInteger(minor)) return { reason: `"${raw}" is too large` }
  return { minor, reading: n.reading }
}

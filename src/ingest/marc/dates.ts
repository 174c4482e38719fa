import type { MarcField } from './field'

export interface MarcDate {
  /** YYYY or YYYY-MM, as precise as the record; null when it gives no year. */
  issuedOn: string | null
  note: string | null
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** 008/07-10, Date 1: always Gregorian; "199u" or "19uu" name a decade or century, not a year. */
function date1Of(f008: string | undefined): string | null {
  const d = f008?.slice(7, 11) ?? ''
  return /^\d{4}$/.test(d) && d !== '0000' && d !== '9999' ? d : null
}

/** A month named in $c: "2006년 3월", "March 2006", "mars 2006", "2006.3". */
function monthOf(text: string, year: string): string | null {
  const ko = new RegExp(`${year}\\s*년\\s*(\\d{1,2})\\s*월`).exec(text) ?? new RegExp(`${year}\\.(\\d{1,2})\\.?(?!\\d)`).exec(text)
  const en = /\b([a-zé]{3,9})\.?\s+\d{4}/i.exec(text)
  const n = ko ? Number(ko[1]) : en ? MONTHS.indexOf(en[1]!.slice(0, 3).toLowerCase().replace('é', 'e')) + 1 : 0
  return n >= 1 && n <= 12 ? `${year}-${String(n).padStart(2, '0')}` : null
}

/**
 * The year in 260/264 $c: a year the cataloguer corrected ("1971 [i.e. 1972]")
 * or supplied in brackets beside another calendar's ("2550 [2007]" Buddhist
 * era, "1386 [2007]" Persian, "Shōwa 46 [1971]") wins over the year before
 * it; then the first year given, copyright (c2005) and phonogram (p1998)
 * years included. A decade or century ("[199-?]") is no year.
 */
function yearOfStatement(c: string): { year: string; how: string | null } | { decade: string } | null {
  const corrected = /\[?i\.\s?e\.?,?\s*(\d{4})\]?/i.exec(c)
  if (corrected) return { year: corrected[1]!, how: 'the corrected year' }
  const bracketed = /\[[^\]\d]*(\d{4})[^\]]*\]/.exec(c)
  const outside = /(?<![\d[])(?:[cp©℗]\s?)?(\d{4})(?!\d)/.exec(c.replace(/\[[^\]]*\]/g, ' '))
  if (bracketed && outside && bracketed[1] !== outside[1]) return { year: bracketed[1]!, how: `the year in brackets, not ${outside[1]} (another calendar's)` }
  if (bracketed && !outside && /[^\s[\]\d.,?-]{2,}/.test(c.slice(0, bracketed.index))) return { year: bracketed[1]!, how: 'the year in brackets (the one before it is in another calendar)' }
  const first = /(?<!\d)(\d{4})(?!\d)/.exec(c)
  if (first) return { year: first[1]!, how: /\?/.test(c.slice(first.index, first.index + 6)) ? 'a probable year' : null }
  const decade = /(?<!\d)(\d{3})-\??/.exec(c) ?? /(?<!\d)(\d{2})--\??/.exec(c)
  return decade ? { decade: decade[0]! } : null
}

/**
 * The date of issue of a record: 264 (2nd indicator 1) or 260 $c, read as
 * above; 008/07-10 when $c gives no year, or one that differs from 008's by
 * more than a century (008 is always Gregorian: a Buddhist-era or Hijri year
 * without its Gregorian twin). Kept as a year, or a month when $c names one.
 */
export function issuedOf(pub: MarcField | undefined, f008: string | undefined): MarcDate {
  const tag = pub?.tag ?? '260'
  const c = (pub?.subfields.filter(([code]) => code === 'c').map(([, v]) => v) ?? []).join(' ').trim()
  const date1 = date1Of(f008)
  const read = c ? yearOfStatement(c) : null
  if (read && 'year' in read) {
    if (date1 && Math.abs(Number(read.year) - Number(date1)) > 100) {
      return { issuedOn: date1, note: `${tag}$c: "${c}" gives ${read.year}, which is no Gregorian year of this record; 008/07-10 says ${date1}, kept as the year` }
    }
    if (Number(read.year) > new Date().getUTCFullYear() + 2) {
      return { issuedOn: null, note: `${tag}$c: "${c}" gives ${read.year}, years ahead: a year of another calendar (Buddhist era, Hijri), and 008/07-10 gives none: no date of issue kept` }
    }
    const month = monthOf(c, read.year)
    return { issuedOn: month ?? read.year, note: read.how ? `${tag}$c: "${c}": ${read.how}, ${read.year}, kept as the year` : null }
  }
  const why = read ? `names only the decade or century "${read.decade}"` : c ? 'gives no year' : 'is missing'
  if (date1) return { issuedOn: date1, note: `${tag}$c ${c ? `"${c}" ` : ''}${why}; the year ${date1} taken from 008/07-10` }
  return { issuedOn: null, note: c ? `${tag}$c: "${c}" ${why}, and 008/07-10 gives none: no date of issue kept` : null }
}

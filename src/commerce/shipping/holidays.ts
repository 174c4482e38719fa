import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { InputError } from '../../core/errors'
import bundledTable from './holidays-kr.json' with { type: 'json' }

/** A day couriers and the warehouse do not work, with its name for the shopper. */
export interface Holiday {
  /** 'YYYY-MM-DD', a date in Korea. */
  date: string
  name: { ko: string; en: string }
}

/** The public holidays a delivery estimate skips. */
export interface HolidayCalendar {
  isHoliday(date: string): boolean
  holidayOn(date: string): Holiday | undefined
  readonly holidays: readonly Holiday[]
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => {
    const time = Date.parse(`${s}T00:00:00Z`)
    return !Number.isNaN(time) && new Date(time).toISOString().startsWith(s)
  }, 'is not a day of the calendar')

const holidaySchema = z.object({
  date: isoDate,
  name: z.object({ ko: z.string().trim().min(1), en: z.string().trim().min(1) }),
})

const tableSchema = z.array(holidaySchema).min(1, 'expected at least one holiday')

const BUNDLED = 'holidays-kr.json (bundled)'

/**
 * The holiday table: the bundled Korean one (2025–2027: 공휴일, 대체공휴일 and
 * election days, as the 관공서의 공휴일에 관한 규정 and 공휴일에 관한 법률
 * set them), or a store's own file given as `file` (COLOPHON_HOLIDAYS_FILE).
 * A store's file has the same shape as the bundled one, a JSON array of
 *   { "date": "YYYY-MM-DD", "name": { "ko": "설날", "en": "Seollal" } }
 * with each date once; it replaces the bundled table rather than adding to it.
 * A file that cannot be read or breaks that shape is an InputError naming the
 * file, and for a bad entry its index and field.
 */
export function loadHolidays(file?: string): HolidayCalendar {
  if (file === undefined) return calendarOf(validate(bundledTable, BUNDLED))
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    throw fileError(file, `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    throw fileError(file, `is not JSON (${(err as Error).message})`)
  }
  return calendarOf(validate(json, file))
}

function validate(json: unknown, file: string): Holiday[] {
  const parsed = tableSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const [entry, ...field] = issue.path
    if (typeof entry !== 'number') throw fileError(file, `expected a JSON array of holidays: ${issue.message}`)
    throw fileError(file, `entry ${entry}, field ${field.join('.') || '(the entry)'}: ${issue.message}`, {
      entry,
      field: field.join('.'),
    })
  }
  const seen = new Map<string, number>()
  parsed.data.forEach((holiday, i) => {
    const first = seen.get(holiday.date)
    if (first !== undefined) {
      throw fileError(file, `entry ${i}, field date: ${holiday.date} is already entry ${first}`, { entry: i, field: 'date' })
    }
    seen.set(holiday.date, i)
  })
  return parsed.data
}

function fileError(file: string, reason: string, params: { entry?: number; field?: string } = {}): InputError {
  return new InputError('holidays', `${file}: ${reason}`, { code: 'holidays_file', params: { file, ...params } })
}

function calendarOf(holidays: Holiday[]): HolidayCalendar {
  const sorted = [...holidays].sort((a, b) => a.date.localeCompare(b.date))
  const byDate = new Map(sorted.map((h) => [h.date, h]))
  return {
    isHoliday: (date) => byDate.has(date),
    holidayOn: (date) => byDate.get(date),
    holidays: sorted,
  }
}

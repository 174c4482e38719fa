import type { HolidayCalendar } from './holidays'

/** When an order leaves the warehouse and when it reaches the shopper, as Korean dates ('YYYY-MM-DD'). */
export interface DeliveryEstimate {
  shipsOn: string
  arrivesOn: string
  /** Arrives the day after the order was placed (Korea time). */
  isTomorrow: boolean
}

/** The shop's dispatch rules, from the configuration. */
export interface DeliveryRules {
  /** Orders placed before this time of day (Korea, 'HH:MM') on a working day ship that day. */
  cutoff: string
  /** Working days between shipping and arrival. */
  transitDays: number
}

// Korea has kept UTC+9 without daylight saving since 1988, so a fixed offset
// gives Seoul's date and time whatever the server's TZ is.
const SEOUL_OFFSET_MS = 9 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

function seoulDate(instant: Date): string {
  return new Date(instant.getTime() + SEOUL_OFFSET_MS).toISOString().slice(0, 10)
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay()
}

/**
 * A day the warehouse ships and couriers deliver: Monday to Friday and not a
 * holiday. Some couriers do deliver on Saturdays, but not everywhere nor
 * every week, so an estimate that counts Saturday would sometimes promise a
 * day it cannot keep; leaving it out errs on the late side.
 */
export function isWorkingDay(date: string, calendar: HolidayCalendar): boolean {
  const weekday = weekdayOf(date)
  return weekday !== 0 && weekday !== 6 && !calendar.isHoliday(date)
}

function nextWorkingDay(date: string, calendar: HolidayCalendar): string {
  let day = addDays(date, 1)
  while (!isWorkingDay(day, calendar)) day = addDays(day, 1)
  return day
}

function cutoffMs(cutoff: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(cutoff)
  if (!match) throw new RangeError(`delivery cut-off "${cutoff}" is not a time as HH:MM`)
  return (Number(match[1]) * 60 + Number(match[2])) * 60 * 1000
}

/**
 * When an order placed at `placedAt` ships and arrives: on a working day
 * before the cut-off it ships that day, otherwise on the next working day; it
 * arrives `transitDays` working days after it ships.
 */
export function deliveryEstimate(
  placedAt: Date,
  calendar: HolidayCalendar,
  rules: Partial<DeliveryRules> = {},
): DeliveryEstimate {
  const { cutoff = '14:00', transitDays = 1 } = rules
  if (!Number.isInteger(transitDays) || transitDays < 0) {
    throw new RangeError(`transit days must be a whole number of at least 0, got ${transitDays}`)
  }
  const placedOn = seoulDate(placedAt)
  const timeOfDay = (((placedAt.getTime() + SEOUL_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS
  const isBeforeCutoff = timeOfDay < cutoffMs(cutoff)
  const shipsOn =
    isWorkingDay(placedOn, calendar) && isBeforeCutoff ? placedOn : nextWorkingDay(placedOn, calendar)
  let arrivesOn = shipsOn
  for (let i = 0; i < transitDays; i++) arrivesOn = nextWorkingDay(arrivesOn, calendar)
  return { shipsOn, arrivesOn, isTomorrow: arrivesOn === addDays(placedOn, 1) }
}

const WEEKDAYS = {
  ko: ['일', '월', '화', '수', '목', '금', '토'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
}
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/**
 * The arrival as a shopper reads it at `now`: "내일 도착 예정" / "Arrives
 * tomorrow" when it is the next day in Korea, else the date with its weekday,
 * "12월 4일(금) 도착 예정" / "Arrives Fri, Dec 4".
 */
export function estimateLabel(estimate: DeliveryEstimate, now: Date, lang: 'ko' | 'en'): string {
  if (estimate.arrivesOn === addDays(seoulDate(now), 1)) return lang === 'ko' ? '내일 도착 예정' : 'Arrives tomorrow'
  const [, month, day] = estimate.arrivesOn.split('-').map(Number) as [number, number, number]
  const weekday = WEEKDAYS[lang][weekdayOf(estimate.arrivesOn)]
  return lang === 'ko' ? `${month}월 ${day}일(${weekday}) 도착 예정` : `Arrives ${weekday}, ${MONTHS_EN[month - 1]} ${day}`
}

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { deliveryEstimate, estimateLabel, isWorkingDay } from './estimate'
import { loadHolidays } from './holidays'

const calendar = loadHolidays()
const kst = (local: string) => new Date(`${local}+09:00`)

// An oracle independent of the code under test: ICU's own Asia/Seoul zone.
const seoulDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' })
const weekdayIn = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay()
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

describe('delivery estimate', () => {
  it.each([
    ['Friday 13:59 ships Friday, arrives Monday', '2026-12-04T13:59:00', '2026-12-04', '2026-12-07', false],
    ['Friday 14:01 ships Monday, arrives Tuesday', '2026-12-04T14:01:00', '2026-12-07', '2026-12-08', false],
    ['Friday 14:00 sharp is not before the cut-off', '2026-12-04T14:00:00', '2026-12-07', '2026-12-08', false],
    ['a Wednesday morning arrives tomorrow', '2026-12-02T10:00:00', '2026-12-02', '2026-12-03', true],
    ['Saturday ships Monday', '2026-12-05T09:00:00', '2026-12-07', '2026-12-08', false],
    ['the day before 추석 2026, morning: arrives after the holidays', '2026-09-23T10:00:00', '2026-09-23', '2026-09-28', false],
    ['the day before 추석 2026, afternoon: ships after the holidays', '2026-09-23T15:00:00', '2026-09-28', '2026-09-29', false],
    ['the first day of 추석 2026', '2026-09-24T09:00:00', '2026-09-28', '2026-09-29', false],
    ['Friday before 설날 2027 and its substitute day', '2027-02-05T15:00:00', '2027-02-10', '2027-02-11', false],
    ['New Year’s Eve afternoon ships in the new year', '2026-12-31T15:00:00', '2027-01-04', '2027-01-05', false],
    ['Thursday before 제헌절 2026 arrives Monday', '2026-07-16T09:00:00', '2026-07-16', '2026-07-20', false],
    ['a substitute holiday is not a working day', '2026-10-05T09:00:00', '2026-10-06', '2026-10-07', false],
  ])('%s', (_, placed, shipsOn, arrivesOn, isTomorrow) => {
    expect(deliveryEstimate(kst(placed), calendar)).toEqual({ shipsOn, arrivesOn, isTomorrow })
  })

  it('reads the date in Korea, not in UTC', () => {
    // 23:30 UTC on Thursday is 08:30 on Friday in Seoul.
    expect(deliveryEstimate(new Date('2026-12-03T23:30:00Z'), calendar).shipsOn).toBe('2026-12-04')
    // 05:30 UTC on Friday is 14:30 in Seoul, past the cut-off.
    expect(deliveryEstimate(new Date('2026-12-04T05:30:00Z'), calendar).shipsOn).toBe('2026-12-07')
  })

  it('does not depend on the server’s time zone', () => {
    const saved = process.env.TZ
    const placed = kst('2026-12-04T13:59:00')
    try {
      for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = tz
        expect(deliveryEstimate(placed, calendar)).toEqual({ shipsOn: '2026-12-04', arrivesOn: '2026-12-07', isTomorrow: false })
      }
    } finally {
      if (saved === undefined) delete process.env.TZ
      else process.env.TZ = saved
    }
  })

  it('follows the shop’s cut-off and transit days', () => {
    expect(deliveryEstimate(kst('2026-12-02T11:30:00'), calendar, { cutoff: '11:00' }).shipsOn).toBe('2026-12-03')
    expect(deliveryEstimate(kst('2026-12-02T10:30:00'), calendar, { cutoff: '11:00', transitDays: 2 })).toEqual({
      shipsOn: '2026-12-02',
      arrivesOn: '2026-12-04',
      isTomorrow: false,
    })
    expect(deliveryEstimate(kst('2026-12-02T10:30:00'), calendar, { transitDays: 0 }).arrivesOn).toBe('2026-12-02')
  })

  it('refuses rules it cannot follow', () => {
    expect(() => deliveryEstimate(kst('2026-12-02T10:30:00'), calendar, { cutoff: '2pm' })).toThrow(/HH:MM/)
    expect(() => deliveryEstimate(kst('2026-12-02T10:30:00'), calendar, { cutoff: '24:00' })).toThrow(/HH:MM/)
    expect(() => deliveryEstimate(kst('2026-12-02T10:30:00'), calendar, { transitDays: 1.5 })).toThrow(/whole number/)
  })

  it('never ships or arrives on a weekend or holiday, nor before the order, nor skips a working day', () => {
    const instant = fc.date({ min: new Date('2025-01-01T00:00:00+09:00'), max: new Date('2027-12-20T00:00:00+09:00'), noInvalidDate: true })
    const cutoff = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(
      ([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`,
    )
    fc.assert(
      fc.property(instant, cutoff, fc.integer({ min: 0, max: 4 }), (placedAt, cutoff, transitDays) => {
        const { shipsOn, arrivesOn, isTomorrow } = deliveryEstimate(placedAt, calendar, { cutoff, transitDays })
        const placedOn = seoulDay.format(placedAt)
        for (const day of [shipsOn, arrivesOn]) {
          expect(day >= placedOn).toBe(true)
          expect([0, 6]).not.toContain(weekdayIn(day))
          expect(calendar.isHoliday(day)).toBe(false)
        }
        // Every working day from the order to shipping, but the order day itself, would have been a better answer.
        for (let d = nextDay(placedOn); d < shipsOn; d = nextDay(d)) expect(isWorkingDay(d, calendar)).toBe(false)
        let working = 0
        for (let d = nextDay(shipsOn); d <= arrivesOn; d = nextDay(d)) if (isWorkingDay(d, calendar)) working++
        expect(working).toBe(transitDays)
        expect(isTomorrow).toBe(arrivesOn === nextDay(placedOn))
      }),
      { numRuns: 2000 },
    )
  })
})

describe('estimate label', () => {
  const now = kst('2026-12-02T10:00:00')

  it('says tomorrow when it arrives the next day in Korea', () => {
    const estimate = deliveryEstimate(now, calendar)
    expect(estimateLabel(estimate, now, 'ko')).toBe('내일 도착 예정')
    expect(estimateLabel(estimate, now, 'en')).toBe('Arrives tomorrow')
  })

  it('gives the date and weekday otherwise', () => {
    const estimate = { shipsOn: '2026-12-03', arrivesOn: '2026-12-04', isTomorrow: false }
    expect(estimateLabel(estimate, now, 'ko')).toBe('12월 4일(금) 도착 예정')
    expect(estimateLabel(estimate, now, 'en')).toBe('Arrives Fri, Dec 4')
    const newYear = { shipsOn: '2027-01-04', arrivesOn: '2027-01-05', isTomorrow: false }
    expect(estimateLabel(newYear, now, 'ko')).toBe('1월 5일(화) 도착 예정')
    expect(estimateLabel(newYear, now, 'en')).toBe('Arrives Tue, Jan 5')
  })

  it('counts tomorrow from the Korean date of now', () => {
    const estimate = { shipsOn: '2026-12-03', arrivesOn: '2026-12-04', isTomorrow: false }
    // 16:00 UTC on 2 December is already 01:00 on 3 December in Seoul.
    expect(estimateLabel(estimate, new Date('2026-12-02T16:00:00Z'), 'en')).toBe('Arrives tomorrow')
    expect(estimateLabel(estimate, new Date('2026-12-02T14:59:00Z'), 'en')).toBe('Arrives Fri, Dec 4')
  })
})

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { InputError } from '../../core/errors'
import { loadHolidays } from './holidays'

const dir = mkdtempSync(join(tmpdir(), 'colophon-holidays-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function writeTable(name: string, content: unknown): string {
  const file = join(dir, name)
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content))
  return file
}

function errorOf(run: () => unknown): InputError {
  try {
    run()
  } catch (err) {
    if (err instanceof InputError) return err
    throw err
  }
  throw new Error('expected an InputError')
}

describe('bundled Korean holidays', () => {
  const calendar = loadHolidays()
  const dates = calendar.holidays.map((h) => h.date)

  it('lists every date once, in order, across 2025 to 2027', () => {
    expect(new Set(dates).size).toBe(dates.length)
    expect(dates).toEqual([...dates].sort())
    expect(dates[0]).toBe('2025-01-01')
    expect(dates.at(-1)).toBe('2027-12-27')
  })

  it.each([
    ['2026-01-01', '신정'],
    ['2026-02-16', '설날 전날'],
    ['2026-02-17', '설날'],
    ['2026-02-18', '설날 다음 날'],
    ['2026-03-01', '3·1절'],
    ['2026-03-02', '대체공휴일(3·1절)'],
    ['2026-05-05', '어린이날'],
    ['2026-05-24', '부처님오신날'],
    ['2026-05-25', '대체공휴일(부처님오신날)'],
    ['2026-06-03', '제9회 전국동시지방선거일'],
    ['2026-06-06', '현충일'],
    ['2026-07-17', '제헌절'],
    ['2026-08-15', '광복절'],
    ['2026-08-17', '대체공휴일(광복절)'],
    ['2026-09-24', '추석 전날'],
    ['2026-09-25', '추석'],
    ['2026-09-26', '추석 다음 날'],
    ['2026-10-03', '개천절'],
    ['2026-10-05', '대체공휴일(개천절)'],
    ['2026-10-09', '한글날'],
    ['2026-12-25', '성탄절'],
  ])('2026: %s is %s', (date, ko) => {
    expect(calendar.holidayOn(date)?.name.ko).toBe(ko)
  })

  it('has exactly the 2026 holidays above and no others', () => {
    expect(dates.filter((d) => d.startsWith('2026'))).toHaveLength(21)
  })

  it('gives a substitute day only under the current rules', () => {
    // 추석 on a Saturday earns none (only a Sunday or another holiday does); 현충일 never does.
    expect(calendar.isHoliday('2026-09-28')).toBe(false)
    expect(calendar.isHoliday('2026-06-08')).toBe(false)
    expect(calendar.isHoliday('2027-06-07')).toBe(false)
    // 설날 2027 falls on a Sunday; 성탄절 2027 on a Saturday.
    expect(calendar.isHoliday('2027-02-09')).toBe(true)
    expect(calendar.isHoliday('2027-12-27')).toBe(true)
    // 어린이날 and 부처님오신날 shared 2025-05-05 and gave one substitute day.
    expect(calendar.isHoliday('2025-05-06')).toBe(true)
    expect(calendar.isHoliday('2025-05-07')).toBe(false)
  })

  it('names every holiday in Korean and English', () => {
    for (const h of calendar.holidays) {
      expect(h.name.ko.length).toBeGreaterThan(0)
      expect(h.name.en).toMatch(/^[\x20-\x7e]+$/)
    }
  })
})

describe('a store’s own holiday file', () => {
  it('replaces the bundled table', () => {
    const file = writeTable('own.json', [{ date: '2028-01-26', name: { ko: '설날', en: 'Seollal' } }])
    const calendar = loadHolidays(file)
    expect(calendar.isHoliday('2028-01-26')).toBe(true)
    expect(calendar.isHoliday('2026-02-17')).toBe(false)
  })

  it('is refused naming the file, the entry and the field', () => {
    const file = writeTable('bad-field.json', [
      { date: '2028-01-01', name: { ko: '신정', en: "New Year's Day" } },
      { date: '2028-01-26', name: { ko: '설날' } },
    ])
    const err = errorOf(() => loadHolidays(file))
    expect(err.code).toBe('holidays_file')
    expect(err.params).toMatchObject({ file, entry: 1, field: 'name.en' })
    expect(err.message).toContain(file)
    expect(err.message).toContain('entry 1, field name.en')
  })

  it.each([
    ['bad-day.json', [{ date: '2028-02-30', name: { ko: 'x', en: 'x' } }], /entry 0, field date: is not a day/],
    ['bad-date.json', [{ date: '2028-02-32', name: { ko: 'x', en: 'x' } }], /entry 0, field date: is not a day/],
    ['bad-format.json', [{ date: '28-1-1', name: { ko: 'x', en: 'x' } }], /entry 0, field date: expected a date as YYYY-MM-DD/],
    ['duplicate.json', [
      { date: '2028-01-01', name: { ko: 'x', en: 'x' } },
      { date: '2028-01-01', name: { ko: 'y', en: 'y' } },
    ], /entry 1, field date: 2028-01-01 is already entry 0/],
    ['object.json', { date: '2028-01-01' }, /expected a JSON array/],
    ['broken.json', '[{"date": ', /is not JSON/],
  ])('refuses %s', (name, content, reason) => {
    const file = writeTable(name, content)
    expect(() => loadHolidays(file)).toThrow(InputError)
    expect(() => loadHolidays(file)).toThrow(reason)
  })

  it('is refused when it cannot be read', () => {
    const file = join(dir, 'missing.json')
    expect(() => loadHolidays(file)).toThrow(`${file}: cannot be read (ENOENT)`)
  })
})

import { PERIOD_DAYS, PERIODS, type ListRow, type Movement, type Period, type Sale } from './types'

const DAY = 86_400_000
/** 판매지수: each copy counts this many points on the day it is paid, and half as many every HALF_LIFE_DAYS after. */
export const POINTS_PER_COPY = 100
export const HALF_LIFE_DAYS = 30
/** Sales older than this add under 1/4,096 of their points: not read. */
export const INDEX_DAYS = 360
/** Places kept per list and shelf. */
export const LIST_LENGTH = 100

/** What a rebuild gathers as it reads the sales: copies per book in each period and the one before, and the decayed index. */
export class SalesTally {
  private readonly windows = new Map<string, Map<string, number>>()
  readonly index = new Map<string, number>()

  constructor(private readonly now: number) {}

  /** The earliest payment time a rebuild must read. */
  static since(now: number): number {
    return now - INDEX_DAYS * DAY
  }

  add({ isbn13, paidAt, copies }: Sale): void {
    const age = Math.max(0, this.now - paidAt)
    this.index.set(isbn13, (this.index.get(isbn13) ?? 0) + copies * POINTS_PER_COPY * 0.5 ** (age / DAY / HALF_LIFE_DAYS))
    for (const period of PERIODS) {
      const span = PERIOD_DAYS[period] * DAY
      const which = age < span ? 'current' : age < 2 * span ? 'previous' : undefined
      if (!which) continue
      const totals = this.copies(period, which)
      totals.set(isbn13, (totals.get(isbn13) ?? 0) + copies)
    }
  }

  copies(period: Period, which: 'current' | 'previous'): Map<string, number> {
    const key = `${period}:${which}`
    let totals = this.windows.get(key)
    if (!totals) this.windows.set(key, (totals = new Map()))
    return totals
  }

  /** Every book's index, rounded to whole points; books under half a point are left out. */
  indexPoints(): Map<string, number> {
    return new Map([...this.index].map(([isbn, p]) => [isbn, Math.round(p)] as const).filter(([, p]) => p > 0))
  }
}

/** Books by copies sold, most first; ties by ISBN, so a rebuild of the same sales gives the same list. */
function ranked(totals: Map<string, number>, shelvesOf: (isbn: string) => readonly string[]): Map<string, Array<[string, number]>> {
  const byShelf = new Map<string, Array<[string, number]>>()
  for (const [isbn, copies] of totals) {
    for (const shelf of shelvesOf(isbn)) {
      let list = byShelf.get(shelf)
      if (!list) byShelf.set(shelf, (list = []))
      list.push([isbn, copies])
    }
  }
  for (const list of byShelf.values()) list.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  return byShelf
}

/** Every period's lists on every shelf, each book's place in the period before beside it. */
export function bestsellerRows(tally: SalesTally, shelvesOf: (isbn: string) => readonly string[], length = LIST_LENGTH): ListRow[] {
  const rows: ListRow[] = []
  for (const period of PERIODS) {
    const before = ranked(tally.copies(period, 'previous'), shelvesOf)
    for (const [categoryId, list] of ranked(tally.copies(period, 'current'), shelvesOf)) {
      const previous = new Map((before.get(categoryId) ?? []).map(([isbn], i) => [isbn, i + 1]))
      list.slice(0, length).forEach(([isbn13, copies], i) => rows.push({ period, categoryId, rank: i + 1, isbn13, copies, previousRank: previous.get(isbn13) ?? null }))
    }
  }
  return rows
}

/** ▲3, ▼1, new or no change. */
export function movementOf(rank: number, previousRank: number | null): Movement {
  if (previousRank === null) return { kind: 'new' }
  if (previousRank === rank) return { kind: 'same' }
  return previousRank > rank ? { kind: 'up', by: previousRank - rank } : { kind: 'down', by: rank - previousRank }
}

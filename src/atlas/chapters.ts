import type { TocEntry } from '../catalog'
import { findPlace } from './gazetteer'
import type { ChapterPoint, Place } from './types'

/** A year of the Common Era as titles write it: four digits, 1000–2099, not part of a longer number. */
const YEAR = /(?<!\d)(1\d{3}|20\d{2})(?!\d)(년)?/
/** Where a chapter title's head ends: the subtitle after a colon, a dash or a parenthesis. */
const HEAD_END = /\s*(?::|：| [—–-] |—|\(|（)/
/** A staff member's "no place here", which also stops the title from being read for one. */
export const NO_PLACE = '-'
/** The longest run of words tried as one place name ("Ho Chi Minh City"). */
const MAX_WORDS = 4

/** The contents in reading order, sub-entries after their entry: the order of the entries' anchors on the page. */
export function entriesInOrder(toc: TocEntry[]): TocEntry[] {
  return toc.flatMap((e) => [e, ...entriesInOrder(e.children ?? [])])
}

/**
 * The year and place a chapter title gives at its head: "Beijing 1618:
 * Encountering the Unknown", "1618 베이징", "모스크바 1950". The place is
 * the longest run of the head's other words that the gazetteer knows, the
 * first one found.
 */
export function readChapterTitle(title: string): { year?: number; placeName?: string; place?: Place } {
  const head = title.split(HEAD_END)[0]!
  const found = YEAR.exec(head)
  if (!found) return {}
  const year = Number(found[1])
  const words = head.replace(found[0], ' ').split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean)
  for (let length = Math.min(MAX_WORDS, words.length); length > 0; length--) {
    for (let start = 0; start + length <= words.length; start++) {
      const name = words.slice(start, start + length).join(' ')
      const place = findPlace(name)
      if (place) return { year, placeName: name, place }
    }
  }
  return { year }
}

/**
 * The chapters a map and a timeline can show: each with a place and a year,
 * from what staff set on the entry (kept over later imports) or else from
 * its title. A book with fewer than two gets none: one point is not a map.
 */
export function chapterPoints(toc: TocEntry[]): ChapterPoint[] {
  const entries = entriesInOrder(toc)
  // The gazetteer is read only for contents that look like places and years.
  const likely = entries.filter((e) => e.place || e.year || YEAR.test(e.title)).length
  if (likely < 2) return []
  const points: ChapterPoint[] = []
  entries.forEach((e, entry) => {
    if (e.place === NO_PLACE) return
    const read = readChapterTitle(e.title)
    const place = e.place ? findPlace(e.place) : read.place
    const year = e.year ?? read.year
    if (!place || year === undefined) return
    points.push({ entry, ...(e.number && { number: e.number }), title: e.title, placeName: e.place ? place.name : (read.placeName ?? place.name), place, year })
  })
  return points.length >= 2 ? points : []
}

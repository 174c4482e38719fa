import type { TocEntry } from './types'

const titleKey = (title: string) => title.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')

function entriesOf(toc: TocEntry[]): TocEntry[] {
  return toc.flatMap((e) => [e, ...entriesOf(e.children ?? [])])
}

/**
 * A feed's new contents with the places and years staff set on the stored
 * contents: an incoming entry that says neither takes them from the stored
 * entry of the same title (spaces, case and punctuation aside). Feeds never
 * carry them, so without this a publisher's next update would undo the fix.
 */
export function keepChapterPlaces(incoming: TocEntry[], stored: TocEntry[]): TocEntry[] {
  const set = new Map(entriesOf(stored).filter((e) => e.place !== undefined || e.year !== undefined).map((e) => [titleKey(e.title), e]))
  if (!set.size) return incoming
  const keep = (entries: TocEntry[]): TocEntry[] =>
    entries.map((e) => {
      const was = e.place === undefined && e.year === undefined ? set.get(titleKey(e.title)) : undefined
      const kept = was ? { ...e, ...(was.place !== undefined && { place: was.place }), ...(was.year !== undefined && { year: was.year }) } : e
      return e.children ? { ...kept, children: keep(e.children) } : kept
    })
  return keep(incoming)
}

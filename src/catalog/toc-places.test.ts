import { describe, expect, it } from 'vitest'
import { keepChapterPlaces } from './toc-places'
import type { TocEntry } from './types'

describe("staff's places and years on a book's contents", () => {
  it('survive a feed that sends the same chapters again, even retitled in case and spacing', () => {
    const stored: TocEntry[] = [
      { kind: 'chapter', number: '1', title: 'Kiiu 2022', place: 'Kyiv' },
      { kind: 'part', title: 'Part one', children: [{ kind: 'chapter', title: 'Zhenbao', place: 'Damansky', year: 1969 }] },
      { kind: 'chapter', title: 'No place here', place: '-' },
    ]
    const incoming: TocEntry[] = [
      { kind: 'chapter', number: '1', title: 'KIIU  2022' },
      { kind: 'part', title: 'Part one', children: [{ kind: 'chapter', title: 'Zhenbao.' }, { kind: 'chapter', title: 'New chapter' }] },
      { kind: 'chapter', title: 'No place here' },
    ]
    expect(keepChapterPlaces(incoming, stored)).toEqual([
      { kind: 'chapter', number: '1', title: 'KIIU  2022', place: 'Kyiv' },
      { kind: 'part', title: 'Part one', children: [{ kind: 'chapter', title: 'Zhenbao.', place: 'Damansky', year: 1969 }, { kind: 'chapter', title: 'New chapter' }] },
      { kind: 'chapter', title: 'No place here', place: '-' },
    ])
  })

  it('give way to what the feed itself says, and leave a book without them alone', () => {
    const stored: TocEntry[] = [{ kind: 'chapter', title: 'Paris 1789', place: 'Lyon' }]
    const incoming: TocEntry[] = [{ kind: 'chapter', title: 'Paris 1789', year: 1790 }]
    expect(keepChapterPlaces(incoming, stored)).toEqual(incoming)
    const plain: TocEntry[] = [{ kind: 'chapter', title: 'One' }]
    expect(keepChapterPlaces(plain, [{ kind: 'chapter', title: 'One' }])).toBe(plain)
  })
})

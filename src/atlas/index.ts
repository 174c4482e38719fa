export { chapterPoints, entriesInOrder, readChapterTitle, NO_PLACE } from './chapters'
export { findPlace, placeKey } from './gazetteer'
export type { ChapterPoint, Place } from './types'

export { chapterPoints, entriesInOrder, readChapterTitle, NO_PLACE } from './chapters'
export { findPlace, loadGazetteer, placeKey } from './gazetteer'
export type { ChapterPoint, Place } from './types'

export { processCover, COVER_DEFAULTS } from './process'
export { CoverFiles, coverFileName, defaultCoverDir, type CoverFile } from './files'
export { findCover, saveCover, deleteCover, toCover } from './repo'
export { COVER_FORMATS, type CoverFormat, type CoverImage, type CoverRules, type ProcessedCover } from './types'

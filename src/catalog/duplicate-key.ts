import type { Contributor } from './types'

/** Characters of each part kept in the key: a longer title adds nothing to telling two books apart. */
const TITLE_CHARS = 120
const AUTHOR_CHARS = 60

/**
 * Text reduced to what two catalog records of one book share however they
 * were typed: NFKC (full-width Latin, compatibility Hangul and ligatures
 * become plain letters), case folded (upper then lower, so "ß" and "SS"
 * agree), and everything but letters and digits dropped: spaces,
 * punctuation, symbols, combining marks. Korean titles lose their spaces,
 * which publishers' records place differently ("중국과 러시아" /
 * "중국과러시아"). Leading articles ("The") are kept: they are rare in this
 * catalog, and dropping them would join "The Road" with "Road".
 */
export function normaliseText(text: string): string {
  // Stripped before folding too: a Greek capital sigma lowers by what follows it, which must not be a space.
  const bare = text.normalize('NFKC').replace(NOT_LETTER_OR_DIGIT, '')
  return bare.toUpperCase().toLowerCase().normalize('NFKC').replace(NOT_LETTER_OR_DIGIT, '')
}

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu

/**
 * The key likely duplicates share: the normalised title and the normalised
 * name of the first author (the first contributor when none is an author),
 * or null for a title with no letters or digits at all.
 */
export function duplicateKey(title: string, contributors: readonly Contributor[]): string | null {
  const titleKey = normaliseText(title).slice(0, TITLE_CHARS)
  if (!titleKey) return null
  const author = contributors.find((c) => c.role === 'author') ?? contributors[0]
  return `${titleKey}|${normaliseText(author?.name ?? '').slice(0, AUTHOR_CHARS)}`
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz'

/** Typo tolerance applies to words this long or longer: shorter ones have too many neighbours. */
export const MIN_TYPO_LENGTH = 5

/** Every string one edit away (delete, swap of neighbours, replace, insert) over a–z. */
export function oneEditAway(word: string): string[] {
  const out = new Set<string>()
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i)
    const tail = word.slice(i)
    if (tail) out.add(head + tail.slice(1))
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2))
    for (const c of LETTERS) {
      if (tail) out.add(head + c + tail.slice(1))
      out.add(head + c + tail)
    }
  }
  out.delete(word)
  return [...out]
}

/** Whether a word is one for typo tolerance: Latin letters only, long enough (`minLength`: four beside other words, which narrow its neighbours). */
export function isTypoCandidate(word: string, minLength = MIN_TYPO_LENGTH): boolean {
  return word.length >= minLength && /^[a-z]+$/.test(word)
}

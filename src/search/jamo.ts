/**
 * Korean misspellings at the level of letters (jamo): a vowel or consonant
 * that sounds the same or nearly (ㅐ/ㅔ in 리엑트 for 리액트, ㄷ/ㅌ in
 * 타입스크립드 for 타입스크립트, a final ㅅ for ㄷ). A Hangul syllable is
 * 0xAC00 + (initial × 21 + medial) × 28 + final (Unicode §3.12).
 */

const INITIAL_GROUPS = [[0, 1, 15], [3, 4, 16], [7, 8, 17], [12, 13, 14], [9, 10]] // ㄱㄲㅋ ㄷㄸㅌ ㅂㅃㅍ ㅈㅉㅊ ㅅㅆ
const MEDIAL_GROUPS = [[1, 5], [3, 7], [10, 11, 15], [16, 19]] // ㅐㅔ ㅒㅖ ㅙㅚㅞ ㅟㅢ
const FINAL_GROUPS = [[1, 2, 24], [7, 19, 20, 22, 23, 25, 27], [17, 26]] // ㄱㄲㅋ, ㄷㅅㅆㅈㅊㅌㅎ (all said ㄷ), ㅂㅍ

const alike = (groups: number[][], n: number) => groups.find((g) => g.includes(n))?.filter((m) => m !== n) ?? []

/** Every spelling of `text` with one syllable's letter swapped for one that sounds alike, in order of position. */
export function jamoVariants(text: string): string[] {
  const chars = [...text]
  const out: string[] = []
  chars.forEach((ch, i) => {
    const code = ch.charCodeAt(0) - 0xac00
    if (code < 0 || code > 11171) return
    const [initial, medial, final] = [Math.floor(code / 588), Math.floor((code % 588) / 28), code % 28]
    const syllables = [
      ...alike(INITIAL_GROUPS, initial).map((x) => x * 588 + medial * 28 + final),
      ...alike(MEDIAL_GROUPS, medial).map((x) => initial * 588 + x * 28 + final),
      ...(final ? alike(FINAL_GROUPS, final).map((x) => initial * 588 + medial * 28 + x) : []),
    ]
    for (const s of syllables) out.push([...chars.slice(0, i), String.fromCharCode(0xac00 + s), ...chars.slice(i + 1)].join(''))
  })
  return out
}

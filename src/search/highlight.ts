import type { Segment } from './types'
import { normalise, type QueryPiece } from './tokenise'

/**
 * Cuts text into runs that match a query piece and runs that don't. Each
 * character is folded on its own, so positions in the folded text map back
 * to the original ("Müller" is marked by "muller").
 */
export function highlight(text: string, pieces: QueryPiece[]): Segment[] {
  const needles = pieces.filter((p) => p.kind === 'word' || p.kind === 'cjk').map((p) => p.text)
  if (needles.length === 0 || !text) return [{ text, isMatch: false }]
  const chars = [...text]
  let folded = ''
  const owner: number[] = []
  chars.forEach((ch, i) => {
    // Most characters fold by lower-casing alone; only the rest pay for full normalisation.
    const f = /[a-z0-9\uac00-\ud7a3 ]/i.test(ch) ? ch.toLowerCase() : normalise(ch)
    folded += f
    for (let k = 0; k < f.length; k++) owner.push(i)
  })
  const marked = new Array<boolean>(chars.length).fill(false)
  for (const needle of needles) {
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) {
      for (let k = at; k < at + needle.length; k++) marked[owner[k]!] = true
    }
  }
  const out: Segment[] = []
  chars.forEach((ch, i) => {
    const last = out[out.length - 1]
    if (last && last.isMatch === marked[i]) last.text += ch
    else out.push({ text: ch, isMatch: marked[i]! })
  })
  return out
}

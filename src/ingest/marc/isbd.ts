import type { MarcField } from './field'

/** Words a cataloguer abbreviates, whose full stop is not ISBD's (AACR2 appendix B, the common ones). */
const ABBREVIATION = /\b(?:etc|ed|eds|p|pp|v|vol|vols|no|cm|ill|col|co|inc|ltd|jr|sr|st|dr|mr|mrs|ms|bd|hrsg|cf|ca|approx|pbk|hbk|bdg|lib|alk|pa|geb|kart|brosch|ebk)\.$/i

/**
 * ISBD punctuation a cataloguer ends a subfield with (" /", " :", " ;",
 * " =", ",", and a full stop that is not an initial's or an abbreviation's),
 * and the square brackets that mark what the cataloguer supplied
 * ("[a novel]", "[S.l. :" … "s.n.]"). Brackets inside the text stay.
 */
export function stripIsbd(raw: string): string {
  let s = raw.replace(/\s+/g, ' ').trim()
  for (let last = ''; last !== s; ) {
    last = s
    s = s.replace(/\s*[/:;,=+]\s*$/, '')
    if (!ABBREVIATION.test(s)) s = s.replace(/(?<![A-Z]|\.\.|(?:^|[\s.])\p{Ll})\.$/u, '')
    s = s.trim()
    if (/^\[[^\]]*\]$/.test(s)) s = s.slice(1, -1).trim()
    else if (s.startsWith('[') && !s.includes(']')) s = s.slice(1).trim()
    else if (s.endsWith(']') && !s.includes('[')) s = s.slice(0, -1).trim()
  }
  return s
}

const sub = (f: MarcField, code: string) => f.subfields.find(([c]) => c === code)?.[1]

export interface MarcTitle {
  title: string | null
  subtitle: string | null
  /** The general material designation of 245 $h ("electronic resource"), a hint of the format. */
  medium: string | null
  /** A title in another language after " = " (ISBD's parallel title), which is no subtitle. */
  parallel: string | null
}

/** 245 as title and subtitle: $a, $n and $p joined; $b the subtitle unless " = " makes it a parallel title; $h apart. */
export function titleOf(f: MarcField): MarcTitle {
  let parallel: string | null = null
  let subtitle: string | null = null
  let before = ''
  const parts: string[] = []
  for (const [code, value] of f.subfields) {
    if (code === 'a' || code === 'n' || code === 'p') parts.push(stripIsbd(value))
    else if (code === 'b') {
      if (/=\s*$/.test(before)) parallel = stripIsbd(value)
      else subtitle = stripIsbd(value)
    }
    before = value
  }
  const medium = sub(f, 'h')
  return { title: parts.filter(Boolean).join('. ') || null, subtitle: subtitle || null, medium: medium ? stripIsbd(medium).toLowerCase() || null : null, parallel: parallel || null }
}

/** "[s.n.]" (sine nomine) and its kin say the publisher is not known: no name. */
const NO_PUBLISHER = /^(s\.\s?n\.?|sine nomine|publisher not identified|n\.\s?pub\.?|출판사 불명|발행처 불명)$/i

/** 260/264 $b as a publisher's name, or null when the cataloguer wrote that it is unknown. */
export function publisherOf(raw: string | undefined): string | null {
  if (!raw) return null
  const name = stripIsbd(raw)
  return name && !NO_PUBLISHER.test(name) ? name : null
}

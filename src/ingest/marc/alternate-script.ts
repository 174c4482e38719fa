import type { AlternateForms } from '../../catalog'
import { nameOf, type NameField } from './names'

/** The part of a MARC field the linking reads (record.ts's MarcField). */
export interface LinkedField extends NameField {
  ind1: string
  ind2: string
}

/** The fields whose 880 counterpart Colophon reads: title, names, publication. */
const LINKED_TAGS = new Set(['100', '110', '111', '245', '260', '264', '700', '710', '711'])
/** Non-repeatable: an unlinked 880 of these is used only when the record has no such field. */
const SINGLE_TAGS = new Set(['100', '110', '111', '245'])

const LINK = /^(\d{3})-(\d{2})/
const linkOf = (f: LinkedField) => LINK.exec(f.subfields.find(([c]) => c === '6')?.[1]?.trim() ?? '')
const textOf = (f: LinkedField) => f.subfields.filter(([c]) => c !== '6' && c !== '0').map(([, v]) => v).join(' ')
/** Only Latin letters (or none): a romanisation, or a record in a Latin-script language. */
const isLatin = (s: string) => !/[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u.test(s)

export interface ScriptChoice<F extends LinkedField> {
  /** The record's fields with each linked pair's shown form in the regular field's place. */
  fields: F[]
  /** The forms not shown (romanisations, mostly), under their regular tag: alternates for search. */
  alternates: F[]
}

/**
 * Pairs each regular field with its 880 by $6 ("245-01" in the 880, "880-01"
 * in the 245; MARC 21 Appendix: alternate graphic representation) and shows
 * the original script: when one form is Latin and the other not, the
 * non-Latin one is the title, name or publisher and the romanisation stays
 * as an alternate; otherwise the regular field is shown and the 880 is the
 * alternate. An unlinked 880 (occurrence 00) stands in for a field the
 * record lacks. An 880 that could not be decoded (U+FFFD, a character
 * reference left as "&#x…;") is left out, with a note.
 */
export function preferOriginalScript<F extends LinkedField>(fields: F[], notes: string[]): ScriptChoice<F> {
  const shown = [...fields]
  const alternates: F[] = []
  for (const alt of fields) {
    const link = alt.tag === '880' ? linkOf(alt) : null
    if (!link || !LINKED_TAGS.has(link[1]!)) continue
    const tag = link[1]!
    const occurrence = link[2]!
    const text = textOf(alt)
    if (/\uFFFD|&#x?[0-9a-f]+[;%]/i.test(text)) {
      notes.push(`880 $6 ${tag}-${occurrence}: the original script could not be read; the ${tag} as written kept`)
      continue
    }
    const asRegular = { ...alt, tag, subfields: alt.subfields.filter(([c]) => c !== '6') }
    const at = occurrence === '00' ? -1 : shown.findIndex((f) => f.tag === tag && linkOf(f)?.[2] === occurrence && f.subfields.some(([c, v]) => c === '6' && v.startsWith('880')))
    if (at < 0) {
      if (!SINGLE_TAGS.has(tag) || !shown.some((f) => f.tag === tag)) shown.push(asRegular)
      continue
    }
    const regular = shown[at]!
    if (isLatin(textOf(regular)) && !isLatin(text)) {
      shown[at] = asRegular
      alternates.push(regular)
    } else alternates.push(asRegular)
  }
  return { fields: shown.filter((f) => f.tag !== '880'), alternates }
}

const heading = (s: string) => s.replace(/\s*[/:;,=]\s*$/, '').replace(/(?<![A-Z\p{Lu}])\.$/u, '').trim()
const first = (f: LinkedField, code: string) => f.subfields.find(([c]) => c === code)?.[1]

/** The alternate forms as the catalog keeps them: titles (with subtitle) and names (people and publishers). */
export function alternateForms(alternates: LinkedField[]): AlternateForms {
  const titles: string[] = []
  const names: string[] = []
  for (const f of alternates) {
    if (f.tag === '245') {
      const title = [first(f, 'a'), first(f, 'b')].filter(Boolean).map((s) => heading(s!)).filter(Boolean).join(' : ')
      if (title) titles.push(title)
    } else if (f.tag === '260' || f.tag === '264') {
      const publisher = first(f, 'b')
      if (publisher && heading(publisher)) names.push(heading(publisher))
    } else {
      const name = nameOf(f)
      if (name) names.push(name)
    }
  }
  return { titles: [...new Set(titles)], names: [...new Set(names)] }
}

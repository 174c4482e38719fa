import { CODE_LISTS } from '../onix/tables.generated'

const LIST_74 = new Set(CODE_LISTS[74])

/**
 * MARC language codes the Library of Congress has discontinued, with the
 * code that replaced each (MARC Code List for Languages, "obsolete codes");
 * ISO 639-2/B codes ISO has since withdrawn (scc, scr, mol) go to theirs too.
 * Discontinued codes that split into several ("esk" Eskimo languages,
 * "ajm" Aljamía) have no one successor and are not guessed at.
 */
const SUCCESSORS: Record<string, string> = {
  cam: 'khm', esp: 'epo', eth: 'gez', far: 'fao', fri: 'fry', gae: 'gla', gag: 'glg', gal: 'orm', gua: 'grn', int: 'ina',
  iri: 'gle', kus: 'kos', lan: 'oci', lap: 'smi', max: 'glv', mla: 'mlg', mol: 'rum', sao: 'smo', scc: 'srp', scr: 'hrv',
  ser: 'srp', sho: 'sna', snh: 'sin', sso: 'sot', swz: 'ssw', tag: 'tgl', taj: 'tgk', tar: 'tat', tsw: 'tsn',
}

/**
 * The book's language from 041 $a, else 008/35-37, as an ONIX code list 74
 * (ISO 639-2/B) code: a discontinued MARC code becomes its successor, with a
 * note; a code list 74 does not know is not kept, with a note, since the
 * catalog's ONIX export could not carry it. Blank, "|||" and "   " say nothing.
 */
export function marcLanguage(f041a: string | undefined, f008: string | undefined, corrections: string[]): string | null {
  // Before 2001, 041 $a ran several codes together ("engfre"): the first is the text's.
  const [raw, where] = f041a?.trim() ? [f041a.trim().slice(0, 3), '041$a'] : [f008?.slice(35, 38) ?? '', '008/35-37']
  const code = raw.toLowerCase()
  if (!/^[a-z]{3}$/.test(code)) return null
  const current = SUCCESSORS[code] ?? code
  if (!LIST_74.has(current)) {
    corrections.push(`${where}: language code "${raw}" is in neither the MARC nor the ISO 639-2 list (ONIX code list 74); not kept`)
    return null
  }
  if (current !== code) corrections.push(`${where}: discontinued MARC language code "${raw}" read as its successor "${current}"`)
  return current
}

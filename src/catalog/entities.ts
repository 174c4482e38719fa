/**
 * The named character references book feeds use (HTML 4's Latin-1 and
 * typographic ones, which Word and publishers' systems write), decoded once.
 * A name not listed is left as written.
 */
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad',
  hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', sbquo: '‚', bdquo: '„',
  laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›', middot: '·', bull: '•', deg: '°', copy: '©', reg: '®', trade: '™',
  times: '×', divide: '÷', para: '¶', sect: '§', dagger: '†', Dagger: '‡', prime: '′', Prime: '″', euro: '€', pound: '£', yen: '¥', cent: '¢',
  iexcl: '¡', iquest: '¿', szlig: 'ß', aelig: 'æ', AElig: 'Æ', oelig: 'œ', OElig: 'Œ', oslash: 'ø', Oslash: 'Ø', aring: 'å', Aring: 'Å',
  thinsp: '\u2009', ensp: '\u2002', emsp: '\u2003', zwnj: '\u200c', zwj: '\u200d', lrm: '\u200e', rlm: '\u200f', minus: '−', permil: '‰',
  plusmn: '±', micro: 'µ', not: '¬', sup1: '¹', sup2: '²', sup3: '³', curren: '¤', brvbar: '¦', larr: '←', rarr: '→', le: '≤', ge: '≥', ne: '≠', frasl: '⁄',
  ccedil: 'ç', Ccedil: 'Ç', ntilde: 'ñ', Ntilde: 'Ñ', eth: 'ð', thorn: 'þ', ordm: 'º', ordf: 'ª', frac12: '½', frac14: '¼', frac34: '¾',
}
// Vowels with accents: &eacute; &Ouml; … (HTML 4 names them all the same way).
const ACCENTS: Record<string, string> = { acute: '\u0301', grave: '\u0300', circ: '\u0302', uml: '\u0308', tilde: '\u0303' }
for (const v of 'aeiouyAEIOUY') for (const [name, mark] of Object.entries(ACCENTS)) NAMED[`${v}${name}`] ??= `${v}${mark}`.normalize('NFC')

/** A character reference: named, decimal or hexadecimal. */
const ENTITY = /&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,8});/gi

function decodeOne(ref: string, body: string): string {
  if (body[0] !== '#') return NAMED[body] ?? ref
  const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1))
  return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : ref
}

/** Decodes the character references in a text once ("&amp;lt;" becomes "&lt;", not "<"). */
export function decodeEntities(text: string): string {
  return text.replace(ENTITY, decodeOne)
}

/** Whether the reference names a character this module decodes. */
export function isKnownEntity(body: string): boolean {
  return decodeOne('', body) !== ''
}

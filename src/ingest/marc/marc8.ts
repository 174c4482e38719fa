/**
 * MARC-8 to Unicode for the Latin repertoire: ASCII (G0) and ANSEL extended
 * Latin (G1), after the Library of Congress "MARC 21 Specifications, Code
 * Tables: Extended Latin (ANSEL)". MARC-8 writes a combining diacritic before
 * its base letter and Unicode after it, so diacritics wait for their letter;
 * the result is NFC-normalised.
 *
 * Not covered: the other MARC-8 sets reached by escape sequences (Greek,
 * Cyrillic, Hebrew, Arabic, EACC/CJK, sub/superscripts). Their characters come
 * out as U+FFFD and `unsupported` names the set, so the record says so.
 */
const ANSEL: Record<number, string> = {
  0xa1: 'Ł', 0xa2: 'Ø', 0xa3: 'Đ', 0xa4: 'Þ', 0xa5: 'Æ', 0xa6: 'Œ', 0xa7: 'ʹ', 0xa8: '·', 0xa9: '♭', 0xaa: '®', 0xab: '±', 0xac: 'Ơ',
  0xad: 'Ư', 0xae: 'ʼ', 0xb0: 'ʻ', 0xb1: 'ł', 0xb2: 'ø', 0xb3: 'đ', 0xb4: 'þ', 0xb5: 'æ', 0xb6: 'œ', 0xb7: 'ʺ', 0xb8: 'ı', 0xb9: '£',
  0xba: 'ð', 0xbc: 'ơ', 0xbd: 'ư', 0xc0: '°', 0xc1: 'ℓ', 0xc2: '℗', 0xc3: '©', 0xc4: '♯', 0xc5: '¿', 0xc6: '¡', 0xc7: 'ß', 0xc8: '€',
}
const COMBINING: Record<number, string> = {
  0xe0: '\u0309', 0xe1: '\u0300', 0xe2: '\u0301', 0xe3: '\u0302', 0xe4: '\u0303', 0xe5: '\u0304', 0xe6: '\u0306', 0xe7: '\u0307',
  0xe8: '\u0308', 0xe9: '\u030c', 0xea: '\u030a', 0xeb: '\ufe20', 0xec: '\ufe21', 0xed: '\u0315', 0xee: '\u030b', 0xef: '\u0310',
  0xf0: '\u0327', 0xf1: '\u0328', 0xf2: '\u0323', 0xf3: '\u0324', 0xf4: '\u0325', 0xf5: '\u0333', 0xf6: '\u0332', 0xf7: '\u0326',
  0xf8: '\u031c', 0xf9: '\u032e', 0xfa: '\ufe22', 0xfb: '\ufe23', 0xfe: '\u0313',
}
const SET_NAMES: Record<string, string> = { g: 'Greek symbols', b: 'subscripts', p: 'superscripts', S: 'Greek', N: 'Cyrillic', Q: 'extended Cyrillic', '2': 'Hebrew', '3': 'Arabic', '4': 'extended Arabic', '1': 'CJK (EACC)' }

export function marc8ToUnicode(bytes: Uint8Array): { text: string; unsupported: string[]; invalid: number[] } {
  let out = ''
  let pending = ''
  let g0 = 'B'
  const unsupported = new Set<string>()
  const invalid: number[] = []
  const emit = (ch: string) => {
    // A MARC-8 diacritic always precedes a letter; one before a space or a mark means the bytes are in another encoding.
    if (pending && !/\p{L}/u.test(ch)) invalid.push(0xe0)
    out += ch + pending
    pending = ''
  }
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!
    if (b === 0x1b) {
      // ESC ( X / ESC , X / ESC $ X / ESC $ , X designate a set; ESC s and ESC g... are single-byte shortcuts.
      let j = i + 1
      while (j < bytes.length && [0x28, 0x29, 0x2c, 0x2d, 0x24].includes(bytes[j]!)) j++
      const set = String.fromCharCode(bytes[j] ?? 0x42)
      g0 = set === 's' ? 'B' : set
      if (!['B', 'E', 's'].includes(set)) unsupported.add(SET_NAMES[set] ?? `set "${set}"`)
      i = j
      continue
    }
    if (b === 0x88 || b === 0x89) continue // non-sorting markers
    if (b === 0x8d) emit('\u200d')
    else if (b === 0x8e) emit('\u200c')
    else if (b < 0x80) {
      if (g0 === 'B' || g0 === 'E' || b < 0x21) emit(String.fromCharCode(b))
      else emit('\ufffd')
    } else if (COMBINING[b]) pending += COMBINING[b]
    else if (ANSEL[b]) emit(ANSEL[b])
    else {
      invalid.push(b)
      emit('\ufffd')
    }
  }
  return { text: (out + pending).normalize('NFC'), unsupported: [...unsupported], invalid }
}

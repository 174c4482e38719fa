import { InputError } from '../core/errors'

/** The schemes staff map, spelled as the importers store them (ONIX code list 27: 10 BISAC, 12 BIC, 93 Thema, 35 KDC, 01/02 DDC; MARC 056 KDC, 082 DDC). */
export const MAPPING_SCHEMES = ['bisac', 'bic', 'thema', 'kdc', 'ddc'] as const
export type MappingScheme = (typeof MAPPING_SCHEMES)[number]

/**
 * Loose shapes of a code prefix per scheme, enough to catch a code typed
 * under the wrong scheme. A row is a prefix (the longest match wins), so
 * shorter codes than a full heading are fine: BISAC "HIS" or "HIS023000",
 * BIC "HBJ" or a qualifier "1DBK", Thema "NHF" or "1KBB-US", KDC "81" or "813.6",
 * DDC "8" or "813.54".
 */
const CODE_SHAPES: Record<MappingScheme, { pattern: RegExp; example: string }> = {
  bisac: { pattern: /^[A-Z]{3}\d{0,6}$/, example: 'HIS023000' },
  bic: { pattern: /^[A-Z0-9]{1,8}$/, example: 'HBJF' },
  thema: { pattern: /^[A-Z0-9][A-Z0-9-]{0,15}$/, example: 'NHF' },
  kdc: { pattern: /^\d{1,3}(?:\.\d{0,6})?$/, example: '813.6' },
  ddc: { pattern: /^\d{1,3}(?:\.\d{0,9})?$/, example: '813.54' },
}

export function parseScheme(raw: string): MappingScheme {
  const scheme = raw.trim().toLowerCase()
  if (!(MAPPING_SCHEMES as readonly string[]).includes(scheme)) throw new InputError('scheme', `expected one of ${MAPPING_SCHEMES.join(', ')}, got "${raw}"`, { code: 'one_of', params: { options: 'BISAC, BIC, THEMA, KDC, DDC' } })
  return scheme as MappingScheme
}

/** The code as stored (upper case, no spaces), or the refusal naming the field `code` with an example of the scheme's shape. */
export function parseSubjectCode(scheme: MappingScheme, raw: string): string {
  const code = raw.toUpperCase().replace(/\s+/g, '')
  const { pattern, example } = CODE_SHAPES[scheme]
  if (!pattern.test(code)) throw new InputError('code', `"${raw}" is not a ${scheme} code (e.g. ${example})`, { code: 'subject_code_format', params: { scheme: scheme.toUpperCase(), example, value: raw } })
  return code
}

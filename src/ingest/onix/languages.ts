/**
 * ISO 639-1 (Colophon's translated-title keys) ↔ ISO 639-2/B (ONIX code list 74),
 * for the languages a Korean bookstore shows titles in. Others are not exported.
 */
export const ISO639_2B: Record<string, string> = {
  en: 'eng', ko: 'kor', ja: 'jpn', zh: 'chi', fr: 'fre', de: 'ger', es: 'spa', it: 'ita', ru: 'rus', pt: 'por', vi: 'vie', th: 'tha',
}
export const ISO639_1 = Object.fromEntries(Object.entries(ISO639_2B).map(([one, two]) => [two, one]))

/**
 * A depositor name in the form two spellings of the same person share:
 * banks print names with spaces, in upper case, with a company's "(주)" or
 * "주식회사" before or after it, and some append digits to tell deposits apart
 * (홍길동12), so all of those are dropped.
 */
export function normaliseDepositor(name: string): string {
  let s = name.normalize('NFKC').toLowerCase().replace(/\s+/g, '')
  // NFKC has turned ㈜ into (주) already.
  s = s.replace(/^(?:\(주\)|주식회사)+/, '').replace(/(?:\(주\)|주식회사)+$/, '')
  return s.replace(/\d+$/, '')
}

import { isUtf8 } from 'node:buffer'
import { TextDecoder } from 'node:util'

/**
 * A statement's bytes as text. Korean banks export UTF-8 (often with a
 * byte-order mark, for Excel), UTF-16 with a mark, or CP949; without a mark,
 * bytes that are valid UTF-8 are read as UTF-8 and anything else as CP949,
 * since CP949 text is almost never valid UTF-8. WHATWG's "euc-kr" is CP949.
 */
export function decodeStatement(bytes: Buffer): { text: string } | { problem: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode(bytes.subarray(3), 'utf-8')
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode(bytes.subarray(2), 'utf-16le')
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode(bytes.subarray(2), 'utf-16be')
  return isUtf8(bytes) ? decode(bytes, 'utf-8') : decode(bytes, 'euc-kr')
}

function decode(bytes: Buffer, encoding: string): { text: string } | { problem: string } {
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes) }
  } catch {
    return { problem: `bytes that are not valid ${encoding}; export the statement as CSV in UTF-8 or CP949 (EUC-KR)` }
  }
}

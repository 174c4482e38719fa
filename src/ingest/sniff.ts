import { TextDecoder } from 'node:util'
import { FeedError } from './errors'
import type { Format } from './types'

/** Roots an ONIX file may have: the message, or a bare product; reference or short tags. */
const ONIX_ROOTS = new Set(['ONIXMessage', 'ONIXmessage', 'Product', 'product'])

const UNKNOWN_FORMAT = 'unknown format (expected ONIX, MARC 21, MARCXML or CSV); use --format'

/**
 * Tells the format from the first bytes: XML with a MARC namespace or a
 * <record>/<collection> root is MARCXML, XML with an ONIX root is ONIX, five
 * digits then a leader is ISO 2709, a header row naming isbn13 is CSV.
 * Anything else is not guessed at: calling it ONIX would only fail later
 * under the wrong name.
 */
export function sniffFormat(head: Uint8Array, file: string): Format {
  if (head.length === 0) throw new FeedError(file, '', 'the file is empty')
  let text = new TextDecoder('latin1').decode(head.subarray(0, 4096))
  if (text.startsWith('\u00ef\u00bb\u00bf')) text = text.slice(3)
  text = text.trimStart()
  if (text.startsWith('<')) {
    // The root is the first element after the prolog, comments and any DOCTYPE.
    const root = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]/.exec(text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<![A-Z][^>]*>/g, ''))?.[2]
    if (root === 'collection' || root === 'record' || /www\.loc\.gov\/MARC21\/slim/.test(text)) return 'marcxml'
    // A root beyond the first bytes (a long comment) is left to the ONIX reader to check.
    if (root === undefined || ONIX_ROOTS.has(root)) return 'onix'
  }
  if (/^\d{5}/.test(text) && head.includes(0x1e)) return 'marc'
  const firstLine = text.split(/\r?\n/)[0] ?? ''
  if (/(^|,)"?isbn13"?(,|$)/i.test(firstLine)) return 'csv'
  throw new FeedError(file, '', UNKNOWN_FORMAT)
}

/** The stream again, with its first chunk available for sniffing. */
export async function peek(bytes: AsyncIterable<Uint8Array>): Promise<{ head: Uint8Array; all: AsyncIterable<Uint8Array> }> {
  const it = bytes[Symbol.asyncIterator]()
  const first = await it.next()
  const head = first.done ? new Uint8Array(0) : first.value
  async function* all() {
    if (head.length) yield head
    for (let r = await it.next(); !r.done; r = await it.next()) yield r.value
  }
  return { head, all: all() }
}

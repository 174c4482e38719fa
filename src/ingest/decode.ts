import { TextDecoder } from 'node:util'
import { FeedError } from './errors'
import type { NoteSink } from './types'

const UTF8_BOM = [0xef, 0xbb, 0xbf]

/** Offset of the first byte that breaks UTF-8 in the buffer, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array, isFinal: boolean): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1
    if (need < 0) return i
    if (i + need >= bytes.length) return isFinal ? i : -1
    for (let k = 1; k <= need; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i
    i += need + 1
  }
  return -1
}

/** The encoding an XML prolog declares, read as ASCII from the first bytes (as UTF-16 after its byte-order mark). */
function declaredEncoding(head: Uint8Array, bom16: string | null): string | null {
  const prolog = bom16 ? new TextDecoder(bom16).decode(head.subarray(2, 402)) : new TextDecoder('latin1').decode(head.subarray(0, 200))
  const m = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(prolog)
  return m ? m[1]!.toLowerCase() : null
}

/**
 * What the report says of a file not in UTF-8: the encoding as the file
 * names it, and how it was read. A byte-order mark is no declaration, and
 * WHATWG decoders read some labels as a superset ("ISO-8859-1" as
 * windows-1252), which the note says rather than claim the file declared it.
 */
function encodingNote(readAs: string, declared: string | null): string {
  if (!declared) return `no encoding declared; read as ${readAs.toUpperCase()}, as its byte-order mark says, and converted to UTF-8`
  const same = declared.replace(/[^a-z0-9]/g, '') === readAs.replace(/[^a-z0-9]/g, '')
  const how = same ? '' : ` (decoded as ${readAs}, which the Encoding Standard reads that label as)`
  return `read as ${declared.toUpperCase()}, as the file declares${how}, and converted to UTF-8`
}

/**
 * Turns the bytes of an XML file into text: drops a byte-order mark, honours
 * the encoding the prolog declares (ISO-8859-1, windows-1252, UTF-16...), and
 * stops with the byte offset at the first byte that is not in that encoding.
 */
export async function* decodeXml(bytes: AsyncIterable<Uint8Array>, file: string, note: NoteSink): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined
  let offset = 0
  let isUtf8 = true
  for await (let chunk of bytes) {
    if (!decoder) {
      if (UTF8_BOM.every((b, i) => chunk[i] === b)) {
        note('byte-order mark at the start of the file ignored')
        chunk = chunk.subarray(3)
        offset = 3
      }
      const bom16 = chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : chunk[0] === 0xfe && chunk[1] === 0xff ? 'utf-16be' : null
      const declared = declaredEncoding(chunk, bom16)
      const label = bom16 ?? declared ?? 'utf-8'
      try {
        decoder = new TextDecoder(label, { fatal: true })
      } catch {
        throw new FeedError(file, 'byte 0', `the XML prolog declares encoding "${label}", which is not a known encoding`)
      }
      isUtf8 = decoder.encoding === 'utf-8'
      if (!isUtf8) note(encodingNote(decoder.encoding, declared))
    }
    yield decodeChunk(decoder, chunk, false, file, offset, isUtf8)
    offset += chunk.length
  }
  if (decoder) yield decodeChunk(decoder, new Uint8Array(0), true, file, offset, isUtf8)
}

function decodeChunk(decoder: TextDecoder, chunk: Uint8Array, isFinal: boolean, file: string, offset: number, isUtf8: boolean): string {
  try {
    return decoder.decode(chunk, { stream: !isFinal })
  } catch {
    const at = isUtf8 ? firstInvalidUtf8(chunk, true) : -1
    const where = at >= 0 ? `byte ${offset + at}` : `bytes ${offset}-${offset + chunk.length}`
    const found = at >= 0 ? ` (0x${chunk[at]!.toString(16).padStart(2, '0')})` : ''
    throw new FeedError(file, where, `bytes that are not valid ${decoder.encoding}${found}; declare the file's real encoding in its XML prolog`)
  }
}

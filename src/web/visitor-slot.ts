import { constants, crc32, deflateRawSync, inflateRawSync } from 'node:zlib'
import { PAGE_GZIP_LEVEL } from './compression'

/**
 * A shared page's one place for what belongs to the visitor: the form
 * tokens of the forms it names (`<!--visitor:buy-->`). The fields stand
 * at the end of the page and join their forms through the `form` attribute,
 * so everything before them is compressed once and shared.
 */
const SLOT = /<!--visitor:([\w,-]+)-->/

export function visitorSlot(formIds: string[]): string {
  return `<!--visitor:${formIds.join(',')}-->`
}

/** The hidden token fields a slot becomes for one visitor (none for a visitor without a session, such as a crawler). */
export function slotFields(formIds: string[], token: string | undefined): string {
  return token ? formIds.map((id) => `<input type="hidden" name="_csrf" value="${token}" form="${id}">`).join('') : ''
}

/** Fills a page's slot, for answers that are not cached. */
export function fillSlot(html: string, token: string | undefined): string {
  return html.replace(SLOT, (_, ids: string) => slotFields(ids.split(','), token))
}

// A gzip member header: deflate, no name or time, Unix (RFC 1952 §2.3).
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3])

/**
 * A page with a visitor slot, kept as the deflated part before the slot
 * (ended with a sync flush, so it is byte-aligned and needs nothing after
 * it) and the short rest. Each answer adds only the fields and the rest,
 * and a gzip member is the shared deflate run and the visitor's block back
 * to back, with the CRC of the whole carried on from the shared part's
 * (RFC 1951 §3.2.3: a block that is not the last may be followed by any block).
 */
export class SlottedBody {
  readonly head: Buffer
  private readonly headCrc: number
  private readonly headLength: number

  private constructor(
    head: Buffer,
    readonly formIds: string[],
    private readonly rest: string,
  ) {
    this.head = deflateRawSync(head, { level: PAGE_GZIP_LEVEL, finishFlush: constants.Z_SYNC_FLUSH })
    this.headCrc = crc32(head)
    this.headLength = head.length
  }

  /** The slotted form of a page, or undefined when it has no slot. */
  static of(html: string): SlottedBody | undefined {
    const m = SLOT.exec(html)
    if (!m) return undefined
    return new SlottedBody(Buffer.from(html.slice(0, m.index)), m[1]!.split(','), html.slice(m.index + m[0].length))
  }

  /**
   * The visitor's part goes in as one final stored block (RFC 1951 §3.2.4:
   * a byte-aligned header, then the bytes as they are): a hundred bytes gain
   * nothing from compression, and a deflate stream for them would cost a
   * zlib context, tens of microseconds, on every answer.
   */
  gzip(token: string | undefined): Buffer {
    const tail = Buffer.from(slotFields(this.formIds, token) + this.rest)
    const out = Buffer.allocUnsafe(GZIP_HEADER.length + this.head.length + 5 + tail.length + 8)
    let at = GZIP_HEADER.copy(out, 0)
    at += this.head.copy(out, at)
    out[at++] = 1 // BFINAL=1, BTYPE=00 (stored)
    at = out.writeUInt16LE(tail.length, at)
    at = out.writeUInt16LE(~tail.length & 0xffff, at)
    at += tail.copy(out, at)
    at = out.writeUInt32LE(crc32(tail, this.headCrc), at)
    out.writeUInt32LE((this.headLength + tail.length) >>> 0, at)
    return out
  }

  identity(token: string | undefined): Buffer {
    return Buffer.concat([inflateRawSync(this.head, { finishFlush: constants.Z_SYNC_FLUSH }), Buffer.from(slotFields(this.formIds, token) + this.rest)])
  }
}

import { constants, crc32, deflateRawSync, inflateRawSync } from 'node:zlib'

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
 * it) and the short rest. Each answer deflates only the fields and the rest,
 * and a gzip member is the two deflate runs back to back with the CRC of the
 * whole carried on from the shared part's (RFC 1951 §3.2.3: a block that
 * is not the last may be followed by any block).
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
    this.head = deflateRawSync(head, { level: 6, finishFlush: constants.Z_SYNC_FLUSH })
    this.headCrc = crc32(head)
    this.headLength = head.length
  }

  /** The slotted form of a page, or undefined when it has no slot. */
  static of(html: string): SlottedBody | undefined {
    const m = SLOT.exec(html)
    if (!m) return undefined
    return new SlottedBody(Buffer.from(html.slice(0, m.index)), m[1]!.split(','), html.slice(m.index + m[0].length))
  }

  gzip(token: string | undefined): Buffer {
    const tail = Buffer.from(slotFields(this.formIds, token) + this.rest)
    const trailer = Buffer.alloc(8)
    trailer.writeUInt32LE(crc32(tail, this.headCrc), 0)
    trailer.writeUInt32LE((this.headLength + tail.length) >>> 0, 4)
    return Buffer.concat([GZIP_HEADER, this.head, deflateRawSync(tail, { level: 6 }), trailer])
  }

  identity(token: string | undefined): Buffer {
    return Buffer.concat([inflateRawSync(this.head, { finishFlush: constants.Z_SYNC_FLUSH }), Buffer.from(slotFields(this.formIds, token) + this.rest)])
  }
}

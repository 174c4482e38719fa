import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { decodeXml } from './decode'

async function decode(bytes: Buffer): Promise<{ text: string; notes: string[] }> {
  const notes: string[] = []
  let text = ''
  for await (const s of decodeXml(Readable.from([bytes]), 'f.xml', (m) => notes.push(m))) text += s
  return { text, notes }
}

describe('the encoding note', () => {
  it('names the encoding the prolog declares, and how that label was read', async () => {
    const latin1 = await decode(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a>Caf\xe9</a>', 'latin1'))
    expect(latin1.text).toContain('Café')
    expect(latin1.notes).toEqual(['read as ISO-8859-1, as the file declares (decoded as windows-1252, which the Encoding Standard reads that label as), and converted to UTF-8'])
    const cp1252 = await decode(Buffer.from('<?xml version="1.0" encoding="windows-1252"?><a>\x93q\x94</a>', 'latin1'))
    expect(cp1252.text).toContain('“q”')
    expect(cp1252.notes).toEqual(['read as WINDOWS-1252, as the file declares, and converted to UTF-8'])
  })

  it('says a UTF-16 file without a declaration was read by its byte-order mark, not that it declared one', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<?xml version="1.0"?><a>가</a>', 'utf16le')])
    const { text, notes } = await decode(bytes)
    expect(text).toContain('<a>가</a>')
    expect(notes).toEqual(['no encoding declared; read as UTF-16LE, as its byte-order mark says, and converted to UTF-8'])
    const declared = await decode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<?xml version="1.0" encoding="UTF-16"?><a/>', 'utf16le')]))
    expect(declared.notes).toEqual(['read as UTF-16, as the file declares (decoded as utf-16le, which the Encoding Standard reads that label as), and converted to UTF-8'])
  })

  it('notes nothing for UTF-8, declared or by default', async () => {
    expect((await decode(Buffer.from('<?xml version="1.0" encoding="UTF-8"?><a>가</a>'))).notes).toEqual([])
    expect((await decode(Buffer.from('<a>가</a>'))).notes).toEqual([])
  })
})

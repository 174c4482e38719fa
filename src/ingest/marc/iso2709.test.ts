import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import type { IncomingRecord } from '../types'
import { readMarc } from './iso2709'

type FieldSpec = [tag: string, body: Array<number | string>]

/** Builds one ISO 2709 record; data fields are "ind1 ind2 $a..." with 0x1F before each subfield code. */
function iso2709(fields: FieldSpec[], encoding: ' ' | 'a'): Buffer {
  const bodies = fields.map(([tag, parts]) => [tag, Buffer.concat([...parts.map((p) => (typeof p === 'number' ? Buffer.from([p]) : Buffer.from(p, 'latin1'))), Buffer.from([0x1e])])] as const)
  let offset = 0
  const directory = bodies.map(([tag, b]) => {
    const entry = `${tag}${String(b.length).padStart(4, '0')}${String(offset).padStart(5, '0')}`
    offset += b.length
    return entry
  })
  const base = 24 + directory.join('').length + 1
  const length = base + offset + 1
  const leader = `${String(length).padStart(5, '0')}nam ${encoding}22${String(base).padStart(5, '0')} a 4500`
  return Buffer.concat([Buffer.from(leader + directory.join('') + '\x1e', 'latin1'), ...bodies.map(([, b]) => b), Buffer.from([0x1d])])
}
const SF = 0x1f
const utf8 = (s: string) => Buffer.from(s, 'utf8').toString('latin1')

async function read(bytes: Buffer): Promise<IncomingRecord[]> {
  const out: IncomingRecord[] = []
  for await (const r of readMarc(Readable.from([bytes]), 'f.mrc', () => {})) out.push(r)
  return out
}

describe('ISO 2709 reader', () => {
  const fields = (encoding: 'utf8' | 'marc8'): FieldSpec[] => [
    ['001', ['rec-1']],
    ['020', ['  ', SF, 'a9791100000106 (pbk.)']],
    ['100', ['1 ', SF, 'aBront', ...(encoding === 'marc8' ? [0xe8, 'e'] : [utf8('ë')]), ', Charlotte,', SF, 'eauthor.']],
    ['245', ['10', SF, 'aJane Eyre :', SF, 'ban autobiography /']],
    ['264', [' 1', SF, 'aLondon :', SF, 'bSmith, Elder,', SF, 'c1847.']],
    ['300', ['  ', SF, 'a368 p. ;', SF, 'c22 cm']],
    ['505', ['0 ', SF, 'aPreface -- 1. Gateshead -- 2. Lowood.']],
    ['520', ['  ', SF, 'aAn orphan becomes a governess.']],
    ['700', ['1 ', SF, 'aBell, Currer,', SF, '4aut']],
  ]

  it('reads the same book from a MARC-8 and a UTF-8 record (leader/09)', async () => {
    const [marc8] = await read(iso2709(fields('marc8'), ' '))
    const [unicode] = await read(iso2709(fields('utf8'), 'a'))
    expect(marc8!.fields).toEqual(unicode!.fields)
    expect(unicode!.fields).toMatchObject({ isbn13: '9791100000106', title: 'Jane Eyre', subtitle: 'an autobiography', publisher: 'Smith, Elder', issuedOn: '1847', format: 'paperback', pageCount: 368 })
    expect(unicode!.fields.contributors).toEqual([{ name: 'Charlotte Brontë', role: 'author' }, { name: 'Currer Bell', role: 'author' }])
    expect(unicode!.corrections.join('\n')).toMatch(/300\$c: "22 cm" gives the height only/)
    expect((unicode!.fields.toc as Array<{ title: string }>).map((t) => t.title)).toEqual(['Preface', 'Gateshead', 'Lowood'])
  })

  it('rejects a record with a broken directory and goes on with the next', async () => {
    const good = iso2709(fields('utf8'), 'a')
    const bad = Buffer.from(good)
    bad.write('XX', 24 + 12 + 3, 'latin1') // corrupt the second directory entry's length
    const records = await read(Buffer.concat([bad, good]))
    expect(records).toHaveLength(2)
    expect(records[0]!.problems[0]).toMatchObject({ field: 'directory' })
    expect(records[1]!.problems).toEqual([])
  })

  it('rejects invalid UTF-8 in a field Colophon reads, naming the field', async () => {
    const broken = fields('utf8').map(([tag, body]): FieldSpec => (tag === '245' ? [tag, ['10', SF, 'aJane ', 0xff, 'Eyre']] : [tag, body]))
    const [r] = await read(iso2709(broken, 'a'))
    expect(r!.problems).toContainEqual({ field: '245', reason: 'bytes that are not valid UTF-8, though leader/09 says UTF-8' })
  })

  it('reports per record how many MARC-8 characters have no mapping and which delimiters were read as Cyrillic Э', async () => {
    const damaged = fields('marc8').map(([tag, body]): FieldSpec => {
      if (tag === '245') return [tag, ['10', SF, 'a\x1b$1!Pr~~~\x1b(B :', SF, 'b\x1b$1~~~\x1b(B']]
      if (tag === '264') return [tag, [' 1', SF, 'aMoskva :', SF, 'b\x1b(N', SF, 'KSMO\x1b(B,', SF, 'c1847.']]
      return [tag, body]
    })
    const [r] = await read(iso2709(damaged, ' '))
    expect(r!.fields).toMatchObject({ title: '紅\ufffd', subtitle: '\ufffd', publisher: 'Эксмо' })
    expect(r!.corrections).toContain('245: 2 MARC-8 characters with no Unicode mapping in the Library of Congress tables, shown as U+FFFD')
    expect(r!.corrections).toContain('264: 1 subfield delimiter inside MARC-8 Cyrillic text read as Э, the "|" a system had replaced')
  })
})

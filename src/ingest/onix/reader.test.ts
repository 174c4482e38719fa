import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { openInput } from '../input'
import type { IncomingRecord } from '../types'
import { readOnix } from './reader'
import { CODE_LISTS } from './tables.generated'
import { TEXT_TYPE_SECTIONS, TEXT_TYPES_NOT_KEPT } from './text-content'

const fixture = (name: string) => new URL(`../../../test/fixtures/onix/${name}`, import.meta.url).pathname

async function read(source: AsyncIterable<Uint8Array>, file = 'feed.xml'): Promise<{ records: IncomingRecord[]; notes: string[] }> {
  const notes: string[] = []
  const records: IncomingRecord[] = []
  for await (const r of readOnix(source, file, (m) => notes.push(m))) records.push(r)
  return { records, notes }
}
const text = (s: string) => Readable.from([Buffer.from(s)])

describe('ONIX 3.0 reader', () => {
  it('maps a full product: identifiers, measures in mm and g, titles, contributors in sequence, texts, cover, prices', async () => {
    const { records } = await read(openInput(fixture('sample.xml')))
    const f = records[0]!.fields
    expect(records[0]!.source).toEqual({ file: 'feed.xml', index: 1, reference: 'test-0001' })
    expect(f.isbn13).toBe('9788962633245')
    expect(f.format).toBe('hardcover')
    expect(f.dimensions).toEqual({ heightMm: 217, widthMm: 148, thicknessMm: 30 })
    expect(f.weightG).toBe(520)
    expect(f.title).toBe('중국과 러시아')
    expect(f.subtitle).toBe('불균형한 우정의 역사')
    expect(f.contributors).toEqual([
      { name: 'Sergey Radchenko', role: 'author' },
      { name: '김번역', role: 'translator' },
    ])
    expect(f.language).toBe('kor')
    expect(f.pageCount).toBe(368)
    expect(f.descriptionHeadline).toBe('열두 개의 사건으로 읽는 역사')
    expect(f.toc).toEqual([
      { kind: 'front', title: '머리말' },
      { kind: 'chapter', number: '1', title: '베이징 1618' },
      { kind: 'chapter', number: '2', title: '네르친스크 1689' },
      { kind: 'back', title: '맺음말' },
    ])
    expect(f.reviewHtml).toBe('A landmark.')
    expect(f.authorBioHtml).toBe('Historian of the Cold War.')
    expect(f.coverUrl).toBe('https://covers.example.com/9788962633245.jpg')
    expect(f).toMatchObject({ publisher: '서해문집', imprint: '서해문집', issuedOn: '2025-10-20', onSale: true, currency: 'KRW', listPrice: 24000, salePrice: null })
    expect(records[0]!.subjects).toEqual([
      { scheme: 'bisac', code: 'HIS003000' },
      { scheme: 'kdc', code: '349.11' },
    ])
    expect(f.excerptsHtml).toBe('First pages.')
    expect(records[0]!.corrections.some((c) => c.includes('TextType 14'))).toBe(false)
  })

  it('keeps XHTML markup for the catalog to sanitise (the script is still there before validation)', async () => {
    const { records } = await read(openInput(fixture('sample.xml')))
    expect(records[0]!.fields.descriptionHtml).toContain('<em>400년</em>')
  })

  it('rejects unknown codes and missing identifiers with the field path', async () => {
    const { records } = await read(openInput(fixture('sample.xml')))
    const byRef = new Map(records.map((r) => [r.source.reference, r]))
    expect(byRef.get('test-0005-unknown-form')!.problems).toContainEqual({ field: 'DescriptiveDetail/ProductForm', reason: '"QQ" is not a code of ONIX code list 150' })
    expect(byRef.get('test-0006-no-id')!.problems[0]!.field).toBe('ProductIdentifier')
  })

  it('reads GTIN-13 (noted), TitlePrefix, inverted names, Thema and a month date kept as a month', async () => {
    const { records } = await read(openInput(fixture('sample.xml')))
    const r = records.find((x) => x.source.reference === 'test-0007')!
    expect(r.fields).toMatchObject({ isbn13: '9791100000045', title: 'The Second Good Book', format: 'ebook', issuedOn: '2024-03' })
    expect(r.fields.contributors).toEqual([{ name: 'Kang Han', role: 'author' }])
    expect(r.subjects).toEqual([{ scheme: 'thema', code: 'FBA' }])
    expect(r.corrections.join('\n')).toMatch(/GTIN-13/)
    expect(r.corrections.join('\n')).not.toMatch(/first of the month/)
  })

  it('reads short tags without a header or namespace the same way', async () => {
    const { records, notes } = await read(openInput(fixture('short-no-header.xml')))
    expect(notes).toEqual(['no ONIX namespace declared; read as ONIX 3.0'])
    expect(records[0]!.fields).toMatchObject({ isbn13: '9791100000052', title: '짧은 태그', pageCount: 200, listPrice: 15000, dimensions: { heightMm: 210, widthMm: 140, thicknessMm: null } })
    expect(records[0]!.fields.descriptionHtml).toBe('<p>짧은 <b>소개</b></p>')
  })

  it('accepts a byte-order mark and the old www.editeur.org namespace, listing both corrections', async () => {
    const { records, notes } = await read(openInput(fixture('bom-wrong-namespace.xml')))
    expect(records).toHaveLength(1)
    expect(notes[0]).toMatch(/byte-order mark/)
    expect(notes[1]).toMatch(/wrong namespace "http:\/\/www\.editeur\.org\/onix\/3\.0\/reference"/)
  })

  it('decodes the encoding the prolog declares', async () => {
    const { records, notes } = await read(openInput(fixture('latin1.xml')))
    expect(records[0]!.fields.title).toBe('Café crème')
    expect(notes[0]).toMatch(/windows-1252|iso-8859-1/)
  })

  it('reads a block update (04) as only the blocks it carries', async () => {
    const { records } = await read(openInput(fixture('block-update.xml')))
    // The ProductSupply block: prices, and its availability (21, no <Stock>: not counted, no lead time).
    expect(Object.keys(records[0]!.fields).sort()).toEqual(['currency', 'isbn13', 'leadDays', 'listPrice', 'salePrice', 'stock'])
  })

  it('reads a delete (05) as a withdrawal', async () => {
    const { records } = await read(openInput(fixture('delete.xml')))
    expect(records[0]!.action).toBe('withdraw')
  })

  it('maps only TextTypes that exist in ONIX code list 153', () => {
    for (const code of [...Object.keys(TEXT_TYPE_SECTIONS), ...Object.keys(TEXT_TYPES_NOT_KEPT)]) expect(CODE_LISTS[153]).toContain(code)
  })
})

describe('ONIX reader on bad input', () => {
  const head = '<?xml version="1.0"?><ONIXMessage release="3.0" xmlns="http://ns.editeur.org/onix/3.0/reference"><Header/>'
  const product = '<Product><RecordReference>r</RecordReference><NotificationType>03</NotificationType></Product>'

  it('names the file and position of malformed XML', async () => {
    await expect(read(text(`${head}${product}<Product><Oops></Product></ONIXMessage>`), 'bad.xml')).rejects.toThrow(/^bad\.xml:line 1, column \d+: .*/)
  })

  it('reports a truncated file', async () => {
    await expect(read(text(`${head}${product}<Product><RecordRef`), 'cut.xml')).rejects.toThrow(/cut\.xml:line 1/)
  })

  it('refuses a file that is not ONIX, and ONIX 2.1', async () => {
    await expect(read(text('<?xml version="1.0"?><rss><channel/></rss>'), 'x.xml')).rejects.toThrow(/not an ONIX message: the root element is <rss>/)
    await expect(read(text('<ONIXMessage release="2.1"><Product/></ONIXMessage>'), 'x.xml')).rejects.toThrow(/release 2\.1 is not supported/)
  })

  it('names the byte where a file declared UTF-8 is not', async () => {
    const bytes = Buffer.concat([Buffer.from(`${head}<Product><RecordReference>caf`), Buffer.from([0xe9]), Buffer.from('</RecordReference></Product></ONIXMessage>')])
    await expect(read(Readable.from([bytes]), 'enc.xml')).rejects.toThrow(/enc\.xml:byte \d+: bytes that are not valid utf-8 \(0xe9\)/)
  })

  it('refuses external entities without reading the file', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE ONIXMessage [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><ONIXMessage release="3.0"><Product><RecordReference>&xxe;</RecordReference></Product></ONIXMessage>`
    await expect(read(text(xxe))).rejects.toThrow(/entity declarations are refused/)
  })

  it('refuses entity expansion ("billion laughs") before memory grows', async () => {
    const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('')
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">${lol}]><ONIXMessage><Product><RecordReference>&lol9;</RecordReference></Product></ONIXMessage>`
    const before = process.memoryUsage().heapUsed
    await expect(read(text(bomb))).rejects.toThrow(/refused/)
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024)
  })

  it('rejects an undeclared entity', async () => {
    await expect(read(text(`${head}<Product><RecordReference>&nbsp;</RecordReference></Product></ONIXMessage>`))).rejects.toThrow(/undefined entity/i)
  })
})

import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import type { IncomingRecord } from '../types'
import { readCsv } from './reader'
import { csvCell } from './rows'

async function read(chunks: Iterable<string | Buffer> | AsyncIterable<Buffer>, maxCellBytes?: number) {
  const records: IncomingRecord[] = []
  const notes: string[] = []
  for await (const r of readCsv(Readable.from(chunks, { objectMode: false }), 'f.csv', (m) => notes.push(m), { maxCellBytes })) records.push(r)
  return { records, notes }
}

describe('CSV reader', () => {
  it('handles quotes, doubled quotes, commas, CRLF and newlines inside cells, across chunk boundaries', async () => {
    const text = 'isbn13,title,subtitle\r\n"x, y","say ""hi""","two\nlines"\r\n1,,3'
    const { records } = await read([text])
    expect(records.map((r) => r.fields)).toEqual([
      { isbn13: 'x, y', title: 'say "hi"', subtitle: 'two\nlines' },
      { isbn13: '1', title: null, subtitle: '3' },
    ])
    expect(records.map((r) => r.source.index)).toEqual([1, 2])
    expect((await read(text.split(''))).records).toEqual(records)
  })

  it('quotes a cell only when it must, and reads it back', async () => {
    const values = ['plain', 'a,b', 'say "x"', 'line\nbreak', '']
    const { records } = await read([`isbn13,title,subtitle,publisher,imprint\n${values.map(csvCell).join(',')}\n`])
    expect(records[0]!.fields).toEqual({ isbn13: 'plain', title: 'a,b', subtitle: 'say "x"', publisher: 'line\nbreak', imprint: null })
    expect(csvCell('plain')).toBe('plain')
  })

  it('skips a byte-order mark and blank lines, and keeps a stray quote inside an unquoted cell', async () => {
    const { records, notes } = await read(['\ufeffisbn13,title\n1,12" single\n\n\n2,b\n'])
    expect(records.map((r) => r.fields)).toEqual([{ isbn13: '1', title: '12" single' }, { isbn13: '2', title: 'b' }])
    expect(notes).toEqual(['byte-order mark at the start of the file ignored'])
  })

  it('rejects a row with a cell over the limit, naming the column and the line, and reads the rows after it on the right lines', async () => {
    const huge = `"${'a'.repeat(40)}\n\n${'b'.repeat(10)}"`
    const { records } = await read(['isbn13,title,subtitle\n1,a,b\n2,', huge, ',c\n3,d,e\n4,f', 'g'.repeat(30), '\n'], 32)
    expect(records.map((r) => [r.source.index, r.fields.isbn13, r.problems])).toEqual([
      [1, '1', []],
      [2, '2', [{ field: 'title', reason: 'line 3: cell is 52 bytes; the limit is 32' }]],
      [3, '3', []],
      [4, '4', [{ field: 'line 7', reason: '2 cells, but the header has 3 columns' }]],
    ])
    expect(records[1]!.fields.title).toBeNull()
  })

  it('counts a cell of doubled quotes as it reads, and rejects it when too big', async () => {
    const { records } = await read(['isbn13,title\n1,"', '""'.repeat(50), '"\n2,b\n'], 32)
    expect(records[0]!.problems).toEqual([{ field: 'title', reason: 'line 2: cell is 50 bytes; the limit is 32' }])
    expect(records[1]!.fields).toEqual({ isbn13: '2', title: 'b' })
  })

  it('rejects a row of more than 100 cells without reading them', async () => {
    const { records } = await read([`isbn13,title\n1,${','.repeat(300)}\n2,b\n`])
    expect(records[0]!.problems).toEqual([{ field: 'line 2', reason: '302 cells, but the header has 2 columns' }])
    expect(records[1]!.fields).toEqual({ isbn13: '2', title: 'b' })
  })

  it('stops at an unclosed quote, naming the line where it opened', async () => {
    await expect(read(['isbn13,title\n1,a\n2,"Unclosed\n3,c\n4,d\n'])).rejects.toThrow('f.csv:line 3: quote opened here is never closed')
    await expect(read(['isbn13,title\n1,a\n2,"Unclosed\n3,"c"\n'])).rejects.toThrow('f.csv:line 3: quote opened here is never closed: the quote on line 4 is followed by text')
    await expect(read(['isbn13,title\n1,"a"b\n'])).rejects.toThrow('f.csv:line 2: text follows the quote that closes a cell')
  })

  it('reads UTF-8 split anywhere between chunks, and stops at bytes that are not UTF-8', async () => {
    const korean = Buffer.from('isbn13,title\n9791100000014,채식주의자\n')
    const { records } = await read([...korean].map((b) => Buffer.from([b])))
    expect(records[0]!.fields.title).toBe('채식주의자')
    await expect(read([Buffer.from('isbn13,title\n1,'), Buffer.from([0xff, 0x41, 0x0a])])).rejects.toThrow('f.csv:byte 15: bytes that are not valid UTF-8')
    await expect(read([korean.subarray(0, korean.length - 2)])).rejects.toThrow(`f.csv:byte ${korean.length - 4}: bytes that are not valid UTF-8`)
  })

  it('keeps memory flat through a 100 MB cell', { timeout: 20_000 }, async () => {
    const block = Buffer.alloc(64 * 1024, 'x')
    let peak = 0
    const used = () => {
      const m = process.memoryUsage()
      return m.heapUsed + m.arrayBuffers
    }
    async function* file() {
      yield Buffer.from('isbn13,title,description_html\n9791100000014,Before,x\n9791100000021,Huge,"')
      for (let n = 0; n < 100 * 1024 * 1024; n += block.length) {
        peak = Math.max(peak, used())
        yield block
      }
      yield Buffer.from('"\n9791100000038,After,y\n')
    }
    const base = used()
    const started = Date.now()
    const { records } = await read(file())
    expect(records.map((r) => r.fields.title)).toEqual(['Before', 'Huge', 'After'])
    expect(records[1]!.problems).toEqual([{ field: 'description_html', reason: 'line 3: cell is 104,857,600 bytes; the limit is 1,048,576' }])
    expect(peak - base).toBeLessThan(64 * 1024 * 1024)
    expect(Date.now() - started).toBeLessThan(10_000)
  })
})

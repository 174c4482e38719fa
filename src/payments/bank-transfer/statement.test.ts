import { describe, expect, it } from 'vitest'
import { parseStatement } from './statement'

const BOM = Buffer.from([0xef, 0xbb, 0xbf])
const utf8 = (text: string, withBom = false) => Buffer.concat([withBom ? BOM : Buffer.alloc(0), Buffer.from(text, 'utf8')])

// 거래일시,적요,입금액,출금액,잔액 / 2026.12.02 09:15:00,홍길동,"12,300",0,"112,300" / 2026.12.02 11:00:00,카드대금,0,"50,000","62,300", saved as CP949.
const CP949_STATEMENT = Buffer.from(
  'b0c5b7a1c0cfbdc32cc0fbbfe42cc0d4b1ddbed72cc3e2b1ddbed72cc0dcbed70d0a323032362e31322e30322030393a31353a30302cc8abb1e6b5bf2c2231322c333030222c302c223131322c333030220d0a323032362e31322e30322031313a30303a30302cc4abb5e5b4ebb1dd2c302c2235302c303030222c2236322c333030220d0a',
  'hex',
)

const pick = (lines: Array<{ date: string; depositor: string; amount: number; line: number }>) =>
  lines.map(({ date, depositor, amount, line }) => ({ date, depositor, amount, line }))

describe('parseStatement', () => {
  it('reads a UTF-8 statement with a byte-order mark and Korean headers, after the bank preamble', () => {
    const text = [
      '계좌번호,123-456-789012',
      '조회기간,2026-12-01 ~ 2026-12-31',
      '',
      '거래일자,입금자명,입금액(원),출금액(원),잔액(원)',
      '2026-12-02,홍길동,"12,300",,"112,300"',
      '2026/12/02 14:03:11,(주)책방,12300원,,"124,600"',
      '20261203,김 철수,"₩8,000",,"132,600"',
      '2026.12.04,관리비,,"30,000","102,600"',
    ].join('\r\n')
    const { lines, errors } = parseStatement(utf8(text, true), 'kb.csv')
    expect(errors).toEqual([])
    expect(pick(lines)).toEqual([
      { date: '2026-12-02', depositor: '홍길동', amount: 12300, line: 5 },
      { date: '2026-12-02', depositor: '(주)책방', amount: 12300, line: 6 },
      { date: '2026-12-03', depositor: '김 철수', amount: 8000, line: 7 },
    ])
  })

  it('reads a CP949 statement and skips its withdrawal rows', () => {
    const { lines, errors } = parseStatement(CP949_STATEMENT, 'shinhan.csv')
    expect(errors).toEqual([])
    expect(pick(lines)).toEqual([{ date: '2026-12-02', depositor: '홍길동', amount: 12300, line: 2 }])
  })

  it('reads English headers in any order and case, and a signed amount column', () => {
    const text = 'Amount,Transaction Date,Depositor,Balance\n15000,2026-12-05,Jane Doe,15000\n-2000,2026-12-05,ATM,13000\n'
    const { lines, errors } = parseStatement(utf8(text), 'en.csv')
    expect(errors).toEqual([])
    expect(pick(lines)).toEqual([{ date: '2026-12-05', depositor: 'Jane Doe', amount: 15000, line: 2 }])
  })

  it('prefers the sender column to the transaction type when both are there', () => {
    const text = '거래일자,적요,입금(원),내용\n2026-12-02,타행IB,5000,이몽룡\n'
    const { lines } = parseStatement(utf8(text), 'shinhan.csv')
    expect(pick(lines)).toEqual([{ date: '2026-12-02', depositor: '이몽룡', amount: 5000, line: 2 }])
  })

  it('reports each bad field with file and line, and reads the rows after it', () => {
    const text = [
      'date,name,amount',
      '2026-13-01,A,1000',
      '2026-12-01,,1000',
      '2026-12-01,B,12.5',
      'yesterday,C,lots',
      '2026-12-02,D,"3,000"',
    ].join('\n')
    const { lines, errors } = parseStatement(utf8(text), 'bad.csv')
    expect(errors.map(({ line, field, code }) => ({ line, field, code }))).toEqual([
      { line: 2, field: 'date', code: 'not_date' },
      { line: 3, field: 'depositor', code: 'required' },
      { line: 4, field: 'amount', code: 'not_whole_number' },
      { line: 5, field: 'amount', code: 'not_number' },
      { line: 5, field: 'date', code: 'not_date' },
    ])
    expect(errors.every((e) => e.file === 'bad.csv' && e.message.length > 0)).toBe(true)
    expect(pick(lines)).toEqual([{ date: '2026-12-02', depositor: 'D', amount: 3000, line: 6 }])
  })

  it('gives the same keys to the same file read twice, and distinct keys to identical deposits', () => {
    const text = 'date,depositor,amount\n2026-12-02,홍길동,12300\n2026-12-02,홍 길동,12300\n2026-12-02,홍길동,12300\n'
    const first = parseStatement(utf8(text), 'a.csv').lines.map((l) => l.key)
    const again = parseStatement(utf8(text, true), 'b.csv').lines.map((l) => l.key)
    expect(first).toHaveLength(3)
    expect(new Set(first).size).toBe(3)
    expect(again).toEqual(first)
    expect(first[0]).toMatch(/^[0-9a-f]{32}$/)
  })

  it('keeps a deposit key when the statement is exported over a longer period', () => {
    const short = 'date,depositor,amount\n2026-12-02,홍길동,12300\n'
    const long = 'date,depositor,amount\n2026-12-01,김철수,5000\n2026-12-02,홍길동,12300\n'
    const [key] = parseStatement(utf8(short), 'a.csv').lines.map((l) => l.key)
    expect(parseStatement(utf8(long), 'b.csv').lines[1]!.key).toBe(key)
  })

  it('reports a file without a statement header, and bytes in no known encoding', () => {
    const noHeader = parseStatement(utf8('isbn13,title\n9788962633245,책\n'), 'books.csv')
    expect(noHeader.lines).toEqual([])
    expect(noHeader.errors).toMatchObject([{ file: 'books.csv', line: 1, field: 'header', code: 'no_statement_header' }])
    const garbage = parseStatement(Buffer.from([0x80, 0xff, 0xfe, 0x41]), 'x.csv')
    expect(garbage.errors).toMatchObject([{ file: 'x.csv', field: 'file', code: 'unreadable_file' }])
  })

  it('keeps the rows before a quote that is never closed and names the line where it opened', () => {
    const text = 'date,depositor,amount\n2026-12-02,A,1000\n2026-12-02,"B,2000\n2026-12-03,C,3000\n'
    const { lines, errors } = parseStatement(utf8(text), 'q.csv')
    expect(pick(lines)).toEqual([{ date: '2026-12-02', depositor: 'A', amount: 1000, line: 2 }])
    expect(errors).toMatchObject([{ line: 3, field: 'file', code: 'broken_csv' }])
  })
})

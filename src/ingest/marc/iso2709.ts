import { TextDecoder } from 'node:util'
import type { IncomingRecord, NoteSink, Problem } from '../types'
import { isUtf8NotMarc8, marc8ToUnicode, repairMarc8Delimiters } from './marc8'
import { marcToRecord, type MarcField, type MarcRecord } from './record'

const RECORD_END = 0x1d
const FIELD_END = 0x1e
const SUBFIELD = 0x1f
const MAX_RECORD = 1_000_000
/** The fields Colophon reads (record.ts); bad bytes elsewhere don't reject a record. */
const READ_TAGS = new Set(['020', '041', '056', '100', '110', '111', '245', '260', '264', '300', '505', '520', '650', '653', '700', '710', '711'])

/** Splits the byte stream at record terminators (0x1D), holding one record at a time. */
async function* rawRecords(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let buffer = new Uint8Array(0)
  for await (const chunk of bytes) {
    const joined = new Uint8Array(buffer.length + chunk.length)
    joined.set(buffer)
    joined.set(chunk, buffer.length)
    let start = 0
    for (let end = joined.indexOf(RECORD_END, start); end >= 0; end = joined.indexOf(RECORD_END, start)) {
      yield joined.subarray(start, end + 1)
      start = end + 1
    }
    buffer = joined.slice(start)
    if (buffer.length > MAX_RECORD) throw new Error('a MARC record longer than 1 MB without a record terminator')
  }
  if (buffer.some((b) => b > 0x20)) yield buffer
}

function decodeField(bytes: Uint8Array, isUtf8: boolean, tag: string, problems: Problem[], corrections: Set<string>, unmapped: Map<string, number>): string {
  if (isUtf8) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes).normalize('NFC')
    } catch {
      if (READ_TAGS.has(tag) && !problems.some((p) => p.field === tag)) problems.push({ field: tag, reason: 'bytes that are not valid UTF-8, though leader/09 says UTF-8' })
      return new TextDecoder('utf-8').decode(bytes)
    }
  }
  const { text, invalid, unmapped: lost, repairs } = marc8ToUnicode(bytes)
  if (invalid.length && READ_TAGS.has(tag) && !problems.some((p) => p.field === tag)) {
    problems.push({ field: tag, reason: 'bytes that do not read as MARC-8 (leader/09 is blank): unknown codes or diacritics not followed by a letter; the record may be in another encoding such as Windows-1251' })
  }
  if (lost) unmapped.set(`${tag}:unmapped`, (unmapped.get(`${tag}:unmapped`) ?? 0) + lost)
  for (const repair of repairs) corrections.add(`${tag}: ${repair}`)
  return text
}

/** A per-record MARC-8 count ("245:unmapped" → n) as a report line. */
function marc8Tally(key: string, n: number): string {
  const [tag, kind] = key.split(':')
  return kind === 'unmapped'
    ? `${tag}: ${n} MARC-8 character${n === 1 ? '' : 's'} with no Unicode mapping in the Library of Congress tables, shown as U+FFFD`
    : `${tag}: ${n} subfield delimiter${n === 1 ? '' : 's'} inside MARC-8 Cyrillic text read as Э, the "|" a system had replaced`
}

/** Parses one ISO 2709 record: leader, directory, then fields by the directory's offsets. */
export function parseIso2709(raw: Uint8Array, problems: Problem[], corrections: Set<string>): MarcRecord | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...raw.subarray(from, to))
  if (raw.length < 25) return problems.push({ field: 'leader', reason: `a record of ${raw.length} bytes is too short to hold a leader` }), null
  const leader = ascii(0, 24)
  const base = Number(leader.slice(12, 17))
  if (!/^\d{5}$/.test(leader.slice(12, 17)) || base > raw.length) return problems.push({ field: 'leader/12-16', reason: `base address "${leader.slice(12, 17)}" is not a number within the record` }), null
  const isUtf8 = leader[9] === 'a' || isUtf8NotMarc8(raw)
  if (isUtf8 && leader[9] !== 'a') corrections.add('leader/09 says MARC-8, but the record is UTF-8 (no escape sequences, every byte above 0x7F in a whole UTF-8 sequence): read as UTF-8')
  const fields: MarcField[] = []
  const unmapped = new Map<string, number>()
  for (let d = 24; d + 12 <= base && raw[d] !== FIELD_END; d += 12) {
    const entry = ascii(d, d + 12)
    if (!/^[0-9A-Za-z]{3}\d{9}$/.test(entry)) return problems.push({ field: 'directory', reason: `entry "${entry}" is not tag+length+offset` }), null
    const tag = entry.slice(0, 3)
    const start = base + Number(entry.slice(7, 12))
    const data = raw.subarray(start, Math.min(raw.length, start + Number(entry.slice(3, 7))))
    let body = data.at(-1) === FIELD_END ? data.subarray(0, -1) : data
    if (tag < '010' && /^\d+$/.test(tag)) {
      fields.push({ tag, ind1: ' ', ind2: ' ', value: decodeField(body, isUtf8, tag, problems, corrections, unmapped), subfields: [] })
      continue
    }
    if (!isUtf8) {
      const repair = repairMarc8Delimiters(body)
      if (repair.repaired) unmapped.set(`${tag}:delimiters`, (unmapped.get(`${tag}:delimiters`) ?? 0) + repair.repaired)
      body = repair.bytes
    }
    const parts: Uint8Array[] = []
    let from = 2
    for (let i = 2; i <= body.length; i++) {
      if (i === body.length || body[i] === SUBFIELD) {
        if (i > from) parts.push(body.subarray(from, i))
        from = i + 1
      }
    }
    const subfields = parts.filter((p) => p.length).map((p): [string, string] => [String.fromCharCode(p[0]!), decodeField(p.subarray(1), isUtf8, tag, problems, corrections, unmapped)])
    fields.push({ tag, ind1: String.fromCharCode(body[0] ?? 0x20), ind2: String.fromCharCode(body[1] ?? 0x20), subfields })
  }
  for (const [key, n] of unmapped) corrections.add(marc8Tally(key, n))
  return { leader, fields }
}

/** Reads MARC 21 in ISO 2709, MARC-8 or UTF-8 by leader/09, one record at a time. */
export async function* readMarc(bytes: AsyncIterable<Uint8Array>, file: string, _note: NoteSink): AsyncGenerator<IncomingRecord> {
  let index = 0
  for await (const raw of rawRecords(bytes)) {
    index++
    const problems: Problem[] = []
    const corrections = new Set<string>()
    const marc = parseIso2709(raw, problems, corrections)
    if (!marc) {
      yield { source: { file, index, reference: null }, action: 'upsert', fields: {}, subjects: [], problems, corrections: [] }
      continue
    }
    yield marcToRecord(marc, { file, index }, problems, [...corrections])
  }
}

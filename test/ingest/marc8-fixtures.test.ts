import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openInput } from '../../src/ingest'
import { parseIso2709 } from '../../src/ingest/marc/iso2709'
import { marc8ToUnicode } from '../../src/ingest/marc/marc8'
import type { MarcRecord } from '../../src/ingest/marc/record'
import type { Problem } from '../../src/ingest/types'
import { testDialects } from '../dialects'
import { testStore } from '../helpers'
import { sharedFixtures } from '../support/ingest'

const shared = sharedFixtures()

interface Parsed {
  marc: MarcRecord
  problems: Problem[]
  corrections: string[]
}

/** Every record of an ISO 2709 file, parsed field by field (leader/09 says MARC-8 or UTF-8). */
function records(path: string): Parsed[] {
  const bytes = readFileSync(path)
  const out: Parsed[] = []
  for (let start = 0, end = bytes.indexOf(0x1d); end >= 0; start = end + 1, end = bytes.indexOf(0x1d, start)) {
    const problems: Problem[] = []
    const corrections = new Set<string>()
    const marc = parseIso2709(bytes.subarray(start, end + 1), problems, corrections)
    if (marc) out.push({ marc, problems, corrections: [...corrections] })
  }
  return out
}
const marc4j = (name: string) => records(join(shared!, 'marc/marc4j', name))
/** The fields without the leader, whose byte 09 tells the encodings apart. */
const fieldsOf = (r: Parsed) => r.marc.fields

describe.skipIf(!shared)('MARC-8 against the shared sample records', () => {
  it('brkrtest.mrc reads exactly as its UTF-8 twin, field by field, with nothing to report', () => {
    const marc8 = marc4j('brkrtest.mrc')
    const utf8 = marc4j('brkrtest_UTF8.mrc')
    expect(marc8).toHaveLength(8)
    expect(utf8).toHaveLength(8)
    marc8.forEach((r, i) => {
      expect(r.marc.leader[9]).toBe(' ')
      expect(fieldsOf(r)).toEqual(fieldsOf(utf8[i]!))
      expect(r.problems).toEqual([])
      expect(r.corrections).toEqual([])
    })
  })

  it('greekmissingcharsetchange.mrc: the damaged and the escaped MARC-8 copies read as the UTF-8 one, the damage said', () => {
    const [damaged, utf8, escaped] = marc4j('greekmissingcharsetchange.mrc')
    expect(fieldsOf(damaged!)).toEqual(fieldsOf(utf8!))
    expect(fieldsOf(escaped!)).toEqual(fieldsOf(utf8!))
    const title = utf8!.marc.fields.find((f) => f.tag === '880' && f.subfields[0]![1].startsWith('245'))!
    expect(title.subfields[1]).toEqual(['a', 'Η αγορά στη Μεσόγειο :'.normalize('NFC')])
    expect(damaged!.corrections).toEqual([expect.stringMatching(/^880: MARC-8 Basic Greek was left designated .*escape back had been dropped$/)])
    expect(escaped!.corrections).toEqual([])
  })

  it('chinese_mangled_multibyte.mrc: the EACC and the escaped copies read as the UTF-8 one; the mangled copy is counted', () => {
    const [mangled, eacc, escaped, utf8] = marc4j('chinese_mangled_multibyte.mrc')
    expect(fieldsOf(eacc!)).toEqual(fieldsOf(utf8!))
    expect(fieldsOf(escaped!)).toEqual(fieldsOf(utf8!))
    expect(eacc!.corrections).toEqual([])
    expect(eacc!.marc.fields.find((f) => f.tag === '880')!.subfields[1]).toEqual(['a', '車輪滾滾'])
    // A system dropped "[", "]" and "|" inside the three-byte codes: what no longer reads is counted, not guessed.
    expect(mangled!.corrections).toEqual(['880: 46 MARC-8 characters with no Unicode mapping in the Library of Congress tables, shown as U+FFFD'])
  })

  it('cyrillic_capital_e.mrc: a delimiter written for Э inside Cyrillic text reads as Э, and is said', () => {
    for (const [r, publisher] of marc4j('cyrillic_capital_e.mrc').map((r, i) => [r, ['Эксмо,', 'ЭКСМО,'][i]] as const)) {
      const published = r.marc.fields.filter((f) => f.tag === '880' && /^26[04]/.test(f.subfields[0]![1]))
      expect(published.map((f) => f.subfields.find(([c]) => c === 'b')![1].toUpperCase())).toEqual([publisher!.toUpperCase(), publisher!.toUpperCase()])
      expect(r.marc.fields.find((f) => f.tag === '880')!.subfields[1]![1]).toMatch(/^(Буйда, Юрий|Рубина, Дина)\.$/)
      expect(r.corrections).toEqual(['880: 2 subfield delimiters inside MARC-8 Cyrillic text read as Э, the "|" a system had replaced'])
    }
  })

  it('every line of the pymarc MARC-8 table reads as its UTF-8 twin, but for six EACC codes the LoC tables lack', () => {
    const marc8 = readFileSync(join(shared!, 'marc/pymarc/test_marc8.txt'))
    const utf8 = readFileSync(join(shared!, 'marc/pymarc/test_utf8.txt'), 'utf8').split('\n')
    const differ: Array<{ line: number; unmapped: number }> = []
    let lines = 0
    for (let start = 0, end = marc8.indexOf(0x0a); end >= 0; start = end + 1, end = marc8.indexOf(0x0a, start), lines++) {
      const r = marc8ToUnicode(marc8.subarray(start, end))
      if (r.text !== utf8[lines]!.normalize('NFC')) differ.push({ line: lines + 1, unmapped: r.unmapped })
    }
    expect(lines).toBeGreaterThan(1500)
    // "a …“—’”™ z" in codes outside the published tables (0x21203D, 0x7F2014, …): each one counted.
    expect(differ).toEqual([{ line: 1515, unmapped: 6 }])
  })

  it('every other MARC-8 record in the samples reads without U+FFFD, or the report says why', () => {
    const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]))
    const unexplained: string[] = []
    let read = 0
    for (const file of walk(join(shared!, 'marc')).filter((f) => /\.(mrc|dat|marc)$/.test(f))) {
      for (const [i, r] of records(file).entries()) {
        if (r.marc.leader[9] === 'a') continue
        read++
        const lost = JSON.stringify(r.marc.fields).includes('\ufffd')
        const said = r.problems.length > 0 || r.corrections.some((c) => /U\+FFFD/.test(c))
        if (lost && !said) unexplained.push(`${file} #${i + 1}`)
      }
    }
    expect(read).toBeGreaterThan(80)
    expect(unexplained).toEqual([])
  })
})

for (const dialect of testDialects()) {
  describe.skipIf(!shared || dialect.skip)(`${dialect.name}: importing MARC-8 samples`, () => {
    it('writes the Greek and Cyrillic books in their scripts and lists each repair in the report', async () => {
      const store = await testStore(dialect)
      const messages: string[] = []
      for (const name of ['greekmissingcharsetchange.mrc', 'cyrillic_capital_e.mrc']) {
        const report = await store.importer.importFile(name, openInput(join(shared!, 'marc/marc4j', name)), { user: 'test' })
        messages.push(...report.corrections.map((c) => `${name} #${c.record}: ${c.message}`))
      }
      expect(messages).toContainEqual(expect.stringMatching(/^greekmissingcharsetchange\.mrc #1: 880: MARC-8 Basic Greek was left designated/))
      expect(messages).toContain('cyrillic_capital_e.mrc #1: 880: 2 subfield delimiters inside MARC-8 Cyrillic text read as Э, the "|" a system had replaced')
      expect(messages.join('\n')).not.toMatch(/U\+FFFD/)
      const [book] = await store.catalog.findBooks(['9785699626076'])
      expect(book?.publisher).toMatch(/^Эксмо$/i)
      await store.cleanup()
    })
  })
}

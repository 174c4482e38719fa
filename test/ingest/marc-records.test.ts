import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Book } from '../../src/catalog'
import { onixMessage, openInput, type FileReport } from '../../src/ingest'
import { testDialects } from '../dialects'
import { testApp, testStore, type TestStore } from '../helpers'
import { bytesOf, sharedFixtures } from '../support/ingest'

const shared = sharedFixtures()

type Field = [tag: string, body: string]

/** One ISO 2709 record in UTF-8; a data field body is "ind1ind2$a…" with $ for the subfield delimiter. */
function iso2709(type: string, fields: Field[]): Buffer {
  const bodies = fields.map(([tag, body]) => [tag, Buffer.from(`${tag < '010' ? body : body.replace(/\$/g, '\x1f')}\x1e`, 'utf8')] as const)
  let offset = 0
  const directory = bodies.map(([tag, b]) => {
    const entry = `${tag}${String(b.length).padStart(4, '0')}${String(offset).padStart(5, '0')}`
    offset += b.length
    return entry
  })
  const base = 24 + directory.join('').length + 1
  const leader = `${String(base + offset + 1).padStart(5, '0')}n${type}m a22${String(base).padStart(5, '0')} i 4500`
  return Buffer.concat([Buffer.from(leader + directory.join('') + '\x1e', 'latin1'), ...bodies.map(([, b]) => b), Buffer.from([0x1d])])
}
const f008 = (date1: string, lang: string) => `070101s${date1}    xx            000 0 ${lang} d`

/** Small records of the kinds real files carry, one case each. */
const FILE = Buffer.concat([
  // A Thai book: a Buddhist-era year with the Gregorian one in brackets, an ISBN with a trailing colon, an unnumbered contents note.
  iso2709('a', [['001', 'thai-1'], ['008', f008('2007', 'tha')], ['020', '  $a9789740000013 :$c250 baht'], ['245', '10$aKhwam song cham /$cNanmee.'], ['260', '  $aBangkok :$bNanmee,$c2550 [2007]'], ['300', '  $a212 p. ;$c21 cm.'], ['505', '0 $aPart one -- Part two : a novel.']]),
  // A Persian book: a solar-hijri year, a paperback by its ISBN's qualifier, a cancelled ISBN in $z.
  iso2709('a', [['001', 'fas-1'], ['008', f008('2007', 'per')], ['020', '  $a9789640000014 (pbk.)'], ['020', '  $z9789640000015'], ['245', '10$aRuz-i digar :$b[dastan] /'], ['260', '  $aTihran :$bNashr-i Chashmah,$c1386 [2007]']]),
  // A sound recording (leader/06 i) dated by the month.
  iso2709('i', [['001', 'audio-1'], ['008', f008('2006', 'kor')], ['020', '  $a9791100000021'], ['245', '10$a소리로 읽는 책'], ['264', ' 1$a서울 :$b소리출판,$c2006년 3월']]),
  // A record that names no carrier at all, and a decade for its date.
  iso2709('a', [['001', 'plain-1'], ['008', f008('199u', 'eng')], ['020', '  $a0306406152(v. 1)'], ['245', '10$aPlain record.'], ['260', '  $aNew York :$b[s.n.],$c[199-?]']]),
])

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: MARC records read right`, () => {
    let store: TestStore
    let report: FileReport
    const book = async (isbn13: string): Promise<Book> => (await store.catalog.findBooks([isbn13 as Book['isbn13']]))[0]!
    const notes = (reference: string) => report.corrections.filter((c) => c.reference === reference).map((c) => c.message)

    beforeAll(async () => {
      store = await testStore(dialect)
      report = await store.importer.importFile('cases.mrc', bytesOf(FILE), { user: 'test' })
    })
    afterAll(() => store.cleanup())

    it('imports each case, and the report says what was read and why', async () => {
      expect(report.counts).toMatchObject({ records: 4, created: 4, rejected: 0 })
      expect(notes('thai-1')).toContain('260$c: "2550 [2007]": the year in brackets, not 2550 (another calendar\'s), 2007, kept as the year')
      expect(notes('fas-1')).toContain('020$z: cancelled or invalid ISBN 9789640000015 listed in the record; not imported')
      expect(notes('plain-1')).toEqual([
        '020$a: "0306406152(v. 1)" read as ISBN 0306406152 with the qualifier "v. 1"',
        'format: nothing in the record (leader/06, 007, 008/23, 338, 245$h, 300, 020 qualifier) says it; left unknown',
        '260$c: "[199-?]" names only the decade or century "199-?", and 008/07-10 gives none: no date of issue kept',
      ])
    })

    it('stores the Gregorian year with its precision, the format the record says or unknown, titles and publishers without ISBD', async () => {
      expect(await book('9789740000013')).toMatchObject({ issuedOn: '2007', format: 'unknown', title: 'Khwam song cham', publisher: 'Nanmee' })
      expect(await book('9789640000014')).toMatchObject({ issuedOn: '2007', format: 'paperback', title: 'Ruz-i digar', subtitle: 'dastan', publisher: 'Nashr-i Chashmah' })
      expect(await book('9791100000021')).toMatchObject({ issuedOn: '2006-03', format: 'audiobook', publisher: '소리출판' })
      expect(await book('9780306406157')).toMatchObject({ issuedOn: null, format: 'unknown', publisher: null })
      expect((await book('9789740000013')).toc).toEqual([{ kind: 'part', title: 'Part one' }, { kind: 'part', title: 'Part two : a novel' }])
    })

    it('shows a year as a year and a month as a month, no format when unknown, and no pre-order for a Buddhist-era year', async () => {
      const app = testApp(store)
      const thai = await (await app.request('/books/9789740000013?lang=en')).text()
      expect(thai).toContain('<time datetime="2007">2007</time>')
      expect(thai).not.toMatch(/January 1|Pre-order|>Format</)
      const audio = await (await app.request('/books/9791100000021')).text()
      expect(audio).toContain('<time datetime="2006-03">2006년 3월</time>')
      expect(audio).toContain('오디오북')
      expect(await (await app.request('/books/9791100000021?lang=en')).text()).toContain('March 2006')
    })

    it('exports an unknown format as ProductForm 00 and dates with their precision, and reads them back the same', async () => {
      let xml = ''
      for await (const chunk of onixMessage(store.catalog.allBooks())) xml += chunk
      expect(xml).toContain('<ProductForm>00</ProductForm>')
      expect(xml).not.toContain('<ProductForm>BC</ProductForm><Measure') // only the Persian paperback is BC
      expect(xml).toContain('<Date dateformat="05">2007</Date>')
      expect(xml).toContain('<Date dateformat="01">200603</Date>')
      const again = await testStore(dialect)
      try {
        const back = await again.importer.importFile('export.xml', bytesOf(xml), { user: 'test' })
        expect(back.counts).toMatchObject({ records: 4, created: 4, rejected: 0 })
        for (const isbn of ['9789740000013', '9789640000014', '9791100000021', '9780306406157']) {
          const [copy] = await again.catalog.findBooks([isbn as Book['isbn13']])
          const original = await book(isbn)
          expect({ format: copy!.format, issuedOn: copy!.issuedOn, toc: copy!.toc }).toEqual({ format: original.format, issuedOn: original.issuedOn, toc: original.toc })
        }
      } finally {
        await again.cleanup()
      }
    })

    it.skipIf(!shared)('real records: formats from qualifiers and 007, other editions named, an unnumbered contents note as chapters', async () => {
      const real = await testStore(dialect)
      try {
        const files = ['marc4j/chabon.mrc', 'pymarc/diacritic.dat', 'marc-perl/marc-mij-test.mrc', 'pymarc/multi_isbn.dat', 'openlibrary/bin_input/lc_1416500308.mrc']
        const reports = new Map<string, FileReport>()
        for (const f of files) reports.set(f, await real.importer.importFile(f, openInput(join(shared!, 'marc', f)), { user: 'test' }))
        const found = new Map((await real.catalog.findBooks(['9780415782654', '9780876631065', '9781416500308', '9780914378280'] as Array<Book['isbn13']>)).map((b) => [b.isbn13 as string, b]))
        const [hardback, kitsch, lc, scold] = ['9780415782654', '9780876631065', '9781416500308', '9780914378280'].map((i) => found.get(i))
        // "9780415782654 (hardback)" with "9780203112021 (ebook)" beside it
        expect(hardback!.format).toBe('hardcover')
        expect(reports.get('pymarc/diacritic.dat')!.corrections.map((c) => c.message)).toContain('020$a: the record also names ISBN 9780203112021 (ebook), another edition; not imported from this record')
        expect(hardback!.toc.length).toBeGreaterThan(5)
        expect(hardback!.toc.every((e) => e.kind === 'chapter')).toBe(true)
        expect(hardback!.toc[0]!.title).toBe('Histories of user-generated content: between formal and informal media economies / Ramon Lobato, Julian Thomas and Dan Hunter')
        // 007 "cr^bn^---auaua": a remote electronic resource
        expect(kitsch).toMatchObject({ format: 'ebook', issuedOn: '1969', title: 'Kitsch; the world of bad taste' })
        expect(lc!.format).toBe('paperback')
        // Three ISBNs of one work's volume 1: the first is the record's, the others named
        expect(scold!.format).toBe('unknown')
        expect(reports.get('pymarc/multi_isbn.dat')!.corrections.map((c) => c.message)).toContain('020$a: the record also names ISBN 0914378260 (pbk.; v. 1), another edition; not imported from this record')
        // Summerland: the first ISBN has no qualifier; the "(pbk.)" one is another edition's
        const chabon = await real.catalog.findBooks(['9780786808779'] as Array<Book['isbn13']>)
        expect(chabon[0]).toMatchObject({ format: 'unknown', issuedOn: '2002', title: 'Summerland' })
      } finally {
        await real.cleanup()
      }
    })
  })
}

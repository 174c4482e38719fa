import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isbn13FromPrefix, type Isbn13 } from '../../src/catalog'
import { openInput } from '../../src/ingest'
import { normalSubjectCode } from '../../src/ingest/subjects'
import { testDialects } from '../dialects'
import { testStore, type TestStore } from '../helpers'
import { bytesOf, sharedFixtures } from '../support/ingest'
import { staffApp, staffShopper } from '../support/staff'
import { axeViolations, browserAvailable, launchChromium } from '../browser/browser'

const shared = sharedFixtures()

const onix = (products: Array<{ isbn: string; subjects: Array<[scheme: string, code: string]> }>) => `<?xml version="1.0"?>
<ONIXMessage release="3.0" xmlns="http://ns.editeur.org/onix/3.0/reference"><Header><Sender><SenderName>Test</SenderName></Sender><SentDateTime>20261203</SentDateTime></Header>
${products.map((p, i) => `<Product><RecordReference>r${i + 1}</RecordReference><NotificationType>03</NotificationType><ProductIdentifier><ProductIDType>15</ProductIDType><IDValue>${p.isbn}</IDValue></ProductIdentifier>
<DescriptiveDetail><ProductComposition>00</ProductComposition><ProductForm>BC</ProductForm><TitleDetail><TitleType>01</TitleType><TitleElement><TitleElementLevel>01</TitleElementLevel><TitleText>Book ${i + 1}</TitleText></TitleElement></TitleDetail>
${p.subjects.map(([scheme, code]) => `<Subject><SubjectSchemeIdentifier>${scheme}</SubjectSchemeIdentifier><SubjectCode>${code}</SubjectCode></Subject>`).join('')}</DescriptiveDetail></Product>`).join('\n')}</ONIXMessage>`

const marcxml = (isbn: string, fields: string) => `<?xml version="1.0" encoding="UTF-8"?>
<collection xmlns="http://www.loc.gov/MARC21/slim"><record><leader>00000nam a2200000 a 4500</leader><controlfield tag="001">kdc-1</controlfield>
<datafield tag="020" ind1=" " ind2=" "><subfield code="a">${isbn}</subfield></datafield>
<datafield tag="245" ind1="1" ind2="0"><subfield code="a">채식주의자</subfield></datafield>${fields}</record></collection>`

describe('subject codes as the table reads them', () => {
  it('reads Dewey and KDC numbers without prime marks, editions or brackets, and other codes without spaces', () => {
    expect(normalSubjectCode('ddc', '813/.54')).toBe('813.54')
    expect(normalSubjectCode('ddc', "791.43/72")).toBe('791.4372')
    expect(normalSubjectCode('ddc', '895.734 22')).toBe('895.734')
    expect(normalSubjectCode('kdc', '[813.6]')).toBe('813.6')
    expect(normalSubjectCode('ddc', 'B')).toBe('B')
    expect(normalSubjectCode('bisac', 'fic 022000')).toBe('FIC022000')
  })
})

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: subjects file books under the default categories`, { timeout: 120_000 }, () => {
    let store: TestStore
    const book = (isbn: string) => store.catalog.getBook(isbn as Isbn13)

    beforeEach(async () => {
      store = await testStore(dialect)
    })
    afterEach(() => store.cleanup())

    it('a store started without the demo has the default tree and a subject row for every scheme', async () => {
      const tree = await store.catalog.categories()
      expect(tree.get('fiction-korean')?.name).toEqual({ ko: '한국소설', en: 'Korean fiction' })
      expect(tree.get('history-korea')?.parentId).toBe('history')
      const schemes = new Set((await store.importer.subjectMappings()).map((r) => r.scheme))
      expect([...schemes].sort()).toEqual(['bic', 'bisac', 'ddc', 'kdc', 'thema'])
    })

    it('files BISAC, BIC, Thema, KDC and DDC codes, and counts every unmapped code, most frequent first', async () => {
      const [a, b, c] = ['979119999901', '979119999902', '979119999903'].map(isbn13FromPrefix)
      const feed = onix([
        { isbn: a!, subjects: [['10', 'HIS023000'], ['12', 'ZZQ'], ['93', 'XX9']] },
        { isbn: b!, subjects: [['12', 'HBJF1'], ['01', '951.9'], ['93', 'XX9'], ['20', 'a keyword']] },
        { isbn: c!, subjects: [['35', '813.6'], ['02', '020.1'], ['93', 'XX9'], ['12', 'ZZQ']] },
      ])
      const report = await store.importer.importFile('subjects.xml', bytesOf(feed), { user: 'test' })
      expect(report.counts).toMatchObject({ records: 3, created: 3, rejected: 0 })
      expect((await book(a!)).categoryIds).toEqual(['history-korea'])
      expect((await book(b!)).categoryIds.sort()).toEqual(['history-asia', 'history-korea'])
      expect((await book(c!)).categoryIds).toEqual(['fiction-korean'])
      expect(report.unmappedSubjects).toEqual([
        { scheme: 'thema', code: 'XX9', records: 3 },
        { scheme: 'bic', code: 'ZZQ', records: 2 },
        { scheme: 'ddc', code: '020.1', records: 1 },
      ])
    })

    it('the import page lists the unmapped codes in Korean and English, axe-clean', async () => {
      const isbn = isbn13FromPrefix('979119999907')
      const report = await store.importer.importFile('odd.xml', bytesOf(onix([{ isbn, subjects: [['10', 'ZZZ123456'], ['93', 'XQ9']] }])), { user: 'test' })
      const member = await staffShopper(staffApp(store), store, 'catalog')
      const ko = await (await member.get(`/admin/imports/${report.runId}`)).text()
      expect(ko).toContain('분야에 넣지 못한 주제 코드 (2)')
      expect(ko).toMatch(/<td>BISAC<\/td><td><code>ZZZ123456<\/code><\/td><td>1<\/td><td>대응표에 맞는 줄이 없음<\/td>/)
      const en = await (await member.get(`/admin/imports/${report.runId}?lang=en`)).text()
      expect(en).toContain('Subject codes filed under no category (2)')
      if (dialect.name !== 'sqlite' || !browserAvailable()) return
      const browser = await launchChromium()
      try {
        const page = await browser.newPage()
        for (const html of [ko, en]) {
          await page.setContent(html)
          expect(await axeViolations(page)).toEqual([])
        }
      } finally {
        await browser.close()
      }
    })

    it('says which category a row names that the catalog lacks', async () => {
      await store.store.db.insertInto('subject_category').values({ scheme: 'bisac', code: 'CKB', category_id: 'cooking' }).execute()
      const isbn = isbn13FromPrefix('979119999904')
      const report = await store.importer.importFile('cook.xml', bytesOf(onix([{ isbn, subjects: [['10', 'CKB101000']] }])), { user: 'test' })
      expect((await book(isbn)).categoryIds).toEqual([])
      expect(report.unmappedSubjects).toEqual([{ scheme: 'bisac', code: 'CKB101000', records: 1, missingCategory: 'cooking' }])
    })

    it('reads KDC from MARC 056 and 084 $2 kdc, and Dewey from 082', async () => {
      const [a, b] = ['979119999905', '979119999906'].map(isbn13FromPrefix)
      const kdc = marcxml(a!, '<datafield tag="056" ind1=" " ind2=" "><subfield code="a">813.62</subfield><subfield code="2">6</subfield></datafield>')
      const other = marcxml(b!, '<datafield tag="084" ind1=" " ind2=" "><subfield code="a">911.05</subfield><subfield code="2">kdc</subfield></datafield><datafield tag="082" ind1="0" ind2="4"><subfield code="a">781.64/0951</subfield><subfield code="2">23</subfield></datafield>')
      for (const [name, xml] of [['kdc.xml', kdc], ['084.xml', other]] as const) {
        const report = await store.importer.importFile(name, bytesOf(xml), { user: 'test', format: 'marcxml' })
        expect(report.counts, name).toMatchObject({ created: 1, rejected: 0 })
      }
      expect((await book(a!)).categoryIds).toEqual(['fiction-korean'])
      expect((await book(b!)).categoryIds.sort()).toEqual(['arts-music', 'history-korea'])
    })

    describe.skipIf(!shared)('real feeds', () => {
      const run = (path: string) => store.importer.importFile(path, openInput(join(shared!, path)), { user: 'test' })

      it('jonix/onix3-single.xml and im_onix/short.xml (short tags): BIC "FF" and "FYT" file the novel under world fiction', async () => {
        for (const path of ['onix/jonix/onix3-single.xml', 'onix/im_onix/short.xml']) {
          const report = await run(path)
          expect(report.counts.rejected, path).toBe(0)
          expect(report.unmappedSubjects, path).toEqual([])
          expect((await book('9780007232833')).categoryIds, path).toEqual(['fiction-world'])
        }
      })

      it('dilicom/Sample_ONIX_3.0.xml and valid_google_onix_3.xml: their unmapped Thema and BISAC codes are counted', async () => {
        const dilicom = await run('onix/dilicom/Sample_ONIX_3.0.xml')
        expect(dilicom.unmappedSubjects[0]).toEqual({ scheme: 'thema', code: 'WTH', records: 6 })
        const counts = dilicom.unmappedSubjects.map((u) => u.records)
        expect(counts).toEqual([...counts].sort((x, y) => y - x))
        const google = await run('onix/onixcheck/valid_google_onix_3.xml')
        expect(google.unmappedSubjects).toEqual([{ scheme: 'bisac', code: 'LIT014000', records: 1 }, { scheme: 'bisac', code: 'LIT024060', records: 1 }])
      })

      it('pymarc/marc.dat: Dewey 005.13/3 files the programming books under science; selectedRecs.mrc counts the "B" shelf mark', async () => {
        const report = await run('marc/pymarc/marc.dat')
        expect(report.unmappedSubjects).toEqual([])
        const filed = await store.store.db.selectFrom('book_category').select('category_id').distinct().execute()
        expect(filed.map((r) => r.category_id)).toEqual(['science'])
        const selected = await run('marc/marc4j/selectedRecs.mrc')
        expect(selected.unmappedSubjects).toEqual([{ scheme: 'ddc', code: 'B', records: 3 }])
      })
    })
  })
}

import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Book } from '../../src/catalog'
import { onixMessage, openInput, type FileReport } from '../../src/ingest'
import { testDialects } from '../dialects'
import { testApp, testStore, type TestStore } from '../helpers'
import { bytesOf, sharedFixtures } from '../support/ingest'

const shared = sharedFixtures()

const contributor = (role: string, name: string) => `<Contributor><ContributorRole>${role}</ContributorRole><PersonName>${name}</PersonName></Contributor>`
const ONIX = `<?xml version="1.0" encoding="UTF-8"?>
<ONIXMessage release="3.0" xmlns="http://ns.editeur.org/onix/3.0/reference"><Header><Sender><SenderName>Test</SenderName></Sender><SentDateTime>20261202</SentDateTime></Header>
<Product><RecordReference>roles-1</RecordReference><NotificationType>03</NotificationType><ProductIdentifier><ProductIDType>15</ProductIDType><IDValue>9788937460449</IDValue></ProductIdentifier>
<DescriptiveDetail><ProductComposition>00</ProductComposition><ProductForm>BC</ProductForm>
${contributor('A01', '한강')}${contributor('A23', 'Foreword Writer')}${contributor('A24', 'Intro Writer')}${contributor('B06', '옮긴이')}${contributor('B20', '감수자')}${contributor('Q42', 'Mystery Person')}
<TitleDetail><TitleType>01</TitleType><TitleElement><TitleElementLevel>01</TitleElementLevel><TitleText>소년이 온다</TitleText></TitleElement></TitleDetail></DescriptiveDetail></Product>
</ONIXMessage>`

const name = (tag: string, a: string, extra: string) => `<datafield tag="${tag}" ind1="1" ind2=" "><subfield code="a">${a}</subfield>${extra}</datafield>`
const sub = (code: string, value: string) => `<subfield code="${code}">${value}</subfield>`
const MARCXML = `<?xml version="1.0" encoding="UTF-8"?>
<collection xmlns="http://www.loc.gov/MARC21/slim"><record><leader>00000nam a2200000 i 4500</leader><controlfield tag="001">roles-marc</controlfield>
<datafield tag="020" ind1=" " ind2=" "><subfield code="a">9780306406157</subfield></datafield>
${name('100', 'Austen, Jane,', sub('4', 'aut.'))}
<datafield tag="245" ind1="1" ind2="0"><subfield code="a">Emma /</subfield></datafield>
${name('700', 'Tanner, Tony,', sub('e', 'author of introduction, etc.'))}${name('700', 'Kim, Minji,', sub('e', 'trad.'))}${name('700', 'Lee, Jun,', sub('e', '감수'))}
${name('700', 'Park, Ha,', sub('e', 'grand poobah.'))}${name('700', 'Choi, Na,', sub('e', 'grand poobah.'))}${name('700', 'Cho, Ra,', sub('4', 'zzz'))}
<datafield tag="710" ind1="2" ind2=" "><subfield code="a">Jane Austen Society.</subfield><subfield code="b">Korea Branch,</subfield><subfield code="e">compiler.</subfield></datafield>
</record></collection>`

const CSV = 'isbn13,title,contributors\n9788954651134,채식주의자,"한강 (지음); Deborah Smith (trans.); 김감수 (감수); Someone (Jr.)"\n'

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: contributor roles`, () => {
    let store: TestStore
    const reports = new Map<string, FileReport>()
    const book = async (isbn13: string): Promise<Book> => (await store.catalog.findBooks([isbn13 as Book['isbn13']]))[0]!

    beforeAll(async () => {
      store = await testStore(dialect)
      reports.set('onix', await store.importer.importFile('roles.xml', bytesOf(ONIX), { user: 'test' }))
      reports.set('marc', await store.importer.importFile('roles-marc.xml', bytesOf(MARCXML), { user: 'test' }))
      reports.set('csv', await store.importer.importFile('roles.csv', bytesOf(CSV), { user: 'test', format: 'csv' }))
    })
    afterAll(() => store.cleanup())

    it('ONIX: list-17 roles read, a code outside the list keeps the person and is counted, not a rejection', async () => {
      const report = reports.get('onix')!
      expect(report.counts).toMatchObject({ records: 1, created: 1, rejected: 0 })
      expect((await book('9788937460449')).contributors).toEqual([
        { name: '한강', role: 'author' }, { name: 'Foreword Writer', role: 'foreword' }, { name: 'Intro Writer', role: 'introduction' },
        { name: '옮긴이', role: 'translator' }, { name: '감수자', role: 'supervisor' }, { name: 'Mystery Person', role: 'other' },
      ])
      expect(report.unknownRoles).toEqual([{ role: 'Q42', count: 1 }])
      expect(report.corrections.map((c) => c.message)).toContain('DescriptiveDetail/Contributor[6]/ContributorRole: "Q42" is not a code of ONIX code list 17; the contributor is kept as other')
    })

    it('MARC: $4 with a full stop, $e terms in other languages, corporate names; unknown terms counted, most frequent first', async () => {
      const report = reports.get('marc')!
      expect(report.counts).toMatchObject({ created: 1, rejected: 0 })
      expect((await book('9780306406157')).contributors).toEqual([
        { name: 'Jane Austen', role: 'author' }, { name: 'Tony Tanner', role: 'introduction' }, { name: 'Minji Kim', role: 'translator' },
        { name: 'Jun Lee', role: 'supervisor' }, { name: 'Ha Park', role: 'other' }, { name: 'Na Choi', role: 'other' }, { name: 'Ra Cho', role: 'other' },
        { name: 'Jane Austen Society. Korea Branch', role: 'compiler' },
      ])
      expect(report.unknownRoles).toEqual([{ role: 'grand poobah.', count: 2 }, { role: 'zzz', count: 1 }])
      expect(report.corrections.map((c) => c.message)).toContain('700$4/$e: "grand poobah." is not a relator Colophon reads; Ha Park is kept as other')
    })

    it('CSV: role words in any language in the contributors column; an unknown one is kept as other and counted', async () => {
      const report = reports.get('csv')!
      expect(report.counts).toMatchObject({ created: 1, rejected: 0 })
      expect((await book('9788954651134')).contributors).toEqual([
        { name: '한강', role: 'author' }, { name: 'Deborah Smith', role: 'translator' }, { name: '김감수', role: 'supervisor' }, { name: 'Someone', role: 'other' },
      ])
      expect(report.unknownRoles).toEqual([{ role: 'Jr.', count: 1 }])
    })

    it('the page names each role in Korean and English, and the ONIX export writes each role back as its list-17 code', async () => {
      const app = testApp(store)
      const ko = await (await app.request('/books/9788937460449')).text()
      for (const word of ['서문', '서론', '옮김', '감수']) expect(ko).toContain(`<span class="role">${word}</span>`)
      const en = await (await app.request('/books/9788937460449?lang=en')).text()
      for (const word of ['Foreword', 'Introduction', 'Translator', 'Consultant']) expect(en).toContain(`<span class="role">${word}</span>`)
      let xml = ''
      for await (const chunk of onixMessage(store.catalog.allBooks())) xml += chunk
      for (const code of ['A23', 'A24', 'B20', 'C01']) expect(xml).toContain(`<ContributorRole>${code}</ContributorRole>`)
      const again = await testStore(dialect)
      try {
        await again.importer.importFile('export.xml', bytesOf(xml), { user: 'test' })
        for (const isbn of ['9788937460449', '9780306406157', '9788954651134']) {
          const [copy] = await again.catalog.findBooks([isbn as Book['isbn13']])
          expect(copy!.contributors).toEqual((await book(isbn)).contributors)
        }
      } finally {
        await again.cleanup()
      }
    })

    it.skipIf(!shared)('real feeds: Global Bookinfo\'s introduction (A24) and DILICOM\'s preface (A15), illustrations (A35) and translator', async () => {
      const real = await testStore(dialect)
      try {
        for (const f of ['jonix/single-book-onix3.xml', 'dilicom/Sample_ONIX_3.0.xml']) await real.importer.importFile(f, openInput(join(shared!, 'onix', f)), { user: 'test' })
        const books = new Map((await real.catalog.findBooks(['9780007232833', '9782748904840', '9782501163385'] as Array<Book['isbn13']>)).map((b) => [b.isbn13 as string, b]))
        expect(books.get('9780007232833')!.contributors).toContainEqual({ name: 'Henning Mankell', role: 'introduction' })
        expect(books.get('9782748904840')!.contributors).toEqual([
          { name: 'Thomas Scanlon', role: 'author' }, { name: 'Thomas Piketty', role: 'foreword' }, { name: 'Victor Mardellat', role: 'translator' },
        ])
        expect(books.get('9782501163385')!.contributors).toContainEqual({ name: 'Samuel Figuières', role: 'illustrator' })
      } finally {
        await real.cleanup()
      }
    })
  })
}

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Book } from '../../src/catalog'
import { openInput, type FileReport } from '../../src/ingest'
import { readMarc } from '../../src/ingest/marc/iso2709'
import type { IncomingRecord } from '../../src/ingest/types'
import { testDialects } from '../dialects'
import { testApp, testStore, type TestStore } from '../helpers'
import { bytesOf, sharedFixtures } from '../support/ingest'

const shared = sharedFixtures()

/** A Korean record: the regular fields already in Hangul, the 880s in Hanja; and a Chinese one whose 880 is the publisher alone. */
const field = (tag: string, ind: string, subs: Array<[string, string]>) =>
  `<datafield tag="${tag}" ind1="${ind[0]}" ind2="${ind[1]}">${subs.map(([c, v]) => `<subfield code="${c}">${v}</subfield>`).join('')}</datafield>`
const MARCXML = `<?xml version="1.0" encoding="UTF-8"?>
<collection xmlns="http://www.loc.gov/MARC21/slim">
<record><leader>00000nam a2200000 i 4500</leader><controlfield tag="001">kor-880</controlfield>
${field('020', '  ', [['a', '9788937460777']])}
${field('100', '1 ', [['6', '880-01'], ['a', '정약용,'], ['e', '지음']])}
${field('245', '10', [['6', '880-02'], ['a', '목민심서 /'], ['c', '정약용 지음.']])}
${field('880', '1 ', [['6', '100-01/$1'], ['a', '丁若鏞,']])}
${field('880', '10', [['6', '245-02/$1'], ['a', '牧民心書 /']])}
</record>
<record><leader>00000nam a2200000 i 4500</leader><controlfield tag="001">chi-880</controlfield>
${field('020', '  ', [['a', '9787020002207']])}
${field('245', '10', [['6', '880-01'], ['a', 'Hong lou meng /'], ['c', 'Cao Xueqin zhu.']])}
${field('100', '1 ', [['6', '880-02'], ['a', 'Cao, Xueqin,'], ['d', 'ca. 1717-1763.']])}
${field('260', '  ', [['6', '880-03'], ['a', 'Beijing :'], ['b', 'Ren min wen xue chu ban she,'], ['c', '1982.']])}
${field('880', '10', [['6', '245-01/$1'], ['a', '红楼梦 /'], ['c', '曹雪芹著.']])}
${field('880', '1 ', [['6', '100-02/$1'], ['a', '曹雪芹,'], ['d', 'ca. 1717-1763.']])}
${field('880', '  ', [['6', '260-03/$1'], ['a', '北京 :'], ['b', '人民文学出版社,'], ['c', '1982.']])}
</record></collection>`

async function records(path: string): Promise<IncomingRecord[]> {
  const out: IncomingRecord[] = []
  for await (const r of readMarc(bytesOf(readFileSync(path)), path, () => {})) out.push(r)
  return out
}

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: MARC 880 alternate script`, () => {
    let store: TestStore
    let report: FileReport
    const book = async (isbn13: string): Promise<Book> => (await store.catalog.findBooks([isbn13 as Book['isbn13']]))[0]!
    const search = async (q: string) => (await store.search.search({ q, page: 1, pageSize: 20 })).books.items.map((b) => b.isbn13 as string)

    beforeAll(async () => {
      store = await testStore(dialect)
      report = await store.importer.importFile('scripts.xml', bytesOf(MARCXML), { user: 'test' })
    })
    afterAll(() => store.cleanup())

    it('shows the original script as title, names and publisher, and keeps the romanisation as an alternate', async () => {
      expect(report.counts).toMatchObject({ records: 2, created: 2, rejected: 0 })
      expect(await book('9787020002207')).toMatchObject({
        title: '红楼梦', contributors: [{ name: '曹雪芹', role: 'author' }], publisher: '人民文学出版社',
        alternateForms: { titles: ['Hong lou meng'], names: ['Xueqin Cao', 'Ren min wen xue chu ban she'] },
      })
    })

    it('keeps a Korean record in Hangul, its Hanja form an alternate', async () => {
      expect(await book('9788937460777')).toMatchObject({ title: '목민심서', contributors: [{ name: '정약용', role: 'author' }], alternateForms: { titles: ['牧民心書'], names: ['丁若鏞'] } })
    })

    it('finds the book by its romanised title and names, and the page shows the original with the romanisation under it', async () => {
      expect(await search('Hong lou meng')).toEqual(['9787020002207'])
      expect(await search('Cao Xueqin')).toEqual(['9787020002207'])
      expect(await search('红楼梦')).toContain('9787020002207')
      expect(await search('牧民心書')).toEqual(['9788937460777'])
      const page = await (await testApp(store).request('/books/9787020002207?lang=en')).text()
      expect(page).toContain('<h1 id="book-title">红楼梦</h1>')
      expect(page).toContain('<p class="alt-title romanised">Romanised title: Hong lou meng</p>')
      expect(await (await testApp(store).request('/books/9787020002207')).text()).toContain('로마자 표기: Hong lou meng')
    })

    it('re-importing the same records changes nothing', async () => {
      const again = await store.importer.importFile('scripts.xml', bytesOf(MARCXML), { user: 'test' })
      expect(again.counts).toMatchObject({ records: 2, unchanged: 2, updated: 0 })
    })

    it.skipIf(!shared)('real records: a Chinese and a Taiwanese book with their 880s, imported', async () => {
      const real = await testStore(dialect)
      try {
        const files = ['openlibrary/bin_input/880_alternate_script.mrc', 'marc4j/oclc_63111280_export_as_UTF8_from_connexion.mrc']
        for (const f of files) expect((await real.importer.importFile(f, openInput(join(shared!, 'marc', f)), { user: 'test' })).rejected).toEqual([])
        const found = new Map((await real.catalog.findBooks(['9787508617725', '9789867271037'] as Array<Book['isbn13']>)).map((b) => [b.isbn13 as string, b]))
        // 245 "Qiaobusi de mi mi ri ji" ↔ 880 乔布斯的秘密日记; 260 ↔ 880 中信出版社; 700 Liu, Ning ↔ 880 刘宁; 100 Lyons has no 880.
        expect(found.get('9787508617725')).toMatchObject({
          title: '乔布斯的秘密日记', publisher: '中信出版社', contributors: [{ name: 'Daniel Lyons', role: 'author' }, { name: '刘宁', role: 'other' }],
          alternateForms: { titles: ['Qiaobusi de mi mi ri ji'], names: ['Zhong xin chu ban she', 'Ning Liu'] },
        })
        expect(found.get('9789867271037')).toMatchObject({ title: '日本民俗·信仰·藝能·與中國文化', publisher: '大新書局', contributors: [{ name: '葉漢鰲', role: 'author' }] })
        expect(await real.search.search({ q: 'Qiaobusi', page: 1, pageSize: 5 }).then((r) => r.books.items.map((b) => b.isbn13))).toEqual(['9787508617725'])
      } finally {
        await real.cleanup()
      }
    })
  })
}

describe.skipIf(!shared)('880 in real records that are not imported whole', () => {
  it('Japanese, Arabic, Hebrew and Greek original script; an undecodable 880 leaves the romanisation, with a note', async () => {
    // The publisher only in an unlinked 880 (260-00); the title's 880 is Hebrew. (Its ISBN's check digit is wrong: the import rightly refuses it.)
    const [hebrew] = await records(join(shared!, 'marc/openlibrary/bin_input/880_publisher_unlinked.mrc'))
    expect(hebrew!.fields).toMatchObject({ title: 'זה גדול!', subtitle: 'ספר על הדברים הגדולים באמת', publisher: 'כנרת', alternateForms: { titles: ['Zeh gadol?'] } })
    const [nihon] = await records(join(shared!, 'marc/openlibrary/bin_input/880_Nihon_no_chasho.mrc'))
    expect(nihon!.fields).toMatchObject({ title: '日本 の 茶書', publisher: '平凡社', alternateForms: { titles: ['Nihon no chasho'] } })
    expect((nihon!.fields.contributors as Array<{ name: string }>).map((c) => c.name)).toEqual(['林屋 辰三郎', '横井 清', '楢林 忠男'])
    const [arabic] = await records(join(shared!, 'marc/openlibrary/bin_input/880_arabic_french_many_linkages.mrc'))
    expect(arabic!.fields).toMatchObject({ title: 'انتقال الأفكار و التقنيات في المغارب و العالم المتوسطي' })
    const greek = await records(join(shared!, 'marc/marc4j/greekmissingcharsetchange.mrc'))
    expect(greek[2]!.fields.publisher).toMatch(/^Υπουργείο Πολιτισμου/)
    const chinese = await records(join(shared!, 'marc/marc4j/chinese_mangled_multibyte.mrc'))
    expect(chinese[3]!.fields).toMatchObject({ title: '車輪滾滾', publisher: '齐鲁音像出版社' })
    // The first copy's 880s are mangled past reading (U+FFFD): the romanised title stays, and the report says why.
    expect(chinese[0]!.fields.title).toMatch(/^Che lun gun gun/)
    expect(chinese[0]!.corrections).toContain('880 $6 245-01: the original script could not be read; the 245 as written kept')
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isbn13FromPrefix, parseBookInput, type CatalogChange, type StaffListQuery, type StaffSort } from '../../src/catalog'
import { sortFew, walkSorted } from '../../src/catalog/repo/staff-list'
import { branchesOf } from '../../src/catalog/repo/staff-list-filter'
import { demoCategories } from '../../src/demo/categories'
import { testDialects } from '../dialects'
import { testStore, type TestStore } from '../helpers'
import { bytesOf } from '../support/ingest'

const isbn = (n: number) => isbn13FromPrefix(`97911000${String(n).padStart(4, '0')}`)
const [A, B, C, D] = [1, 2, 3, 4].map(isbn) as string[] as [string, string, string, string]
const ZETAS = [5, 6, 7, 8, 9, 10].map(isbn)
const editor = { actor: 'staff:test', actorName: 'Test', via: 'bulk' }

const book = (isbn13: string, fields: Record<string, unknown>) =>
  parseBookInput({ isbn13, format: 'paperback', currency: 'KRW', descriptionHtml: '<p>About it.</p>', toc: [{ kind: 'chapter', number: '1', title: 'One' }], coverUrl: 'https://covers.example/c.jpg', ...fields })

/** Known answers: A–D differ in every filtered field; six Zetas make pages. */
const BOOKS = [
  book(A, { title: 'Alpha', contributors: [{ name: '김철수', role: 'author' }], listPrice: 10000, salePrice: 9000, stock: 0, categoryIds: ['history-world'], issuedOn: '2020-01-01' }),
  book(B, { title: 'Beta', contributors: [{ name: 'Kim Lee', role: 'author' }], listPrice: 20000, salePrice: 15000, stock: 5, coverUrl: null, toc: [], categoryIds: ['fiction-korean'], issuedOn: '2021-06-01' }),
  book(C, { title: '가나다', contributors: [{ name: '이영희', role: 'author' }], listPrice: 15000, stock: 3, onSale: false, descriptionHtml: null, categoryIds: [], issuedOn: '2019-03-03' }),
  book(D, { title: 'Delta', listPrice: null, stock: 100, categoryIds: ['history-korea'] }),
  ...ZETAS.map((z, i) => book(z, { title: `Zeta ${i + 1}`, listPrice: 12000 + i * 1000, stock: 50, categoryIds: ['science-popular'], issuedOn: `2022-0${i + 1}-01` })),
]

const onix = (isbn13: string) => `<?xml version="1.0"?>
<ONIXMessage release="3.0" xmlns="http://ns.editeur.org/onix/3.0/reference"><Header><Sender><SenderName>Test</SenderName></Sender><SentDateTime>20260101</SentDateTime></Header>
<Product><RecordReference>r1</RecordReference><NotificationType>03</NotificationType><ProductIdentifier><ProductIDType>15</ProductIDType><IDValue>${isbn13}</IDValue></ProductIdentifier>
<DescriptiveDetail><ProductComposition>00</ProductComposition><ProductForm>BC</ProductForm><TitleDetail><TitleType>01</TitleType><TitleElement><TitleElementLevel>01</TitleElementLevel><TitleText>Alpha</TitleText></TitleElement></TitleDetail><Contributor><SequenceNumber>1</SequenceNumber><ContributorRole>A01</ContributorRole><PersonName>김철수</PersonName></Contributor></DescriptiveDetail></Product>
</ONIXMessage>`

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: the back office's books list`, () => {
    let store: TestStore
    let runId = 0
    const isbnsOf = async (query: StaffListQuery) => (await store.catalog.staffList({ pageSize: 100, ...query })).rows.map((r) => r.isbn13).sort()

    beforeAll(async () => {
      store = await testStore(dialect)
      await store.catalog.saveCategories(demoCategories())
      await store.catalog.saveBooks(BOOKS)
      runId = (await store.importer.importFile('feed.xml', bytesOf(onix(A)), { user: 'test' })).runId
    })
    afterAll(() => store?.cleanup())

    it('answers each filter with exactly the books it names', async () => {
      expect(await isbnsOf({})).toEqual([A, B, C, D, ...ZETAS].sort())
      expect(await isbnsOf({ missing: ['cover'] })).toEqual([B])
      expect(await isbnsOf({ missing: ['description'] })).toEqual([C])
      expect(await isbnsOf({ missing: ['toc'] })).toEqual([B])
      expect(await isbnsOf({ missing: ['category'] })).toEqual([C])
      expect(await isbnsOf({ offSale: true })).toEqual([C])
      expect(await isbnsOf({ stockAtMost: 3 })).toEqual([A, C].sort())
      expect(await isbnsOf({ priceLaw: true })).toEqual([B])
      expect(await isbnsOf({ importRun: runId })).toEqual([A])
      expect(await isbnsOf({ category: 'history' })).toEqual([A, D].sort())
      expect(await isbnsOf({ category: 'history', stockAtMost: 10 })).toEqual([A])
      expect(await isbnsOf({ missing: ['cover', 'toc'], priceLaw: true })).toEqual([B])
    })

    it('reads the search box as an ISBN, the start of one, or the start of a title or contributor', async () => {
      const hyphenated = `${A.slice(0, 3)}-${A.slice(3, 5)}-${A.slice(5, 12)}-${A.slice(12)}`
      expect(await isbnsOf({ text: hyphenated })).toEqual([A])
      expect(await isbnsOf({ text: A.slice(0, 11) })).toEqual([A, B, C, D, ...ZETAS.slice(0, 5)].sort())
      expect(await isbnsOf({ text: 'Zeta' })).toEqual([...ZETAS].sort())
      expect(await isbnsOf({ text: '김' })).toEqual([A])
      expect(await isbnsOf({ text: 'Kim' })).toEqual([B])
      expect(await isbnsOf({ text: 'Nothing like it' })).toEqual([])
    })

    it('sorts by each key both ways, the ISBN breaking ties, and pages by cursor to the end', async () => {
      const firstTitles = async (sort: StaffSort, isDescending = false) => (await store.catalog.staffList({ sort, isDescending, pageSize: 3 })).rows.map((r) => r.title)
      expect(await firstTitles('title')).toEqual(['Alpha', 'Beta', 'Delta'])
      expect(await firstTitles('title', true)).toEqual(['가나다', 'Zeta 6', 'Zeta 5'])
      expect(await firstTitles('price', true)).toEqual(['Zeta 6', 'Zeta 5', 'Zeta 4'])
      expect(await firstTitles('price')).toEqual(['Delta', 'Alpha', 'Zeta 1'])
      expect(await firstTitles('stock')).toEqual(['Alpha', '가나다', 'Beta'])
      expect(await firstTitles('issued')).toEqual(['Delta', '가나다', 'Alpha'])
      expect(await firstTitles('isbn', true)).toEqual(['Zeta 6', 'Zeta 5', 'Zeta 4'])
      const seen: string[] = []
      let page = await store.catalog.staffList({ sort: 'stock', pageSize: 4 })
      expect(page.total).toBe(10)
      for (;;) {
        seen.push(...page.rows.map((r) => r.isbn13))
        if (!page.next) break
        page = await store.catalog.staffList({ sort: 'stock', pageSize: 4, cursor: page.next })
      }
      expect(page.page).toBe(3)
      expect(seen).toEqual([A, C, B, ...ZETAS, D])
    })

    it('walks a sort index and sorts the few matches in the same order, whichever the list takes', async () => {
      for (const sort of ['title', 'isbn', 'price', 'stock', 'issued', 'updated'] as const) {
        for (const isDescending of [false, true]) {
          const pages = async (fetch: typeof sortFew) => {
            const out: string[] = []
            for (let after: { key: string | number; isbn13: string } | null = null; ; ) {
              const keys = await fetch(store.store.db, {}, { sort, isDescending }, after, 3)
              out.push(...keys.map((k) => k.isbn13))
              if (keys.length < 3) return out
              after = keys.at(-1)!
            }
          }
          const walked = await pages(walkSorted)
          expect(walked).toHaveLength(10)
          expect(await pages(sortFew)).toEqual(walked)
        }
      }
    })

    it('finds each branch of a filter alike from its driver and along every sort index', async () => {
      const history = ['history', 'history-world', 'history-korea', 'history-asia', 'history-europe']
      const filters = [
        { categoryIds: history },
        { categoryIds: history, stockAtMost: 10 },
        { importRun: runId },
        { importRun: runId, categoryIds: history },
        { text: { kind: 'prefix' as const, value: '김' } },
        { text: { kind: 'prefix' as const, value: 'Zeta' }, stockAtMost: 50 },
        { text: { kind: 'isbnPrefix' as const, value: A.slice(0, 11) }, missing: ['cover' as const] },
        { missing: ['category' as const], offSale: true },
        { stockAtMost: 3, categoryIds: ['fiction-korean', 'history-world'] },
      ]
      for (const filter of filters) {
        for (const b of branchesOf(filter)) {
          for (const sort of ['title', 'isbn', 'price', 'stock'] as const) {
            const pages = async (fetch: typeof sortFew) => {
              const out: string[] = []
              for (let after: { key: string | number; isbn13: string } | null = null; ; ) {
                const keys = await fetch(store.store.db, b, { sort, isDescending: sort === 'price' }, after, 2)
                out.push(...keys.map((k) => k.isbn13))
                if (keys.length < 2) return out
                after = keys.at(-1)!
              }
            }
            expect(await pages(walkSorted), `${JSON.stringify(b)} by ${sort}`).toEqual(await pages(sortFew))
          }
        }
      }
      expect(await isbnsOf({ category: 'history', importRun: runId })).toEqual([A])
      expect(await isbnsOf({ text: 'Zeta', stockAtMost: 50 })).toEqual([...ZETAS].sort())
    })

    it('refuses a cursor it did not give out', async () => {
      await expect(store.catalog.staffList({ cursor: 'not-a-cursor' })).rejects.toThrow(/cursor/)
    })

    it('applies a bulk action to chosen books, refusing by the price law with the reason, and drops their cached pages', async () => {
      const changed: CatalogChange[] = []
      store.catalog.onChange((change) => changed.push(change))
      const result = await store.catalog.bulkEdit({ kind: 'salePrice', salePrice: 12600 }, { isbns: [A, C, ZETAS[1]!, ZETAS[2]!, 'nonsense'] }, editor)
      expect(result.applied.sort()).toEqual([ZETAS[1], ZETAS[2]].sort())
      expect(result.refused).toHaveLength(3)
      expect(result.refused).toEqual(
        expect.arrayContaining([
          { isbn13: C, field: 'salePrice', error: { code: 'price_law', params: { salePrice: 12600, minimum: 13500 } } },
          { isbn13: A, field: 'salePrice', error: expect.objectContaining({ code: 'sale_above_list' }) },
          { isbn13: 'nonsense', field: 'isbn13', error: { code: 'invalid_isbn', params: { value: 'nonsense' } } },
        ]),
      )
      expect((await store.catalog.getBook(A as never)).salePrice).toBe(9000)
      expect((await store.catalog.getBook(C as never)).salePrice).toBe(null)
      expect((await store.catalog.getBook(ZETAS[2] as never)).salePrice).toBe(12600)
      expect(changed.flatMap((c) => (c.isbns === 'all' ? [] : c.isbns)).sort()).toEqual([ZETAS[1], ZETAS[2]].sort())
    })

    it('moves or adds books to a category, and takes every book a filter matches off sale', async () => {
      await store.catalog.bulkEdit({ kind: 'category', categoryId: 'history-asia', mode: 'add' }, { isbns: [A] }, editor)
      await store.catalog.bulkEdit({ kind: 'category', categoryId: 'history-asia', mode: 'replace' }, { isbns: [D] }, editor)
      expect((await store.catalog.getBook(A as never)).categoryIds).toEqual(['history-asia', 'history-world'])
      expect((await store.catalog.getBook(D as never)).categoryIds).toEqual(['history-asia'])
      const result = await store.catalog.bulkEdit({ kind: 'onSale', onSale: false }, { filter: { category: 'science' } }, editor)
      expect(result.applied.sort()).toEqual([...ZETAS].sort())
      expect(await isbnsOf({ offSale: true })).toEqual([C, ...ZETAS].sort())
      await expect(store.catalog.bulkEdit({ kind: 'category', categoryId: 'nowhere', mode: 'add' }, { isbns: [A] }, editor)).rejects.toThrow(/nowhere/)
    })

    it('counts and lists once a book whose title and contributor both start with the text, in order across pages', async () => {
      const [K1, K2] = [11, 12].map(isbn) as string[] as [string, string]
      await store.catalog.saveBooks([book(K1, { title: 'Kimchi Days', contributors: [{ name: 'Kim Lee', role: 'author' }] }), book(K2, { title: 'Kimono' })])
      const walk = async (isDescending: boolean) => {
        const titles: string[] = []
        let page = await store.catalog.staffList({ text: 'Kim', pageSize: 1, isDescending })
        expect(page.total).toBe(3)
        for (;;) {
          titles.push(...page.rows.map((r) => r.title))
          if (!page.next) return titles
          page = await store.catalog.staffList({ text: 'Kim', pageSize: 1, isDescending, cursor: page.next })
        }
      }
      expect(await walk(false)).toEqual(['Beta', 'Kimchi Days', 'Kimono'])
      expect(await walk(true)).toEqual(['Kimono', 'Kimchi Days', 'Beta'])
      expect((await store.catalog.staffList({ text: 'Kim' })).rows.map((r) => r.title)).toEqual(['Beta', 'Kimchi Days', 'Kimono'])
      expect((await store.catalog.staffList({ text: 'Kimo' })).total).toBe(1)
    })
  })
}

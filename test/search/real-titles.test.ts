import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDialects } from '../dialects'
import { testStore, type TestStore } from '../helpers'
import { sharedFixtures } from '../support/ingest'
import { koreanTitles, loadRealTitles, realTitles } from '../support/goodbooks'

// The queries readers type and the book they mean, written before ranking was tuned: goodbooks-10k's real
// titles show what the generated catalog hides (companions, box sets and other books sharing the words).
const fixtures = sharedFixtures()
const HARRY_POTTER_NOVEL = /^Harry Potter and the .+ \(Harry Potter, #[1-7]\)$/

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip || !fixtures)(`${dialect.name}: search over real titles (goodbooks-10k)`, () => {
    let store: TestStore
    const search = (q: string) => store.search.search({ q, page: 1, pageSize: 10 })
    const titles = async (q: string) => (await search(q)).books.items.map((b) => b.title)

    beforeAll(async () => {
      store = await testStore(dialect)
      const books = realTitles(fixtures!)
      expect(books.length).toBeGreaterThan(9200)
      await loadRealTitles(store, books, koreanTitles())
    }, 240_000)
    afterAll(async () => {
      await store?.cleanup()
    })

    it('"harry potter" puts the novels first, not the film book or the box sets', async () => {
      const found = await titles('harry potter')
      expect(found.slice(0, 3).every((t) => HARRY_POTTER_NOVEL.test(t)), found.join(' | ')).toBe(true)
      expect(found[0]).toBe("Harry Potter and the Sorcerer's Stone (Harry Potter, #1)")
    })

    it('"twilight" puts the novel first, "dune" puts Dune first', async () => {
      expect((await titles('twilight'))[0]).toBe('Twilight (Twilight, #1)')
      expect((await titles('dune'))[0]).toBe('Dune (Dune Chronicles #1)')
    })

    it('tolerates a typo in a four-letter word beside another word: "hary potter"', async () => {
      const result = await search('hary potter')
      expect(HARRY_POTTER_NOVEL.test(result.books.items[0]?.title ?? ''), result.books.items.map((b) => b.title).join(' | ')).toBe(true)
      expect(result.didYouMean).toBe('harry potter')
    })

    it('"harry poter" finds the books and means potter, which goes with harry, not peter', async () => {
      const result = await search('harry poter')
      expect(HARRY_POTTER_NOVEL.test(result.books.items[0]?.title ?? '')).toBe(true)
      expect(result.didYouMean).toBe('harry potter')
    })

    it('finds Korean titles misspelt a letter off, and says what it searched', async () => {
      const react = await search('리엑트')
      expect(react.books.items.map((b) => b.title)).toContain('리액트 프로그래밍 정석')
      expect(react.didYouMean).toBe('리액트')
      const ts = await search('타입스크립드')
      expect(ts.books.items.map((b) => b.title)).toEqual(expect.arrayContaining(['타입스크립트 프로그래밍', '이펙티브 타입스크립트']))
      expect(ts.didYouMean).toBe('타입스크립트')
    })

    it('applies a synonym staff keep (자스 → 자바스크립트) from the moment it is saved', async () => {
      expect((await search('자스')).books.total).toBe(0)
      await store.search.synonyms.set('자스', '자바스크립트', { actor: 'staff:test', actorName: 'Test', via: 'test' })
      const found = await titles('자스')
      expect(found.slice(0, 2).sort()).toEqual(['모던 자바스크립트 입문', '자바스크립트 완벽 가이드'])
      expect((await store.audit.history('synonym', '자스'))[0]).toMatchObject({ action: 'create', recordType: 'synonym' })
      await store.search.synonyms.remove('자스', { actor: 'staff:test', actorName: 'Test', via: 'test' })
      expect((await search('자스')).books.total).toBe(0)
    })
  })
}

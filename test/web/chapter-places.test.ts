import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseIsbn } from '../../src/catalog'
import { onixMessage } from '../../src/ingest'
import { bookToForm } from '../../src/web/routes/admin/book-form'
import { testDialects } from '../dialects'
import { testApp, testStore, type TestStore } from '../helpers'
import { bytesOf } from '../support/ingest'
import { staffApp, staffShopper } from '../support/staff'

const SEED = parseIsbn('9788962633245')
const listed = (page: string) => [...page.matchAll(/<li><a href="#toc-\d+">[^<]*<\/a>: ([^<]*), <time/g)].map((m) => m[1])

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: a chapter's place and year, set by staff`, { timeout: 60_000 }, () => {
    let store: TestStore
    beforeAll(async () => {
      store = await testStore(dialect, { demoBooks: 2 })
    })
    afterAll(() => store?.cleanup())

    it('fixes what the title says, shows on the product page, and stays over the next import of the book', async () => {
      const before = listed(await (await testApp(store).request(`/books/${SEED}`)).text())
      expect(before).toHaveLength(12)
      expect(before[5]).toBe('Moscow')
      const member = await staffShopper(staffApp(store), store, 'catalog')
      const form = bookToForm(await store.catalog.getBook(SEED))
      const moscow = Object.keys(form).find((k) => form[k] === 'Moscow 1950: Pledge of Friendship')!.replace('.title', '')
      const damansky = Object.keys(form).find((k) => form[k]?.startsWith('Damansky 1969'))!.replace('.title', '')
      const saved = await member.post(`/admin/books/${SEED}`, { ...form, [`${moscow}.place`]: '-', [`${damansky}.place`]: 'Zhenbao Island @ 46.49, 133.84', [`${damansky}.year`]: '1969' })
      expect(saved.status).toBe(303)
      const after = listed(await (await testApp(store).request(`/books/${SEED}`)).text())
      expect(after).toHaveLength(11)
      expect(after).not.toContain('Moscow')
      expect(after).toContain('Zhenbao Island')

      // A year that is not one is named as the contents' fault, and nothing is saved.
      const bad = await member.post(`/admin/books/${SEED}?lang=en`, { ...bookToForm(await store.catalog.getBook(SEED)), [`${moscow}.year`]: 'soon' })
      expect(bad.status).toBe(400)
      expect(await bad.text()).toContain('href="#f-toc"')

      // The publisher's feed sends the book again, contents without places: staff's fixes stay.
      const book = await store.catalog.getBook(SEED)
      const plain = { ...book, toc: book.toc.map(({ place: _p, year: _y, ...e }) => e) }
      let xml = ''
      for await (const chunk of onixMessage((async function* () { yield plain })())) xml += chunk
      const report = await store.importer.importFile('feed.xml', bytesOf(xml), { user: 'test' })
      expect(report.counts.rejected).toBe(0)
      const kept = (await store.catalog.getBook(SEED)).toc
      expect(kept.find((e) => e.title.startsWith('Moscow'))?.place).toBe('-')
      expect(kept.find((e) => e.title.startsWith('Damansky'))).toMatchObject({ place: 'Zhenbao Island @ 46.49, 133.84', year: 1969 })
      expect(listed(await (await testApp(store).request(`/books/${SEED}`)).text())).toEqual(after)
    })
  })
}

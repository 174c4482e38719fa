import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bookToInput, type Book, type BookInput } from '../../src/catalog'
import { onixMessage, openInput } from '../../src/ingest'
import { testDialects } from '../dialects'
import { testStore, type TestStore } from '../helpers'
import { bytesOf, sharedFixtures } from '../support/ingest'

const shared = sharedFixtures()

/**
 * Fields that cannot survive an ONIX export and re-import, each with why.
 * Every other field of every book must come back as it was.
 */
const CANNOT_SURVIVE: Partial<Record<keyof BookInput, string>> = {
  alternateForms:
    'the romanised titles and names of MARC 880 records are kept as flat lists, not tied to the contributor or publisher each one romanises; ' +
    'ONIX carries an alternative name only inside its own Contributor (AlternativeName), so the export cannot place them',
}

function feeds(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(xml|mrc|dat|marc|usmarc)$/.test(e.name) && !e.parentPath.includes('schema') && !e.parentPath.includes('loc-codetables'))
    .map((e) => join(e.parentPath, e.name))
    .sort()
}

async function* each(books: Book[]): AsyncGenerator<Book> {
  yield* books
}

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip || !shared)(`${dialect.name}: import → export → import gives the same catalog, file by file, field by field`, () => {
    let a: TestStore
    let b: TestStore
    beforeAll(async () => {
      ;[a, b] = await Promise.all([testStore(dialect), testStore(dialect)])
    })
    afterAll(async () => {
      await Promise.all([a.cleanup(), b.cleanup()])
    })

    it('every ONIX and MARC file in ../shared/fixtures', { timeout: 300_000 }, async () => {
      const files = [...feeds(join(shared!, 'onix')), ...feeds(join(shared!, 'marc'))]
      expect(files.length).toBeGreaterThan(60)
      const lost: string[] = []
      let compared = 0
      for (const file of files) {
        const name = relative(shared!, file)
        const report = await a.importer.importFile(name, openInput(file), { user: 'test' })
        const isbns = (await a.store.db.selectFrom('import_run_book').select('isbn13').where('run_id', '=', report.runId).execute()).map((r) => r.isbn13)
        if (isbns.length === 0) continue
        const before = await a.catalog.findBooks(isbns)
        let xml = ''
        for await (const chunk of onixMessage(each(before))) xml += chunk
        const again = await b.importer.importFile(`${name}.export.xml`, bytesOf(xml), { user: 'test' })
        expect(again.counts.rejected, `${name}: ${JSON.stringify(again.rejected.slice(0, 3))}`).toBe(0)
        const after = new Map((await b.catalog.findBooks(isbns)).map((book) => [book.isbn13, bookToInput(book)]))
        for (const book of before.map(bookToInput)) {
          const back = after.get(book.isbn13)
          if (!back) {
            lost.push(`${name} ${book.isbn13}: not imported again`)
            continue
          }
          for (const field of Object.keys(book) as Array<keyof BookInput>) {
            if (field in CANNOT_SURVIVE) continue
            compared++
            if (JSON.stringify(back[field]) !== JSON.stringify(book[field])) lost.push(`${name} ${book.isbn13} ${field}: ${JSON.stringify(book[field])?.slice(0, 120)} → ${JSON.stringify(back[field])?.slice(0, 120)}`)
          }
        }
      }
      expect(compared).toBeGreaterThan(150 * 20)
      expect(lost).toEqual([])
    })

    it('a discontinued MARC language code ("ser") is exported as its successor and comes back', async () => {
      const isbn = '9791199999312'
      const marc = `<?xml version="1.0"?><collection xmlns="http://www.loc.gov/MARC21/slim"><record><leader>00000nam a2200000 a 4500</leader>
<controlfield tag="008">850101s1985    yu            000 0 ser d</controlfield>
<datafield tag="020" ind1=" " ind2=" "><subfield code="a">${isbn}</subfield></datafield>
<datafield tag="245" ind1="0" ind2="0"><subfield code="a">Na Drini ćuprija</subfield></datafield></record></collection>`
      const report = await a.importer.importFile('ser.xml', bytesOf(marc), { user: 'test', format: 'marcxml' })
      expect(report.corrections.map((c) => c.message)).toContain('008/35-37: discontinued MARC language code "ser" read as its successor "srp"')
      const [book] = await a.catalog.findBooks([isbn])
      expect(book!.language).toBe('srp')
      let xml = ''
      for await (const chunk of onixMessage(each([book!]))) xml += chunk
      expect(xml).toContain('<LanguageCode>srp</LanguageCode>')
      await b.importer.importFile('ser.export.xml', bytesOf(xml), { user: 'test' })
      expect((await b.catalog.findBooks([isbn]))[0]!.language).toBe('srp')
    })
  })
}

import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bookToInput, parseBookInput, type Book, type CatalogService } from '../../src/catalog'
import { generatedBook, seedBook } from '../../src/demo'
import { csvTable, onixMessage, openInput } from '../../src/ingest'
import type { Services } from '../../src/cli/services'
import { bytesOf, fixture, importSetup, sharedFixtures } from '../support/ingest'
import { testDialects } from '../dialects'

const shared = sharedFixtures()
const dir = mkdtempSync(join(tmpdir(), 'colophon-export-'))

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let out = ''
  for await (const c of chunks) out += c
  return out
}
const withoutStamp = (xml: string) => xml.replace(/<SentDateTime>[^<]*<\/SentDateTime>/, '')

async function allBooks(catalog: CatalogService): Promise<Book[]> {
  const out: Book[] = []
  for await (const b of catalog.allBooks(7)) out.push(b)
  return out
}

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: export`, () => {
    let source: Services
    let onix: string

    beforeAll(async () => {
      source = await importSetup(dialect)
      for (const f of ['onix/sample.xml', 'onix/short-no-header.xml', 'onix/latin1.xml', 'marc/sample.xml', 'csv/books.csv', 'onix/delete.xml']) {
        await source.importer.importFile(f, openInput(fixture(f)), { user: 'test' })
      }
      await source.catalog.saveBooks([parseBookInput({ ...seedBook, isbn13: '9791100000120' }), ...Array.from({ length: 20 }, (_, i) => generatedBook(i + 1))])
      onix = await collect(onixMessage(source.catalog.allBooks()))
    })
    afterAll(() => source.store.close())

    it('writes every book as an ONIX product', async () => {
      expect(onix.match(/<Product>/g)).toHaveLength(await source.catalog.countBooks())
      expect(onix).toContain('<IDValue>9788962633245</IDValue>')
    })

    it.skipIf(!shared)('validates against the ONIX 3.0 reference XSD (xmllint)', () => {
      const file = join(dir, 'export.xml')
      writeFileSync(file, onix)
      const xsd = join(shared!, 'onix-xsd/3.0/ONIX_BookProduct_3.0_reference.xsd')
      const out = execFileSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
      expect(out).toBe('')
    })

    it('import → export → import gives the same catalog', async () => {
      const target = await importSetup(dialect)
      const report = await target.importer.importFile('export.xml', bytesOf(onix), { user: 'test' })
      expect(report.counts.rejected).toBe(0)
      const [a, b] = [await allBooks(source.catalog), await allBooks(target.catalog)]
      expect(b.map(bookToInput)).toEqual(a.map(bookToInput))
      expect(withoutStamp(await collect(onixMessage(target.catalog.allBooks())))).toBe(withoutStamp(onix))
      const again = await target.importer.importFile('export.xml', bytesOf(onix), { user: 'test' })
      expect(again.counts.unchanged).toBe(again.counts.records)
      await target.store.close()
    })

    it('CSV export → import round-trips every field', async () => {
      const csv = await collect(csvTable(source.catalog.allBooks()))
      const target = await importSetup(dialect)
      const report = await target.importer.importFile('export.csv', bytesOf(csv), { user: 'test' })
      expect(report.counts.rejected).toBe(0)
      expect((await allBooks(target.catalog)).map(bookToInput)).toEqual((await allBooks(source.catalog)).map(bookToInput))
      expect(await collect(csvTable(target.catalog.allBooks()))).toBe(csv)
      await target.store.close()
    })
  })
}

import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { csvTable, openInput, type FileReport } from '../../src/ingest'
import { marc8ToUnicode } from '../../src/ingest/marc/marc8'
import { importSetup, sharedFixtures } from '../support/ingest'

const shared = sharedFixtures()

function feeds(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(xml|mrc|dat|marc|usmarc)$/.test(e.name) && !e.parentPath.includes('schema'))
    .map((e) => join(e.parentPath, e.name))
    .sort()
}

async function importOne(file: string): Promise<FileReport> {
  const { store, importer } = await importSetup()
  try {
    return await importer.importFile(relative(shared!, file), openInput(file), { user: 'test' })
  } finally {
    await store.close()
  }
}

describe.skipIf(!shared)('the shared sample feeds (../shared/fixtures)', () => {
  it('every ONIX and MARC sample imports with a report a person can act on', async () => {
    const files = [...feeds(join(shared!, 'onix')), ...feeds(join(shared!, 'marc'))]
    expect(files.length).toBeGreaterThan(60)
    for (const file of files) {
      const report = await importOne(file)
      // A file that is no catalog record at all (the MARC-8 code tables' XML) is named as of unknown format.
      if (report.status === 'failed') expect(report.error, file).toMatch(new RegExp(`^${relative(shared!, file).replace(/[.]/g, '\\.')}(:line \\d+|:byte \\d+|: unknown format)`))
      for (const r of report.rejected) {
        expect(r.record, file).toBeGreaterThan(0)
        expect(r.field, file).not.toBe('')
        expect(r.reason.length, file).toBeGreaterThan(10)
      }
      const c = report.counts
      expect(c.created + c.updated + c.unchanged + c.withdrawn + c.rejected, file).toBe(c.records)
    }
  })

  it('reads the DILICOM feed despite its wrong namespace, and rejects only for true reasons', async () => {
    const r = await importOne(join(shared!, 'onix/dilicom/Sample_ONIX_3.0.xml'))
    expect(r.counts).toMatchObject({ records: 105, created: 103, unchanged: 1, rejected: 1 })
    expect(r.corrections[0]!.message).toMatch(/wrong namespace "http:\/\/www\.editeur\.org\/onix\/3\.0\/reference"/)
    expect(r.rejected[0]).toMatchObject({ field: 'CollateralDetail/TextContent[TextType 10] (descriptionHeadline)' })
  })

  it('stops at the control characters of the bad-character sample, naming the line', async () => {
    const r = await importOne(join(shared!, 'onix/onix-data/Onix3sample_refnames_badchar.xml'))
    expect(r.status).toBe('failed')
    expect(r.error).toMatch(/:line 123, column \d+: disallowed character/)
    expect(r.corrections[0]!.message).toMatch(/byte-order mark/)
  })

  it('rejects placeholder and wrong-checksum ISBNs for that reason', async () => {
    const synthetic = await importOne(join(shared!, 'onix/onix-data/Sample-500-Products.xml'))
    expect(synthetic.counts.rejected).toBe(500)
    expect(new Set(synthetic.rejected.map((x) => x.reason))).toEqual(new Set(['"9999999999999" does not start with 978 or 979']))
    const hub = await importOne(join(shared!, 'onix/im_onix/9782707154298.xml'))
    expect(hub.rejected[0]!.reason).toMatch(/check digit of "9782707154298" is wrong/)
  })

  it('the block-update sample changes only the prices of the book it updates', async () => {
    const { store, catalog, importer } = await importSetup()
    await importer.importFile('full', openInput(join(shared!, 'onix/onix-data/Onix3sample_refnames.xml')), { user: 'test' })
    const [before] = await catalog.findBooks([(await catalog.allBooks().next()).value!.isbn13])
    const r = await importer.importFile('block', openInput(join(shared!, 'onix/onix-data/Onix3sample_refnames_blockupdate.xml')), { user: 'test' })
    expect(r.counts.updated).toBe(1)
    const [after] = await catalog.findBooks([before!.isbn13])
    expect({ ...after, listPrice: 0, salePrice: 0, currency: '', updatedAt: '' }).toEqual({ ...before, listPrice: 0, salePrice: 0, currency: '', updatedAt: '' })
    await store.close()
  })

  it('MARC-8 and UTF-8 copies of the same records give the same books', async () => {
    const exported: string[] = []
    for (const name of ['brkrtest.mrc', 'brkrtest_UTF8.mrc']) {
      const { store, catalog, importer } = await importSetup()
      await importer.importFile(name, openInput(join(shared!, 'marc/marc4j', name)), { user: 'test' })
      let csv = ''
      for await (const chunk of csvTable(catalog.allBooks())) csv += chunk
      exported.push(csv)
      await store.close()
    }
    expect(exported[0]!.split('\n').length).toBeGreaterThan(2)
    expect(exported[0]).toBe(exported[1])
  })

  it('converts every Latin line of the pymarc MARC-8 table to its UTF-8 twin', () => {
    const marc8 = readFileSync(join(shared!, 'marc/pymarc/test_marc8.txt'))
    const utf8 = readFileSync(join(shared!, 'marc/pymarc/test_utf8.txt'), 'utf8').split('\n')
    let start = 0
    let compared = 0
    for (let i = 0, line = 0; i < marc8.length; i++) {
      if (marc8[i] !== 0x0a) continue
      const bytes = marc8.subarray(start, i)
      if (!bytes.includes(0x1b)) {
        expect(marc8ToUnicode(bytes).text).toBe(utf8[line]!.normalize('NFC'))
        compared++
      }
      start = i + 1
      line++
    }
    expect(compared).toBeGreaterThan(50)
  })
})

import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseIsbn } from '../../src/catalog'
import { sqlite } from '../dialects'
import { testApp, testStore, toolAvailable, type TestStore } from '../helpers'
import { sharedFixtures } from '../support/ingest'

const SEED = parseIsbn('9788962633245')
const shared = sharedFixtures()
const OURS = resolve(import.meta.dirname, '..', 'fixtures', 'sitemaps')

/**
 * Sitemaps checked with xmllint against the sitemaps.org schemas. The core
 * schema lets other namespaces in only when their schema is known
 * (processContents="strict"), so the book files are checked with the two
 * extensions they use added: our schema of xhtml:link (hreflang alternates)
 * and of image:image, written from the search engines' documentation.
 */
describe.skipIf(!shared || !toolAvailable('xmllint', 'libxml2-utils'))('sqlite: sitemaps validate against the sitemaps.org schemas', () => {
  let store: TestStore
  let app: ReturnType<typeof testApp>
  const dir = mkdtempSync(join(tmpdir(), 'colophon-sitemaps-'))
  beforeAll(async () => {
    store = await testStore(sqlite, { demoBooks: 30 })
    const png = await sharp({ create: { width: 800, height: 1200, channels: 3, background: { r: 20, g: 60, b: 120 } } }).png().toBuffer()
    await store.catalog.setCover(SEED, { bytes: png, fileName: 'cover.png' }, 'test')
    app = testApp(store)
  })
  afterAll(() => store?.cleanup())

  /** xmllint's verdict on a file of ours against a schema. */
  function validate(name: string, body: string, schema: string) {
    const file = join(dir, name)
    writeFileSync(file, body)
    const run = spawnSync('xmllint', ['--noout', '--schema', schema, file], { encoding: 'utf8' })
    return { status: run.status, message: run.stderr.trim() }
  }

  it('the index and the category file against the core schemas', async () => {
    const index = await (await app.request('/sitemap.xml')).text()
    expect(validate('index.xml', index, join(shared!, 'sitemaps/siteindex.xsd'))).toEqual({ status: 0, message: `${join(dir, 'index.xml')} validates` })
    const categories = await (await app.request('/sitemaps/categories.xml')).text()
    expect(validate('categories.xml', categories, join(shared!, 'sitemaps/sitemap.xsd')).status).toBe(0)
  })

  it('the book files against the core schema with the xhtml:link and image extensions, with real change times and covers', async () => {
    const books = await (await app.request('/sitemaps/books-1.xml')).text()
    const wrapper = join(dir, 'sitemap-with-extensions.xsd')
    writeFileSync(
      wrapper,
      `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="http://www.sitemaps.org/schemas/sitemap/0.9" schemaLocation="${join(shared!, 'sitemaps/sitemap.xsd')}"/>
  <xsd:import namespace="http://www.w3.org/1999/xhtml" schemaLocation="${join(OURS, 'xhtml-link.xsd')}"/>
  <xsd:import namespace="http://www.google.com/schemas/sitemap-image/1.1" schemaLocation="${join(OURS, 'image.xsd')}"/>
</xsd:schema>`,
    )
    const verdict = validate('books-1.xml', books, wrapper)
    expect(verdict.message).toBe(`${join(dir, 'books-1.xml')} validates`)
    // Without the extensions' schemas the core schema refuses them: the check above is not vacuous.
    expect(validate('books-1-core.xml', books, join(shared!, 'sitemaps/sitemap.xsd')).status).not.toBe(0)

    const seed = await store.catalog.getBook(SEED)
    const entry = new RegExp(`<url><loc>http://localhost/books/${SEED}</loc><lastmod>([^<]+)</lastmod>.*?</url>`).exec(books)
    expect(entry?.[1]).toBe(seed.updatedAt)
    expect(entry?.[0]).toMatch(new RegExp(`<image:image><image:loc>http://localhost/covers/${SEED}-[0-9a-f]+-\\d+\\.webp</image:loc></image:image>`))
    // A book whose cover is generated carries no image entry.
    const other = books.split('<url>').find((u) => u.includes('/books/') && !u.includes(SEED))!
    expect(other).not.toContain('<image:image>')
  })
})

import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Book } from '../../src/catalog'
import { generatedBook } from '../../src/demo'
import { testDialects } from '../dialects'
import { demoStore } from './fixture'

interface Expectation {
  isbn?: string
  within?: number
  titlesContain?: string[]
  contributorsContain?: string
  publisherIs?: string
  top?: number
  minTotal?: number
  maxTotal?: number
  didYouMean?: string
}

const set = JSON.parse(readFileSync(new URL('./relevance.json', import.meta.url), 'utf8')) as {
  books: number
  minPassRate: number
  queries: Array<{ q: string; required?: boolean; expect: Expectation }>
}

const withIsbns = (s: string) => s.replace(/\{isbn:(\d+)\}/g, (_, n: string) => generatedBook(Number(n)).isbn13)
const fold = (s: string) => s.normalize('NFC').toLowerCase()
const titleText = (b: Book) => fold([b.title, b.subtitle, ...Object.values(b.translations).map((t) => t.title)].join(' '))

/** Why the query fails its expectation, or null when it passes. */
async function judge(store: Awaited<ReturnType<typeof demoStore>>, q: string, e: Expectation): Promise<string | null> {
  const top = e.top ?? e.within ?? 10
  const result = await store.search.search({ q, page: 1, pageSize: Math.max(top, 24) })
  const books = await Promise.all(result.books.items.slice(0, top).map((b) => store.catalog.getBook(b.isbn13)))
  if (e.isbn) {
    const at = result.books.items.findIndex((b) => b.isbn13 === withIsbns(e.isbn!))
    if (at < 0 || at >= e.within!) return `expected ${e.isbn} within ${e.within}, found at ${at < 0 ? 'none' : at + 1}`
  }
  if (e.titlesContain) {
    const has = books.map((b) => e.titlesContain!.every((t) => titleText(b).includes(fold(t))))
    if (!has[0]) return `first result "${books[0]?.title ?? 'none'}" lacks ${e.titlesContain.join(' + ')}`
    const firstMiss = has.indexOf(false)
    if (firstMiss >= 0 && has.lastIndexOf(true) > firstMiss) return `"${books[firstMiss]!.title}" (no match) ranks above a full match`
  }
  if (e.contributorsContain && !books[0]?.contributors.some((c) => fold(c.name).includes(e.contributorsContain!))) return `first result's people lack ${e.contributorsContain}`
  if (e.publisherIs && !books.slice(0, top).every((b) => b.publisher === e.publisherIs)) return `not all of the top ${top} are from ${e.publisherIs}`
  if (e.minTotal !== undefined && result.books.total < e.minTotal) return `${result.books.total} results, expected at least ${e.minTotal}`
  if (e.maxTotal !== undefined && result.books.total > e.maxTotal) return `${result.books.total} results, expected at most ${e.maxTotal}`
  if (e.didYouMean !== undefined && result.didYouMean !== e.didYouMean) return `did you mean "${result.didYouMean}", expected "${e.didYouMean}"`
  return null
}

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: search relevance over the demo catalog`, () => {
    let store: Awaited<ReturnType<typeof demoStore>>
    const failures: string[] = []
    beforeAll(async () => {
      store = await demoStore(dialect, set.books)
    })
    afterAll(async () => {
      if (failures.length) console.log(`relevance: ${set.queries.length - failures.length}/${set.queries.length} passed\n  ${failures.join('\n  ')}`)
      await store.store.close()
    })

    it(`has at least 40 queries`, () => {
      expect(set.queries.length).toBeGreaterThanOrEqual(40)
    })

    for (const { q, expect: e } of set.queries.filter((x) => x.required)) {
      it(`finds what a shopper expects for "${q}"`, async () => {
        expect(await judge(store, withIsbns(q), e)).toBeNull()
      })
    }

    it(`passes at least ${set.minPassRate * 100}% of all queries`, async () => {
      for (const { q, expect: e } of set.queries) {
        const why = await judge(store, withIsbns(q), e)
        if (why) failures.push(`"${q}": ${why}`)
      }
      expect((set.queries.length - failures.length) / set.queries.length).toBeGreaterThanOrEqual(set.minPassRate)
    })
  })
}

import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { Readable } from 'node:stream'
import { demoCategories } from '../../src/demo/categories'
import { generatedBook } from '../../src/demo'
import { onixMessage } from '../../src/ingest'
import { buildServices, type Services } from '../../src/cli/services'
import { openStore } from '../../src/store'
import type { TestDialect } from '../dialects'
import { testShop } from '../helpers'

export const repoRoot = resolve(import.meta.dirname, '../..')
export const fixture = (path: string) => resolve(repoRoot, 'test/fixtures', path)

/**
 * The shared sample feeds in ../shared/fixtures, or null when they are absent
 * (a checkout without them). Under CI=true their absence is a failure.
 */
export function sharedFixtures(): string | null {
  const dir = resolve(repoRoot, '../shared/fixtures')
  if (existsSync(dir)) return dir
  if (process.env.CI === 'true') throw new Error(`shared fixtures missing at ${dir}; CI must have them`)
  console.warn(`[skip] ${dir} is absent: tests over the shared sample feeds are skipped`)
  return null
}

/** A fresh store with the demo category tree, a catalog and an importer over it. */
/** A store with the demo categories: a SQLite path (in memory by default) or a fresh database of a test dialect. */
export async function importSetup(target: string | TestDialect = ':memory:'): Promise<Services> {
  const url = typeof target === 'string' ? target : (await target.freshDatabase()).url
  const services = buildServices(await openStore(url, { poolSize: 4 }), undefined, testShop())
  await services.catalog.saveCategories(demoCategories())
  return services
}

export const bytesOf = (text: string | Buffer): AsyncIterable<Uint8Array> => Readable.from([Buffer.from(text)])

/** An ONIX feed of n generated demo books, as bytes, generated lazily. */
export async function* generatedFeed(n: number, first = 1): AsyncGenerator<Uint8Array> {
  async function* books() {
    for (let i = first; i < first + n; i++) yield { ...generatedBook(i), isbn10: null, updatedAt: '' }
  }
  for await (const chunk of onixMessage(books())) yield Buffer.from(chunk)
}

import { afterEach, describe, expect, it } from 'vitest'
import { parseBookInput, parseIsbn } from '../../src/catalog'
import { buildServices } from '../../src/cli/services'
import { loadConfig } from '../../src/core/config'
import { StartupError } from '../../src/core/errors'
import { seedBook } from '../../src/demo'
import { openStore, type Store } from '../../src/store'
import { sqlite, testDialects } from '../dialects'
import { testApp, testShop } from '../helpers'
import { PageCache } from '../../src/web/page-cache'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const postgres = testDialects().find((d) => d.name === 'postgres')!

async function freshStore(dialect: typeof postgres, readUrl?: string): Promise<{ store: Store; url: string }> {
  const database = await dialect.freshDatabase()
  cleanups.push(database.drop)
  const store = await openStore(database.url, { poolSize: 2, readUrl })
  cleanups.push(() => store.close())
  return { store, url: database.url }
}

describe.skipIf(postgres.skip)('postgres: search reads a read replica (COLOPHON_DB_READ_URL)', () => {
  it('answers search from the replica and writes to the database; a search page from the replica is not kept in the page cache', async () => {
    // The "replica" is a database of its own: what it holds shows where each read went.
    const replica = await freshStore(postgres)
    const primary = await freshStore(postgres, replica.url)
    const replicaServices = buildServices(replica.store, undefined, testShop())
    const services = buildServices(primary.store, undefined, testShop())
    const found = async (q: string) => (await services.search.search({ q, page: 1, pageSize: 10 })).books.total

    // Written through the store: in the database, not yet in the replica (as while it lags).
    await services.catalog.saveBooks([parseBookInput({ ...seedBook, onSale: true })])
    expect(await services.catalog.getBook(parseIsbn(seedBook.isbn13))).toMatchObject({ isbn13: seedBook.isbn13 })
    expect(await found('러시아')).toBe(0)
    expect(services.search.readsReplica).toBe(true)

    // Once the replica has it, search finds it, after the few seconds a replica's answer may be kept at most.
    await replicaServices.catalog.saveBooks([parseBookInput({ ...seedBook, onSale: true })])
    const started = Date.now()
    let total = await found('러시아')
    while (total === 0 && Date.now() - started < 8000) {
      await new Promise((r) => setTimeout(r, 250))
      total = await found('러시아')
    }
    expect(total).toBe(1)
    expect(Date.now() - started).toBeLessThan(7000)

    // The search page answers from the replica and is rendered again each time, never stored for others; a product page still is.
    const pageCache = new PageCache(services.catalog, primary.store.foreignCommits)
    await pageCache.start()
    const app = testApp(services, { pageCache })
    const page = await app.request('/search?q=%EB%9F%AC%EC%8B%9C%EC%95%84')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain(seedBook.isbn13)
    expect(pageCache.size).toBe(0)
    expect((await app.request(`/books/${seedBook.isbn13}`)).status).toBe(200)
    expect(pageCache.size).toBe(1)
  })

  it('refuses a read URL of another engine, and a replica it cannot read, naming neither password', async () => {
    const primary = await postgres.freshDatabase()
    cleanups.push(primary.drop)
    await expect(openStore(primary.url, { readUrl: '/tmp/not-a-replica.db' })).rejects.toThrow(/read URL is sqlite but the database is postgres/)
    const missing = new URL(primary.url)
    missing.pathname = '/colophon_no_such_replica'
    missing.password = 'hunter2-secret'
    const err = await openStore(primary.url, { readUrl: missing.toString() }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(StartupError)
    expect(String((err as Error).message)).not.toContain('hunter2-secret')
  })
})

describe('read replica settings', () => {
  it('a SQLite store has no read replica: a read URL is refused at start, in the configuration and when opening', async () => {
    expect(() => loadConfig({ COLOPHON_DB: 'shop.db', COLOPHON_DB_READ_URL: 'postgres://reader@replica/shop' })).toThrow(/COLOPHON_DB_READ_URL: a read replica needs COLOPHON_DB to be a postgres:\/\/ URL/)
    expect(() => loadConfig({ COLOPHON_DB: 'postgres://shop@db/shop', COLOPHON_DB_READ_URL: 'replica.db' })).toThrow(/COLOPHON_DB_READ_URL: expected a postgres:\/\/ URL/)
    expect(loadConfig({ COLOPHON_DB: 'postgres://shop@db/shop', COLOPHON_DB_READ_URL: 'postgres://reader@replica/shop' }).COLOPHON_DB_READ_URL).toBe('postgres://reader@replica/shop')
    const a = await sqlite.freshDatabase()
    const b = await sqlite.freshDatabase()
    cleanups.push(a.drop, b.drop)
    await expect(openStore(a.url, { readUrl: b.url })).rejects.toThrow(/sqlite has no read replicas/)
  })
})

import { execFileSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp, testStore, toolAvailable, type TestStore } from '../helpers'
import { sqlite } from '../dialects'

let store: TestStore
let app: ReturnType<typeof testApp>

beforeAll(async () => {
  store = await testStore(sqlite, { demoBooks: 120 })
  app = testApp(store)
})
afterAll(() => store.cleanup())

const wellFormed = (xml: string) => {
  if (!toolAvailable('xmllint', 'libxml2-utils')) return
  execFileSync('xmllint', ['--noout', '-'], { input: xml })
}

describe('sqlite: OPDS catalog', () => {
  it('starts with a navigation feed of new arrivals and categories', async () => {
    const res = await app.request('/opds')
    expect(res.headers.get('content-type')).toContain('kind=navigation')
    const xml = await res.text()
    expect(xml).toContain('href="/opds/new"')
    expect(xml).toContain('href="/opds/categories/history-world"')
    wellFormed(xml)
  })

  it('lists a category as acquisition entries with ISBN, price and cover, paged', async () => {
    const res = await app.request('/opds/categories/history')
    expect(res.headers.get('content-type')).toContain('kind=acquisition')
    const xml = await res.text()
    expect(xml).toMatch(/<id>urn:isbn:97[89]\d{10}<\/id>/)
    expect(xml).toMatch(/<opds:price currencycode="KRW">\d+<\/opds:price>/)
    expect(xml).toContain('rel="http://opds-spec.org/image"')
    wellFormed(xml)
    expect((await app.request('/opds/categories/history?page=0')).status).toBe(400)
    expect((await app.request('/opds/categories/nowhere')).status).toBe(404)
  })
})

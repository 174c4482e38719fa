import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDialects } from '../dialects'
import { testStore, type TestStore } from '../helpers'
import { staffApp, staffShopper } from '../support/staff'
import { BROWSER } from './shopper'

const ONIX = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'onix', 'sample.xml'))
const CSV = `isbn13,title,contributors,list_price
9791100000090,A good book,Han Kang (author),15000
9791100000113,Bad price,,fifteen
9791100000137,Another good book,,12000
`
const MAX_BYTES = 64 * 1024
type Member = Awaited<ReturnType<typeof staffShopper>>

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: imports in the back office`, () => {
    let store: TestStore
    let dir: string
    let app: ReturnType<typeof staffApp>
    let member: Member

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'colophon-imports-web-'))
      store = await testStore(dialect)
      app = staffApp(store, { imports: { importer: store.importer, maxBytes: MAX_BYTES, dir } })
      member = await staffShopper(app, store, 'catalog', { name: 'Mina Catalog' })
    })
    afterAll(async () => {
      await store?.cleanup()
      rmSync(dir, { recursive: true, force: true })
    })

    /** Sends the imports page's own form: the action (token in the address) as the page wrote it, the file as multipart. */
    async function upload(who: Member, bytes: Uint8Array, name: string) {
      const page = await (await who.get('/admin/imports')).text()
      const action = /<form class="admin-form" method="post" action="([^"]+)" enctype="multipart\/form-data">/.exec(page)?.[1]?.replaceAll('&amp;', '&') ?? '/admin/imports'
      const form = new FormData()
      form.set('_csrf', who.token())
      form.set('format', '')
      form.set('file', new File([new Uint8Array(bytes)], name, { type: 'application/octet-stream' }))
      return app.request(action, { method: 'POST', body: form, redirect: 'manual', headers: { cookie: who.cookie(), 'sec-fetch-site': 'same-origin', 'user-agent': BROWSER } })
    }

    /** Follows the run's page as the browser's reloads would, until it no longer asks to be reloaded. */
    async function finished(who: Member, location: string) {
      for (let i = 0; i < 200; i++) {
        const res = await who.get(location)
        expect(res.status).toBe(200)
        if (!res.headers.get('refresh')) return res.text()
        await new Promise((resolve) => setTimeout(resolve, 25))
      }
      throw new Error(`${location} was still running`)
    }

    it('the form posts multipart with the form token in its address', async () => {
      const page = await (await member.get('/admin/imports')).text()
      expect(page).toContain('enctype="multipart/form-data"')
      expect(page).toMatch(/action="\/admin\/imports\?_csrf=[^"]+"/)
      expect(page).toContain('noindex')
    })

    it('an ONIX upload runs in the background, its page shows the report, and the history lists it with who ran it', async () => {
      const res = await upload(member, ONIX, 'sample.xml')
      expect(res.status).toBe(303)
      const location = res.headers.get('location')!
      expect(location).toMatch(/^\/admin\/imports\/\d+$/)
      const report = await finished(member, location)
      expect(report).toContain('sample.xml')
      // The fixture's bad-checksum record is rejected with the ONIX path of its ISBN.
      expect(report).toMatch(/<code>ProductIdentifier[^<]*<\/code>/)
      expect(report).toContain('test-0002-bad-checksum')
      const history = await (await member.get('/admin/imports?lang=en')).text()
      expect(history).toContain(`href="${location}?lang=en"`)
      expect(history).toContain('Mina Catalog')
      expect(history).toContain('onix')
    })

    it('a CSV with one bad record: the report names the record, its field path and why; the good ones are in the catalog, written as the member', async () => {
      const res = await upload(member, new TextEncoder().encode(CSV), '<img src=x onerror=alert(1)>.csv')
      expect(res.status).toBe(303)
      const report = await finished(member, `${res.headers.get('location')!}?lang=en`)
      expect(report).not.toContain('<img src=x')
      expect(report).toContain('&lt;img src=x onerror=alert(1)&gt;.csv')
      expect(report).toContain('Rejected records (1)')
      expect(report).toMatch(/<tr><td>2<\/td><td>9791100000113<\/td><td><code>list_price<\/code><\/td><td>[^<]+<\/td><\/tr>/)
      expect(report).toMatch(/<dt>New<\/dt><dd>2<\/dd>/)
      const book = await store.catalog.getBook('9791100000137' as never)
      expect(book.title).toBe('Another good book')
      const runs = await store.importer.recentRuns(5)
      expect(runs[0]).toMatchObject({ status: 'done', format: 'csv', user: 'Mina Catalog', counts: { records: 3, created: 2, rejected: 1 } })
    })

    it('a viewer reads the history and a report but may not upload (403)', async () => {
      const viewer = await staffShopper(app, store, 'viewer')
      const page = await (await viewer.get('/admin/imports')).text()
      expect(page).not.toContain('enctype="multipart/form-data"')
      const before = (await store.importer.recentRuns(50)).length
      const res = await upload(viewer, new TextEncoder().encode(CSV), 'viewer.csv')
      expect(res.status).toBe(403)
      expect((await store.importer.recentRuns(50)).length).toBe(before)
    })

    it('a visitor is sent to sign in; an orders member reads the history without the form', async () => {
      const anonymous = await app.request('/admin/imports', { redirect: 'manual', headers: { 'user-agent': BROWSER } })
      expect(anonymous.status).toBe(303)
      expect(anonymous.headers.get('location')).toContain('/admin/sign-in?next=%2Fadmin%2Fimports')
      const orders = await staffShopper(app, store, 'orders')
      const res = await orders.get('/admin/imports')
      expect(res.status).toBe(200)
      expect(res.headers.get('cache-control')).toBe('no-store')
      expect(await res.text()).not.toContain('type="file"')
    })

    it('a file over the limit is refused with the limit named, and nothing is imported or left on disk', async () => {
      const before = (await store.importer.recentRuns(50)).length
      const big = new Uint8Array(MAX_BYTES + 1024).fill(0x41)
      const res = await upload(member, big, 'huge.csv')
      expect(res.status).toBe(413)
      const page = await res.text()
      expect(page).toContain('파일이 너무 큽니다. 0.1MB까지 올릴 수 있습니다. 아무것도 가져오지 않았습니다.')
      expect((await store.importer.recentRuns(50)).length).toBe(before)
      expect(readdirSync(dir)).toEqual([])
    })

    it('a form post without a file is refused and nothing is imported', async () => {
      const before = (await store.importer.recentRuns(50)).length
      const res = await upload(member, new Uint8Array(0), 'empty.csv')
      expect(res.status).toBe(400)
      expect(await res.text()).toContain('가져올 파일을 고르세요.')
      expect((await store.importer.recentRuns(50)).length).toBe(before)
    })

    it('an upload without the form token is refused', async () => {
      const form = new FormData()
      form.set('file', new File([new TextEncoder().encode(CSV)], 'forged.csv'))
      const res = await app.request('/admin/imports', { method: 'POST', body: form, redirect: 'manual', headers: { cookie: member.cookie(), 'sec-fetch-site': 'same-origin', 'user-agent': BROWSER } })
      expect(res.status).toBe(403)
    })
  })
}

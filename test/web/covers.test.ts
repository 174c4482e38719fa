import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fillDemoCatalog } from '../../src/demo'
import { PageCache } from '../../src/web/page-cache'
import { testDialects } from '../dialects'
import { testStore, type TestStore } from '../helpers'
import { staffApp, staffShopper } from '../support/staff'
import { BROWSER, shopper } from './shopper'

const SEED = '9788962633245'

const coverBytes = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 30, g: 90, b: 160 } } }).jpeg().toBuffer()

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: covers in the back office and on the pages`, () => {
    let store: TestStore
    let dir: string
    let app: ReturnType<typeof staffApp>
    let cache: PageCache

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'colophon-covers-web-'))
      store = await testStore(dialect, { shop: { covers: { dir, maxBytes: 2 * 1024 * 1024 } } })
      await fillDemoCatalog(store.catalog, { books: 2 })
      cache = new PageCache(store.catalog, store.store.foreignCommits)
      await cache.start()
      app = staffApp(store, { pageCache: cache })
    })
    afterAll(async () => {
      await store?.cleanup()
      rmSync(dir, { recursive: true, force: true })
    })

    /** Posts the cover form as the page would: multipart, with the page's token, from the same origin. */
    async function upload(member: Awaited<ReturnType<typeof staffShopper>>, bytes: Buffer, name: string) {
      await member.get(`/admin/books/${SEED}/cover`)
      const form = new FormData()
      form.set('_csrf', member.token())
      form.set('cover', new File([new Uint8Array(bytes)], name, { type: 'image/jpeg' }))
      return app.request(`/admin/books/${SEED}/cover`, { method: 'POST', body: form, redirect: 'manual', headers: { cookie: member.cookie(), 'sec-fetch-site': 'same-origin', 'user-agent': BROWSER } })
    }

    it('a catalog member uploads a cover; the product page, cached before, then shows a <picture> with srcset and the stored size', async () => {
      const reader = shopper((path, init) => Promise.resolve(app.request(path, init)))
      const before = await (await reader.get(`/books/${SEED}`)).text()
      expect(before).not.toContain('<picture>')
      expect(cache.size).toBeGreaterThan(0)
      const member = await staffShopper(app, store, 'catalog')
      const form = await (await member.get(`/admin/books/${SEED}/cover`)).text()
      expect(form).toContain('enctype="multipart/form-data"')
      expect(form).toContain('name="_csrf"')
      const res = await upload(member, await coverBytes(600, 900), 'front.jpg')
      expect(res.status).toBe(303)
      expect(res.headers.get('location')).toContain('done=uploaded')
      const page = await (await reader.get(`/books/${SEED}`)).text()
      const { hash } = (await store.catalog.getBook(SEED as never)).cover!
      expect(page).toContain(`<source type="image/avif" srcset="/covers/${SEED}-${hash}-160.avif 160w, /covers/${SEED}-${hash}-320.avif 320w, /covers/${SEED}-${hash}-600.avif 600w"`)
      expect(page).toContain(`<source type="image/webp" srcset="/covers/${SEED}-${hash}-160.webp 160w`)
      expect(page).toMatch(new RegExp(`<img src="/covers/${SEED}-${hash}-320.webp" alt="[^"]+" width="600" height="900" fetchpriority="high">`))
      expect(readdirSync(dir)).toHaveLength(6)
    })

    it('serves each stored file for a year with its type and nosniff, and 404 for any other name', async () => {
      const { hash } = (await store.catalog.getBook(SEED as never)).cover!
      const res = await app.request(`/covers/${SEED}-${hash}-320.avif`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('image/avif')
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect((await sharp(Buffer.from(await res.arrayBuffer())).metadata()).width).toBe(320)
      for (const path of [`/covers/${SEED}-${hash}-999.webp`, `/covers/${SEED}-${hash}-320.png`, '/covers/..%2F..%2Fetc%2Fpasswd', `/covers/${SEED}-${hash}-320.webp.tmp`]) {
        expect((await app.request(path)).status, path).toBe(404)
      }
    })

    it('says in the member\'s language why an upload is refused, with the file name escaped', async () => {
      const member = await staffShopper(app, store, 'catalog')
      const res = await upload(member, Buffer.from('not an image at all'), '<img src=x onerror=alert(1)>.jpg')
      expect(res.status).toBe(400)
      const page = await res.text()
      expect(page).toContain('이미지 파일이 아니거나 깨진 파일입니다.')
      expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;.jpg')
      expect(page).not.toContain('<img src=x')
      const small = await upload(member, await coverBytes(50, 50), 'tiny.jpg')
      expect(await small.text()).toContain('최소 200×300 픽셀')
    })

    it('refuses a body over the cover limit with 413, and other forms stay at 64 KB', async () => {
      const member = await staffShopper(app, store, 'catalog')
      const res = await upload(member, Buffer.alloc(3 * 1024 * 1024, 1), 'big.jpg')
      expect(res.status).toBe(413)
      const other = await app.request(`/admin/books/${SEED}/cover/remove`, { method: 'POST', body: 'x'.repeat(100 * 1024), headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: member.cookie() } })
      expect(other.status).toBe(413)
    })

    it('a viewer sees the cover but gets 403 for uploading or removing it', async () => {
      const viewer = await staffShopper(app, store, 'viewer')
      const page = await (await viewer.get(`/admin/books/${SEED}/cover`)).text()
      expect(page).not.toContain('enctype="multipart/form-data"')
      expect((await upload(viewer, await coverBytes(400, 600), 'a.jpg')).status).toBe(403)
      expect((await viewer.post(`/admin/books/${SEED}/cover/remove`)).status).toBe(403)
      expect((await store.catalog.getBook(SEED as never)).cover).not.toBeNull()
    })

    it('removing the cover brings back the generated one', async () => {
      const member = await staffShopper(app, store, 'catalog')
      await member.get(`/admin/books/${SEED}/cover`)
      const res = await member.post(`/admin/books/${SEED}/cover/remove`)
      expect(res.status).toBe(303)
      const page = await (await app.request(`/books/${SEED}`)).text()
      expect(page).not.toContain('<picture>')
      expect(page).toMatch(/<img src="\/covers\/9788962633245-[0-9a-z]+\.svg"/)
      expect(readdirSync(dir)).toHaveLength(0)
    })
  })
}

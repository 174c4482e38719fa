import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseIsbn } from '../../src/catalog'
import { processCover } from '../../src/catalog/covers'
import { InputError } from '../../src/core/errors'
import { fillDemoCatalog } from '../../src/demo'
import { testDialects } from '../dialects'
import { testStore, type TestStore } from '../helpers'

const SEED = parseIsbn('9788962633245')

/** A real image of the given type made by sharp: a gradient-ish block, with EXIF to be stripped. */
async function image(format: 'jpeg' | 'png' | 'webp' | 'gif', width = 400, height = 600): Promise<Buffer> {
  const base = sharp({ create: { width, height, channels: 3, background: { r: 120, g: 40, b: 90 } } }).withExif({ IFD0: { Artist: 'Secret Photographer' } })
  return base.toFormat(format).toBuffer()
}

async function refusal(bytes: Buffer, name: string, rules = {}): Promise<InputError> {
  const err = await processCover(bytes, name, rules).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(InputError)
  return err as InputError
}

describe('processing an uploaded cover', () => {
  it.each(['jpeg', 'png', 'webp'] as const)('makes AVIF and WebP at three widths from %s, keeping the aspect ratio and dropping metadata', async (format) => {
    const cover = await processCover(await image(format, 800, 1200), `cover.${format}`)
    expect(cover.width).toBe(800)
    expect(cover.height).toBe(1200)
    expect(cover.widths).toEqual([160, 320, 640])
    expect(cover.hash).toMatch(/^[0-9a-f]{16}$/)
    expect(cover.derivatives).toHaveLength(6)
    for (const d of cover.derivatives) {
      const meta = await sharp(d.bytes).metadata()
      expect(meta.format).toBe(d.format === 'avif' ? 'heif' : 'webp')
      expect(meta.width).toBe(d.width)
      expect(meta.height).toBe(d.width * 1.5)
      expect(meta.exif).toBeUndefined()
    }
    expect(cover.derivatives.map((d) => `${d.format}@${d.width}`).sort()).toEqual(['avif@160', 'avif@320', 'avif@640', 'webp@160', 'webp@320', 'webp@640'])
  })

  it('never enlarges a small upload: its own width replaces the larger ones', async () => {
    const cover = await processCover(await image('png', 250, 375), 'small.png')
    expect(cover.widths).toEqual([160, 250])
    expect(Math.max(...cover.derivatives.map((d) => d.width))).toBe(250)
  })

  it('refuses a text file named .jpg as not an image', async () => {
    const err = await refusal(Buffer.from('Just some words, not a picture at all.\n'.repeat(40)), 'photo.jpg')
    expect(err.code).toBe('cover_not_image')
  })

  it('refuses an SVG (with a script in it) by its type, whatever its name', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="600"><script>alert(1)</script><rect width="400" height="600"/></svg>')
    const err = await refusal(svg, 'cover.png')
    expect(err.code).toBe('cover_bad_type')
    expect(err.params).toEqual({ type: 'SVG' })
  })

  it('refuses a GIF by its type', async () => {
    const err = await refusal(await image('gif'), 'cover.gif')
    expect(err.code).toBe('cover_bad_type')
    expect(err.params.type).toBe('GIF')
  })

  it('refuses a 50×50 image as too small, naming the least size', async () => {
    const err = await refusal(await image('png', 50, 50), 'tiny.png')
    expect(err.code).toBe('cover_too_small')
    expect(err.params).toEqual({ minWidth: 200, minHeight: 300 })
  })

  it('refuses an 11 MB file as too large before reading it, naming the limit', async () => {
    const big = Buffer.concat([await image('jpeg'), Buffer.alloc(11 * 1024 * 1024)])
    const err = await refusal(big, 'huge.jpg')
    expect(err.code).toBe('cover_too_large')
    expect(err.params.maxMb).toBe(10)
  })

  it('refuses a file cut short as not an image', async () => {
    const whole = await image('jpeg', 800, 1200)
    const err = await refusal(whole.subarray(0, Math.floor(whole.length / 2)), 'cut.jpg')
    expect(err.code).toBe('cover_not_image')
  })

  it('follows a smaller configured limit', async () => {
    const err = await refusal(await image('png', 800, 1200), 'cover.png', { maxBytes: 1000 })
    expect(err.code).toBe('cover_too_large')
  })
})

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: setting a book's cover`, () => {
    let store: TestStore
    let dir: string

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'colophon-covers-test-'))
      store = await testStore(dialect, { shop: { covers: { dir, maxBytes: 10 * 1024 * 1024 } } })
      await fillDemoCatalog(store.catalog, { books: 2 })
    })
    afterAll(async () => {
      await store?.cleanup()
      rmSync(dir, { recursive: true, force: true })
    })

    it('stores the files, reads the cover with the book and its summary, and tells the page caches', async () => {
      const seq = await store.catalog.latestChangeSeq()
      const heard: unknown[] = []
      store.catalog.onChange((change) => heard.push(change))
      const cover = await store.catalog.setCover(SEED, { bytes: await image('jpeg', 640, 960), fileName: 'a.jpg' }, 'staff:test')
      expect(readdirSync(dir).sort()).toEqual(cover.widths.flatMap((w) => [`${SEED}-${cover.hash}-${w}.avif`, `${SEED}-${cover.hash}-${w}.webp`]).sort())
      expect((await store.catalog.getBook(SEED)).cover).toEqual({ hash: cover.hash, width: 640, height: 960, widths: [160, 320, 640] })
      const [summary] = await store.catalog.summaries([SEED])
      expect(summary!.cover?.hash).toBe(cover.hash)
      expect(heard).toEqual([{ isbns: [SEED] }])
      expect((await store.catalog.changesSince(seq)).change).toEqual({ isbns: [SEED] })
      const file = await store.catalog.coverFile(`${SEED}-${cover.hash}-320.webp`)
      expect(file?.contentType).toBe('image/webp')
      expect((await sharp(file!.bytes).metadata()).width).toBe(320)
    })

    it('replaces the old files with a new upload, and removing brings the old cover back', async () => {
      const first = (await store.catalog.getBook(SEED)).cover!
      const second = await store.catalog.setCover(SEED, { bytes: await image('png', 300, 450), fileName: 'b.png' }, 'staff:test')
      expect(second.hash).not.toBe(first.hash)
      expect(readdirSync(dir).every((f) => f.includes(second.hash))).toBe(true)
      await store.catalog.removeCover(SEED)
      expect((await store.catalog.getBook(SEED)).cover).toBeNull()
      expect(readdirSync(dir)).toEqual([])
    })

    it('refuses an upload for a book that does not exist, and names no path for a strange file name', async () => {
      await expect(store.catalog.setCover(parseIsbn('9791199999992'), { bytes: await image('png'), fileName: 'x.png' }, 'staff:test')).rejects.toThrow(/not found/)
      expect(await store.catalog.coverFile('../../etc/passwd')).toBeUndefined()
      expect(await store.catalog.coverFile(`${SEED}-0000000000000000-320.webp`)).toBeUndefined()
    })
  })
}

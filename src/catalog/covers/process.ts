import { createHash } from 'node:crypto'
import sharp, { type Metadata, type Sharp } from 'sharp'
import { InputError } from '../../core/errors'
import { COVER_FORMATS, type CoverDerivative, type CoverFormat, type CoverRules, type ProcessedCover } from './types'

const MB = 1024 * 1024

export const COVER_DEFAULTS: Required<CoverRules> = { maxBytes: 10 * MB, minWidth: 200, minHeight: 300, widths: [160, 320, 640] }

/** What an upload may be, by what its bytes say (never by its name or the browser's claim). */
const ACCEPTED_TYPES = new Set(['jpeg', 'png', 'webp'])

/**
 * A few megabytes of PNG can hold a huge, mostly empty canvas that costs
 * gigabytes to decode; 40 megapixels is more than any printed cover scan needs.
 */
const MAX_PIXELS = 40_000_000

// AVIF at effort 2 encodes a 640-pixel cover in about a tenth of a second on one core; the default (4) takes several times longer for a few percent.
const ENCODERS: Record<CoverFormat, (image: Sharp) => Sharp> = {
  avif: (image) => image.avif({ quality: 55, effort: 2 }),
  webp: (image) => image.webp({ quality: 80 }),
}

/**
 * Checks an uploaded cover and makes its derivatives: AVIF and WebP at each
 * width, upright, without the upload's metadata (camera, place, editing
 * software). Refuses with an InputError on field `cover` whose code says why:
 * cover_too_large, cover_not_image, cover_bad_type, cover_too_small.
 * `fileName` is the browser's word for the file and only goes into the reason (for logs).
 */
export async function processCover(bytes: Buffer, fileName: string, rules: CoverRules = {}): Promise<ProcessedCover> {
  const { maxBytes, minWidth, minHeight, widths } = { ...COVER_DEFAULTS, ...rules }
  const name = JSON.stringify(fileName.slice(0, 120))
  const maxMb = Math.round((maxBytes / MB) * 10) / 10
  if (bytes.length > maxBytes) throw refused(`${name} has ${bytes.length} bytes, over the limit of ${maxBytes}`, 'cover_too_large', { maxMb, maxMegapixels: MAX_PIXELS / 1e6 })
  const meta = await metadataOf(bytes)
  if (!meta?.format) throw refused(`${name} is not an image`, 'cover_not_image', {})
  if (!ACCEPTED_TYPES.has(meta.format)) throw refused(`${name} is ${meta.format}, expected JPEG, PNG or WebP`, 'cover_bad_type', { type: meta.format.toUpperCase() })
  // A photo taken on its side says so in EXIF; the size that counts is the upright one.
  const { width, height } = meta.autoOrient ?? meta
  if (!width || !height) throw refused(`${name} has no size`, 'cover_not_image', {})
  if (width * height > MAX_PIXELS) throw refused(`${name} is ${width}×${height} pixels, over ${MAX_PIXELS}`, 'cover_too_large', { maxMb, maxMegapixels: MAX_PIXELS / 1e6 })
  if (width < minWidth || height < minHeight) throw refused(`${name} is ${width}×${height}, expected at least ${minWidth}×${minHeight}`, 'cover_too_small', { minWidth, minHeight })
  const sizes = [...new Set(widths.map((w) => Math.min(w, width)))].sort((a, b) => a - b)
  const derivatives = await makeDerivatives(bytes, sizes).catch((err: unknown) => {
    throw refused(`${name} could not be decoded: ${(err as Error).message}`, 'cover_not_image', {})
  })
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16)
  return { hash, width, height, widths: sizes, derivatives }
}

async function metadataOf(bytes: Buffer): Promise<Metadata | undefined> {
  try {
    return await sharp(bytes, { limitInputPixels: false }).metadata()
  } catch {
    return undefined
  }
}

async function makeDerivatives(bytes: Buffer, widths: number[]): Promise<CoverDerivative[]> {
  // `failOn: 'error'`: a file cut short is refused, a mere warning (an odd marker some cameras write) is not.
  const upright = sharp(bytes, { failOn: 'error', limitInputPixels: MAX_PIXELS }).autoOrient()
  const jobs = widths.flatMap((width) =>
    COVER_FORMATS.map(async (format): Promise<CoverDerivative> => {
      const { data, info } = await ENCODERS[format](upright.clone().resize({ width, withoutEnlargement: true })).toBuffer({ resolveWithObject: true })
      return { width: info.width, height: info.height, format, bytes: data }
    }),
  )
  return Promise.all(jobs)
}

function refused(reason: string, code: string, params: Record<string, number | string>): InputError {
  return new InputError('cover', reason, { code, params })
}

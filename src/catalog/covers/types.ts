/** The formats every uploaded cover is served in, best first (a browser takes the first it reads). */
export const COVER_FORMATS = ['avif', 'webp'] as const
export type CoverFormat = (typeof COVER_FORMATS)[number]

/** An uploaded cover as stored: its files are `<isbn>-<hash>-<width>.<format>` for each width and format. */
export interface CoverImage {
  /** The first 16 hex digits of the SHA-256 of the uploaded bytes. */
  hash: string
  /** The upright image's size in pixels, as uploaded. */
  width: number
  height: number
  /** The widths of the derivatives, ascending; none is wider than the upload. */
  widths: number[]
}

/** One derivative file, made from an upload. */
export interface CoverDerivative {
  width: number
  height: number
  format: CoverFormat
  bytes: Buffer
}

export interface ProcessedCover extends CoverImage {
  derivatives: CoverDerivative[]
}

/** How uploads are checked; every field has a default. */
export interface CoverRules {
  maxBytes?: number
  minWidth?: number
  minHeight?: number
  /** Derivative widths; an upload narrower than one gets its own width instead (never enlarged). */
  widths?: number[]
}

import { createHash, randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, extname, join, resolve } from 'node:path'
import type { CoverFormat, CoverImage, ProcessedCover } from './types'

/** The only names a cover file can have: nothing else (no path, no dot-dot) is ever looked up. */
const COVER_FILE = /^(97[89]\d{10})-([0-9a-f]{16})-(\d{2,4})\.(avif|webp)$/

const CONTENT_TYPES: Record<CoverFormat, string> = { avif: 'image/avif', webp: 'image/webp' }

export function coverFileName(isbn13: string, hash: string, width: number, format: CoverFormat): string {
  return `${isbn13}-${hash}-${width}.${format}`
}

/** One derivative as served. */
export interface CoverFile {
  bytes: Buffer
  contentType: string
}

/**
 * The folder that holds uploaded covers' derivatives, shared by every worker.
 * Files are named by content, so a name always means the same bytes (served
 * as immutable), and each is written under a temporary name and renamed, so
 * no reader ever sees half a file.
 */
export class CoverFiles {
  constructor(readonly dir: string) {}

  async write(isbn13: string, cover: ProcessedCover): Promise<void> {
    await mkdir(this.dir, { recursive: true })
    for (const d of cover.derivatives) {
      const name = coverFileName(isbn13, cover.hash, d.width, d.format)
      const temporary = join(this.dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`)
      try {
        await writeFile(temporary, d.bytes, { flag: 'wx' })
        await rename(temporary, join(this.dir, name))
      } finally {
        await rm(temporary, { force: true })
      }
    }
  }

  /** A derivative by its file name; undefined for any other name or a file that is not there. */
  async read(name: string): Promise<CoverFile | undefined> {
    const match = COVER_FILE.exec(name)
    if (!match) return undefined
    try {
      return { bytes: await readFile(join(this.dir, name)), contentType: CONTENT_TYPES[match[4] as CoverFormat] }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw err
    }
  }

  async remove(isbn13: string, cover: CoverImage): Promise<void> {
    for (const width of cover.widths) for (const format of Object.keys(CONTENT_TYPES) as CoverFormat[]) await rm(join(this.dir, coverFileName(isbn13, cover.hash, width, format)), { force: true })
  }
}

/**
 * Where covers go when COLOPHON_COVER_DIR is unset, as for the ONIX feed:
 * beside a SQLite file (colophon.db → colophon-covers); for PostgreSQL a
 * folder in the OS temp folder named after the database (credentials left
 * out), so two stores on one machine never share one.
 */
export function defaultCoverDir(db: string): string {
  if (/^postgres(ql)?:\/\//.test(db)) {
    const url = new URL(db)
    const where = `${url.hostname}:${url.port}${url.pathname}`
    return join(tmpdir(), `colophon-covers-${createHash('sha256').update(where).digest('hex').slice(0, 12)}`)
  }
  const file = db.replace(/^sqlite:/, '')
  if (file === ':memory:') return join(tmpdir(), `colophon-covers-memory-${process.pid}`)
  const path = resolve(file)
  return join(dirname(path), `${basename(path, extname(path))}-covers`)
}

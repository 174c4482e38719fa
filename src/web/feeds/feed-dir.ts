import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { basename, dirname, extname, join, resolve } from 'node:path'

/**
 * Where the ONIX feed's files go when COLOPHON_FEED_DIR is unset: beside a
 * SQLite file (colophon.db → colophon-feeds), on the disk that already holds
 * the catalog; for a database without a file of its own, a folder in the OS
 * temp folder named after the database, so two stores on one machine never
 * share one. Credentials are left out of that name.
 */
export function defaultFeedDir(db: string): string {
  if (/^postgres(ql)?:\/\//.test(db)) {
    const url = new URL(db)
    const where = `${url.hostname}:${url.port}${url.pathname}`
    return join(tmpdir(), `colophon-feeds-${createHash('sha256').update(where).digest('hex').slice(0, 12)}`)
  }
  const file = db.replace(/^sqlite:/, '')
  if (file === ':memory:') return join(tmpdir(), `colophon-feeds-memory-${process.pid}`)
  const path = resolve(file)
  return join(dirname(path), `${basename(path, extname(path))}-feeds`)
}

import { randomBytes } from 'node:crypto'
import { link, mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'
import type { CatalogService } from '../../catalog'
import { onixMessage } from '../../ingest'

/** Books read per query: better-sqlite3 answers synchronously, so one page is one stretch the event loop waits for (5-10 ms for 25). */
const BOOKS_PER_PAGE = 25
/** Characters gathered before one write to the file. */
const WRITE_BYTES = 256 * 1024
/** Longest stretch of writing XML before other requests get their turn. */
const SLICE_MS = 5
/** A temp file this old was left by a process that died while writing. */
const ABANDONED_MS = 60 * 60 * 1000

const FILE = /^onix-(\d+)\.xml$/

/** The published file of one catalog state. */
export const onixFileName = (seq: number) => `onix-${seq}.xml`

/** The catalog states that have a published file in `dir`, newest first. */
export async function publishedSeqs(dir: string): Promise<number[]> {
  const names = await readdir(dir).catch(() => [] as string[])
  return names.flatMap((n) => FILE.exec(n)?.[1] ?? []).map(Number).sort((a, b) => b - a)
}

/**
 * Writes the whole catalog as an ONIX message to `dir` under the name of
 * catalog state `seq`. The message goes to a temp file first and appears
 * under its real name only when complete, so a reader never sees half a file.
 */
export async function writeOnixFile(catalog: CatalogService, dir: string, seq: number): Promise<void> {
  await mkdir(dir, { recursive: true })
  const path = join(dir, onixFileName(seq))
  const temp = join(dir, `.onix-${seq}-${process.pid}-${randomBytes(4).toString('hex')}.tmp`)
  const file = await open(temp, 'w')
  try {
    let pending = ''
    let sliceStarted = performance.now()
    for await (const chunk of onixMessage(catalog.allBooks(BOOKS_PER_PAGE))) {
      pending += chunk
      if (pending.length >= WRITE_BYTES) {
        await file.write(pending)
        pending = ''
      }
      // Awaiting the next book is only a microtask: without this, waiting requests would wait for the whole file.
      if (performance.now() - sliceStarted >= SLICE_MS) {
        await nextTurn()
        sliceStarted = performance.now()
      }
    }
    await file.write(pending)
    // Written through before it gets its name: after a crash the name must not point at an empty file.
    await file.datasync()
    await file.close()
    await publish(temp, path)
  } finally {
    await file.close().catch(() => {})
    await rm(temp, { force: true })
  }
  await removeOldGenerations(dir, seq)
}

/**
 * Another worker may have published the same state meanwhile: the first one
 * stays, so a state's file and its ETag never change once served. A
 * filesystem without hard links falls back to rename (the last writer wins,
 * harmlessly: both files hold the same catalog state).
 */
async function publish(temp: string, path: string): Promise<void> {
  try {
    await link(temp, path)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV') return rename(temp, path)
    throw err
  }
}

/**
 * Keeps this state and the newest one before it (requests may be reading it,
 * or be answered from it while a newer one is written). Newer states than
 * `seq` are left alone: a slower worker must not delete what a faster one
 * has just published.
 */
async function removeOldGenerations(dir: string, seq: number): Promise<void> {
  const older = (await publishedSeqs(dir)).filter((s) => s < seq)
  const names = older.slice(1).map(onixFileName)
  for (const name of await readdir(dir)) {
    if (name.startsWith('.onix-') && name.endsWith('.tmp')) {
      const info = await stat(join(dir, name)).catch(() => undefined)
      if (info && Date.now() - info.mtimeMs > ABANDONED_MS) names.push(name)
    }
  }
  await Promise.all(names.map((name) => unlink(join(dir, name)).catch(() => {})))
}

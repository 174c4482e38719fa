import { access } from 'node:fs/promises'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { CatalogService } from '../../catalog'
import type { Logger } from '../../core/logger'
import { onixFileName, publishedSeqs, writeOnixFile } from './onix-write'

/**
 * How long a request waits for the current catalog state's file before it is
 * answered from the previous one. A few thousand books take about a second,
 * so they are always answered fresh; a million take minutes, and a partner's
 * client should not hang that long for a feed it polls daily.
 */
const FRESH_WAIT_MS = 10_000

export interface OnixFile {
  /** The folder and the file's name in it. */
  dir: string
  name: string
  /** The catalog state (change-log sequence) the file shows. */
  seq: number
}

export interface OnixFiles {
  /** The file for the catalog as it is now, written first if no process has written it yet. */
  current(): Promise<OnixFile>
}

/**
 * The ONIX message of the whole catalog as a file in `dir`, one per catalog
 * state, shared by every worker that uses the same folder. Requests that
 * arrive while a state's file is being written wait for that one writing.
 */
export function onixFiles({ catalog, dir, logger }: { catalog: CatalogService; dir: string; logger: Logger }): OnixFiles {
  const writing = new Map<number, Promise<void>>()
  // One file at a time per process: catalog writes during a long export queue one more, not one each.
  let queue: Promise<unknown> = Promise.resolve()

  const exists = (seq: number) => access(join(dir, onixFileName(seq))).then(() => true, () => false)
  const file = (seq: number): OnixFile => ({ dir, name: onixFileName(seq), seq })

  function write(seq: number): Promise<void> {
    let job = writing.get(seq)
    if (!job) {
      job = queue.then(async () => {
        if (await exists(seq)) return
        const started = performance.now()
        await writeOnixFile(catalog, dir, seq)
        logger.info({ seq, ms: Math.round(performance.now() - started) }, 'ONIX feed written')
      })
      const settled = job.catch((err: unknown) => logger.error({ err, seq }, 'ONIX feed could not be written')).finally(() => writing.delete(seq))
      writing.set(seq, job)
      queue = settled
    }
    return job
  }

  return {
    async current() {
      const seq = await catalog.latestChangeSeq()
      if (await exists(seq)) return file(seq)
      const job = write(seq)
      const previous = (await publishedSeqs(dir)).find((s) => s < seq)
      if (previous === undefined) {
        await job
        return file(seq)
      }
      const done = await Promise.race([job.then(() => true), sleep(FRESH_WAIT_MS, false, { ref: false })])
      return done ? file(seq) : file(previous)
    },
  }
}

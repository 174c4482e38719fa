import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

// Runs in its own thread, with its own connection: a checkpoint copies WAL
// pages into the database file, and on the request thread (better-sqlite3 is
// synchronous) one of a few hundred pages held every request for 10-15 ms.
const CHECKPOINT_LOOP = `
const { workerData, parentPort } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.path)
db.pragma('busy_timeout = 100')
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)') } catch {}
}, workerData.intervalMs)
parentPort.once('message', () => { clearInterval(timer); db.close(); parentPort.close() })
`

/**
 * Checkpoints a WAL database in the background, every `intervalMs`, in a
 * thread of its own. PASSIVE never waits for readers or writers: it copies
 * what it can, and the next round the rest. The request connection keeps
 * SQLite's own automatic checkpoint only as a backstop, far above what the
 * thread lets the log grow to.
 */
export function startCheckpointer(path: string, intervalMs = 500): { stop(): Promise<void> } {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(CHECKPOINT_LOOP, { eval: true, workerData: { path, driver, intervalMs } })
  worker.unref()
  // A thread that cannot start (a read-only file system, say) leaves the backstop to do the work.
  worker.on('error', () => undefined)
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  let stopping: Promise<void> | undefined
  return {
    // Resolves once the thread has closed its connection and ended (or, stuck, was ended); asking twice waits for the same end.
    stop: () =>
      (stopping ??= (async () => {
        worker.postMessage('stop')
        const stuck = setTimeout(() => void worker.terminate(), 2_000)
        await exited
        clearTimeout(stuck)
      })()),
  }
}

import { createStreamBody } from '@hono/node-server/utils/stream'
import { createReadStream, readFile } from 'node:fs'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { promisify } from 'node:util'

const readWhole = promisify(readFile)

/** Files up to this size are read once per process and shared (ONIX of about 6,000 books). */
const SHARED_MAX_BYTES = 32 * 1024 * 1024
/** Bytes handed to the response at a time, as much as a file stream reads at once. */
const CHUNK_BYTES = 64 * 1024

export interface FileBody {
  body: ReadableStream<Uint8Array>
  /** Whether the body closes the descriptor when it ends (else the caller closes it). */
  closesFd: boolean
}

/**
 * Response bodies for byte ranges of a file. A download streamed from disk
 * costs the event loop about 2 ms per MB and a fresh buffer per chunk, for
 * every partner at once; a file small enough is read once, and every
 * download is sent slices of the same bytes until a newer file replaces it.
 */
export class FileBodies {
  #shared: { key: string; bytes: Promise<Buffer> } | undefined

  /** Bytes `start` to `end` (inclusive) of the open file `fd`; `key` names the file's version. */
  async body(fd: number, file: { key: string; size: number }, start: number, end: number): Promise<FileBody> {
    if (file.size > SHARED_MAX_BYTES) return { body: createStreamBody(createReadStream('', { fd, start, end })), closesFd: true }
    let shared = this.#shared
    if (shared?.key !== file.key) {
      shared = { key: file.key, bytes: readWhole(fd) }
      this.#shared = shared
      const reading = shared
      reading.bytes.catch(() => {
        if (this.#shared === reading) this.#shared = undefined
      })
    }
    return { body: slices(await shared.bytes, start, end), closesFd: false }
  }
}

function slices(bytes: Buffer, start: number, end: number): ReadableStream<Uint8Array> {
  let at = start
  return new ReadableStream({
    async pull(controller) {
      // The response pump asks again as soon as the socket takes a write, all in microtasks: without a turn per
      // chunk, fifty downloads would each fill their socket's whole buffer before any other request is looked at.
      await nextTurn()
      const next = Math.min(at + CHUNK_BYTES, end + 1)
      controller.enqueue(bytes.subarray(at, next))
      at = next
      if (at > end) controller.close()
    },
  })
}

import { createReadStream } from 'node:fs'
import { createGunzip } from 'node:zlib'
import type { Readable } from 'node:stream'

/**
 * The bytes of an input: a file path, or "-" for stdin. Gzip is recognised by
 * its magic number rather than the name, so "feed.xml" that is really
 * gzipped and "feed.gz" from stdin both work.
 */
export async function* openInput(path: string, stdin: Readable = process.stdin): AsyncGenerator<Uint8Array> {
  const source: AsyncIterable<Uint8Array> = path === '-' ? stdin : createReadStream(path, { highWaterMark: 256 * 1024 })
  const iterator = source[Symbol.asyncIterator]()
  const first = await iterator.next()
  if (first.done) return
  const head = first.value as Uint8Array
  const rest: AsyncIterable<Uint8Array> = { [Symbol.asyncIterator]: () => iterator }
  if (head[0] === 0x1f && head[1] === 0x8b) {
    const gunzip = createGunzip()
    const feed = (async () => {
      gunzip.write(head)
      for await (const chunk of rest) if (!gunzip.write(chunk)) await new Promise((r) => gunzip.once('drain', r))
      gunzip.end()
    })()
    feed.catch((e: unknown) => gunzip.destroy(e as Error))
    yield* gunzip as AsyncIterable<Uint8Array>
    await feed
    return
  }
  yield head
  yield* rest
}

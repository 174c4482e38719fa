import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { FileBodies } from './file-body'

const dir = mkdtempSync(join(tmpdir(), 'colophon-file-body-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A file whose every byte says where it is, so a wrong slice cannot pass. */
function patterned(name: string, size: number): { path: string; bytes: Buffer } {
  const bytes = Buffer.alloc(size)
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + (i >> 16)) & 0xff
  const path = join(dir, name)
  writeFileSync(path, bytes)
  return { path, bytes }
}

async function read(body: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = []
  const reader = body.getReader()
  for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value)
  return Buffer.concat(chunks)
}

describe('FileBodies', () => {
  it('reads a small file once and sends every download slices of the same bytes', async () => {
    const { path, bytes } = patterned('small.xml', 300_000)
    const bodies = new FileBodies()
    const [a, b] = [openSync(path, 'r'), openSync(path, 'r')]
    const whole = await bodies.body(a, { key: 'small@1', size: bytes.length }, 0, bytes.length - 1)
    const part = await bodies.body(b, { key: 'small@1', size: bytes.length }, 100_000, 200_099)
    closeSync(a)
    closeSync(b)
    expect([whole.closesFd, part.closesFd]).toEqual([false, false])
    expect((await read(whole.body)).equals(bytes)).toBe(true)
    expect((await read(part.body)).equals(bytes.subarray(100_000, 200_100))).toBe(true)
  })

  it('reads the file again when a newer version replaces it', async () => {
    const bodies = new FileBodies()
    const first = patterned('v1.xml', 1000)
    const fd1 = openSync(first.path, 'r')
    expect((await read((await bodies.body(fd1, { key: 'v@1', size: 1000 }, 0, 999)).body)).equals(first.bytes)).toBe(true)
    closeSync(fd1)
    const second = { path: join(dir, 'v2.xml'), bytes: Buffer.from('<ONIXMessage/>\n') }
    writeFileSync(second.path, second.bytes)
    const fd2 = openSync(second.path, 'r')
    expect((await read((await bodies.body(fd2, { key: 'v@2', size: second.bytes.length }, 0, second.bytes.length - 1)).body)).equals(second.bytes)).toBe(true)
    closeSync(fd2)
  })

  it('streams a file too big to share from disk, closing the descriptor itself', async () => {
    const { path, bytes } = patterned('big.xml', 33 * 1024 * 1024)
    const fd = openSync(path, 'r')
    const sent = await new FileBodies().body(fd, { key: 'big@1', size: bytes.length }, 5_000_000, 5_999_999)
    expect(sent.closesFd).toBe(true)
    expect((await read(sent.body)).equals(bytes.subarray(5_000_000, 6_000_000))).toBe(true)
  })
})

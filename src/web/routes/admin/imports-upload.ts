import Busboy from '@fastify/busboy'
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'

/** A feed file written to a folder of its own; `fileName` is only what the browser called it, never part of `path`. */
export interface SavedUpload {
  dir: string
  path: string
  fileName: string
  bytes: number
  fields: Record<string, string>
}

export type UploadOutcome = { saved: SavedUpload } | { refused: 'import_missing' | 'import_too_large' }

/** Room for the multipart boundaries, part headers and the small fields beside the file. */
const FORM_SLACK = 64 * 1024

/** What the browser called the file, as text to show: no folders, no control characters, bounded. */
export function displayName(name: string): string {
  return (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200)
}

/**
 * Streams a multipart form's one file (`field`) to disk as it arrives, never
 * holding it in memory, and stops reading at `maxBytes`: a declared length
 * over the limit is refused before a byte is read, an undeclared one when
 * the file passes it. The few text fields before the file are kept.
 */
export async function saveUpload(request: Request, options: { field: string; maxBytes: number; dir?: string }): Promise<UploadOutcome> {
  const { field, maxBytes, dir = tmpdir() } = options
  const type = request.headers.get('content-type') ?? ''
  if (!request.body || !type.startsWith('multipart/form-data')) return { refused: 'import_missing' }
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes + FORM_SLACK) {
    await request.body.cancel().catch(() => undefined)
    return { refused: 'import_too_large' }
  }
  const folder = await mkdtemp(join(dir, 'colophon-import-'))
  const saved: SavedUpload = { dir: folder, path: join(folder, 'upload'), fileName: '', bytes: 0, fields: {} }
  const source = Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>)
  const parser = Busboy({ headers: { 'content-type': type }, limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 1024 } })
  let writing: Promise<void> | undefined
  let isTooLarge = false
  parser.on('field', (name, value) => (saved.fields[name] = value))
  parser.on('file', (name, stream, fileName) => {
    if (name !== field || writing) return void stream.resume()
    saved.fileName = displayName(fileName)
    stream.on('data', (chunk: Buffer) => (saved.bytes += chunk.length))
    stream.on('limit', () => {
      isTooLarge = true
      // The rest of the body is not wanted: stop reading it instead of discarding it byte by byte.
      stream.destroy()
      source.destroy()
    })
    writing = pipeline(stream, createWriteStream(saved.path))
  })
  try {
    await pipeline(source, parser)
    await writing
  } catch (err) {
    if (!isTooLarge) {
      await rm(folder, { recursive: true, force: true })
      throw err
    }
  }
  if (isTooLarge || !writing || saved.bytes === 0) {
    await writing?.catch(() => undefined)
    await rm(folder, { recursive: true, force: true })
    return { refused: isTooLarge ? 'import_too_large' : 'import_missing' }
  }
  return { saved }
}

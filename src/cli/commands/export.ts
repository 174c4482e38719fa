import { createWriteStream } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { loadConfig } from '../../core/config'
import { InputError } from '../../core/errors'
import { csvTable, onixMessage } from '../../ingest'
import { openStore } from '../../store'
import type { Command } from '../args'
import { buildServices } from '../services'

export const exportCommand: Command = {
  name: 'export',
  summary: 'export the catalog as ONIX 3.0 or CSV',
  usage: `colophon export --format onix|csv [--output FILE]

Writes every book in COLOPHON_DB, in ISBN order, to FILE or stdout: an ONIX
for Books 3.0 message (reference tags) or a CSV with the columns
"colophon import" reads (see README.md). Streams: memory stays flat.

  --format F     onix or csv
  --output FILE  write to FILE instead of stdout`,
  options: { format: { type: 'string' }, output: { type: 'string' } },
  async run(values) {
    const format = values.format
    if (format !== 'onix' && format !== 'csv') throw new InputError('--format', `expected onix or csv, got "${format ?? ''}"`)
    const store = await openStore(loadConfig().COLOPHON_DB)
    try {
      const { catalog } = buildServices(store)
      const chunks = format === 'onix' ? onixMessage(catalog.allBooks()) : csvTable(catalog.allBooks())
      const out = typeof values.output === 'string' ? createWriteStream(values.output) : process.stdout
      await pipeline(Readable.from(chunks), out, { end: out !== process.stdout })
    } finally {
      await store.close()
    }
  },
}

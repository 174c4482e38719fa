import { buildServices } from '../services'
import { loadConfig } from '../../core/config'
import { openStore } from '../../store'
import type { Command } from '../args'
import { progress } from '../progress'

export const reindexCommand: Command = {
  name: 'reindex',
  summary: 'rebuild the search index from the catalog',
  usage: `colophon reindex

Rebuilds the full-text index and the spelling vocabulary of COLOPHON_DB from
its books, a batch per transaction. Catalog writes keep the index in step on
their own; use this after changing the tokeniser or restoring a database.
While it runs, searches see a partly built index.`,
  options: {},
  async run() {
    const config = loadConfig()
    const store = await openStore(config.COLOPHON_DB)
    const started = performance.now()
    const bar = progress('books')
    let count = 0
    let size: number | null = null
    try {
      const { search } = buildServices(store)
      count = await search.reindex((done, total) => bar.update(done, total))
      size = await search.indexSize()
    } finally {
      bar.stop()
      await store.close()
    }
    const seconds = (performance.now() - started) / 1000
    const mb = size == null ? '' : `, index ${(size / 1048576).toFixed(1)} MB`
    process.stderr.write(`indexed ${count} books in ${config.COLOPHON_DB} in ${seconds.toFixed(1)} s${mb}\n`)
  },
}

import { buildServices } from '../services'
import { loadConfig } from '../../core/config'
import { fillDemoCatalog } from '../../demo'
import { openStore } from '../../store'
import { intOption, type Command } from '../args'
import { progress } from '../progress'

export const demoCommand: Command = {
  name: 'demo',
  summary: 'fill the database with the demo catalog',
  usage: `colophon demo [--books N]

Writes the demo catalog into COLOPHON_DB: the category tree, the reference
book 중국과 러시아 (ISBN 9788962633245) and N generated books (default 2000).
The same N always gives the same books; running it again updates them in place.

  --books N   how many generated books (default 2000; 1000000 works, in bounded memory)`,
  options: { books: { type: 'string' } },
  async run(values) {
    const books = intOption('books', values.books, 2000)
    const config = loadConfig()
    const store = await openStore(config.COLOPHON_DB, { poolSize: config.COLOPHON_DB_POOL })
    const started = performance.now()
    const bar = progress('books')
    try {
      await fillDemoCatalog(buildServices(store).catalog, { books, onProgress: (done, total) => bar.update(done, total) })
    } finally {
      bar.stop()
      await store.close()
    }
    const seconds = (performance.now() - started) / 1000
    process.stderr.write(`wrote ${books + 1} books to ${store.dialect.location} in ${seconds.toFixed(1)} s (peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB)\n`)
  },
}

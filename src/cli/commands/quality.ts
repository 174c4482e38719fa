import { loadConfig } from '../../core/config'
import { missingFields, parseIsbn } from '../../catalog'
import { openStore } from '../../store'
import type { Command } from '../args'
import { buildServices } from '../services'

export const qualityCommand: Command = {
  name: 'quality',
  summary: 'report which books lack what a product page needs',
  usage: `colophon quality [ISBN...]

Without ISBNs: how many books in COLOPHON_DB lack a cover, a description, a
table of contents, dimensions, a price or a category. With ISBNs: what each
of those books lacks.`,
  options: {},
  async run(_values, positionals) {
    const store = await openStore(loadConfig().COLOPHON_DB)
    try {
      const { catalog } = buildServices(store)
      if (positionals.length) {
        const books = await catalog.findBooks(positionals.map((p) => parseIsbn(p)))
        for (const isbn of positionals.map((p) => parseIsbn(p))) {
          const book = books.find((b) => b.isbn13 === isbn)
          const missing = book ? missingFields(book) : null
          process.stdout.write(`${isbn} ${missing === null ? 'not in the catalog' : missing.length ? `missing: ${missing.join(', ')}` : 'complete'}\n`)
        }
        return
      }
      const { books, missing } = await catalog.qualitySummary()
      process.stdout.write(`${books} books\n`)
      for (const [field, n] of Object.entries(missing)) {
        process.stdout.write(`  without ${field.padEnd(11)} ${String(n).padStart(9)}  ${books ? ((100 * n) / books).toFixed(1) : '0.0'}%\n`)
      }
    } finally {
      await store.close()
    }
  },
}

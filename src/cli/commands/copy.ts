import { InputError } from '../../core/errors'
import { copyStore, openStore, type CopyReport } from '../../store'
import { buildServices } from '../services'
import { intOption, type Command } from '../args'
import { progress } from '../progress'

export const copyCommand: Command = {
  name: 'copy',
  summary: 'copy the whole catalog from one database to another',
  usage: `colophon copy --from URL --to URL [--batch N]

Copies every catalog table (books, contributors, categories, their links and
the change log) from one database to another, for example from SQLite to
PostgreSQL:

  colophon copy --from sqlite:colophon.db --to postgres://colophon@db.example/colophon

The target's catalog is replaced in one transaction: until the copy commits,
its readers see what it held before, and a failed copy changes nothing, so
running it again is always safe. Row counts are checked before the commit.
A search index is not copied; rebuild it on the target.

  --from URL   source: a SQLite path (or sqlite:PATH) or a postgres:// URL
  --to URL     target, the same forms
  --batch N    rows read per query (default 5000)`,
  options: { from: { type: 'string' }, to: { type: 'string' }, batch: { type: 'string' } },
  async run(values) {
    if (typeof values.from !== 'string') throw new InputError('--from', 'expected the source database, e.g. sqlite:colophon.db')
    if (typeof values.to !== 'string') throw new InputError('--to', 'expected the target database, e.g. postgres://user@host/db')
    if (values.from === values.to) throw new InputError('--to', 'expected a database other than the source')
    const batchRows = intOption('batch', values.batch, 5000, 1)
    const from = await openStore(values.from, { poolSize: 2 })
    const started = performance.now()
    const bar = progress('rows')
    let report: CopyReport
    let target: string
    try {
      const to = await openStore(values.to, { poolSize: 2 })
      target = to.dialect.location
      try {
        report = await copyStore(from, to, { batchRows, onProgress: (done, total) => bar.update(done, total) })
        // The full-text index is the engine's own structure: the target builds it from the copied books
        // (the search rows, vocabulary and shelf totals came over as tables).
        await buildServices(to).search.rebuildTextIndex()
      } finally {
        await to.close()
      }
    } finally {
      bar.stop()
      await from.close()
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    const rows = Object.entries(report.rows).map(([table, n]) => `${table} ${n}`).join(', ')
    process.stderr.write(`copied ${rows} to ${target} in ${seconds} s; counts match\n`)
    if (report.skipped.length) process.stderr.write(`not copied (not catalog tables; rebuild them on the target): ${report.skipped.join(', ')}\n`)
  },
}

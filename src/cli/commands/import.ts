import { closeSync, fstatSync, openSync, writeFileSync } from 'node:fs'
import { userInfo } from 'node:os'
import { InputError } from '../../core/errors'
import { FORMATS, openInput, type FileReport, type Format } from '../../ingest'
import { openStore } from '../../store'
import { loadConfig } from '../../core/config'
import { intOption, type Command } from '../args'
import { recordProgress } from '../progress'
import { buildServices } from '../services'

/** A file that cannot be opened is a wrong argument: said before anything is imported, without a stack trace. */
function checkReadable(file: string): void {
  if (file === '-') return
  let reason: string | undefined
  try {
    const fd = openSync(file, 'r')
    try {
      if (fstatSync(fd).isDirectory()) reason = 'is a directory'
    } finally {
      closeSync(fd)
    }
  } catch (e) {
    // Node's "ENOENT: no such file or directory, open 'x'" becomes "no such file or directory".
    reason = /^E[A-Z]+: ([^,]+)/.exec((e as Error).message)?.[1] ?? (e as Error).message
  }
  if (reason) throw new InputError(`cannot read ${file}`, reason)
}

function summary(r: FileReport): string {
  if (r.format === null) return r.error ?? r.file
  const c = r.counts
  const head = `${r.file} (${r.format}): ${c.records} records, ${c.created} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.withdrawn} off sale, ${c.rejected} rejected`
  const lines = [c.records > 0 && c.records === c.unchanged ? `${head} — nothing changed` : head]
  if (r.error) lines.push(`  stopped: ${r.error}`)
  const reasons = new Map<string, number>()
  for (const x of r.rejected) reasons.set(`${x.field}: ${x.reason.replace(/"[^"]*"/g, '"…"')}`, (reasons.get(`${x.field}: ${x.reason.replace(/"[^"]*"/g, '"…"')}`) ?? 0) + 1)
  for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 5)) lines.push(`  rejected ×${n}: ${reason}`)
  const missing = Object.entries(r.quality.missing).filter(([, n]) => n > 0)
  if (missing.length) lines.push(`  of ${r.quality.books} books written, missing: ${missing.map(([f, n]) => `${f} ${n}`).join(', ')}`)
  const unmapped = r.unmappedSubjects ?? []
  if (unmapped.length) lines.push(`  ${unmapped.length} subject codes filed under no category (colophon subjects maps them), most frequent: ${unmapped.slice(0, 5).map((u) => `${u.scheme} ${u.code} ×${u.records}`).join(', ')}`)
  return lines.join('\n')
}

export const importCommand: Command = {
  name: 'import',
  summary: 'import ONIX 3.0, MARC 21, MARCXML or CSV files',
  usage: `colophon import FILE... [--format onix|marc|marcxml|csv] [--report report.json]
colophon import --history

Imports each FILE ("-" reads stdin; gzipped files are recognised) into
COLOPHON_DB: new books are added, known ISBNs updated with the fields the
record carries, ONIX deletes (NotificationType 05) taken off sale. Bad
records are rejected with their reason and the rest go on.

  --format F       the files' format (default: recognised from the content)
  --report FILE    write the machine-readable report (rejections, corrections, data quality)
  --max-cell BYTES largest CSV cell read (default 1048576, 1 MiB); a row with a bigger cell is rejected
  --history        list the latest imports: who, when, which file, what came of it
                   ("interrupted": the importing process was killed or crashed)

Exit status: 0 when every file was read to its end, rejected records or not;
1 when a file stopped (broken, or of unknown format) and was not imported to
its end; 2 for wrong arguments, such as a FILE that cannot be read.`,
  options: { format: { type: 'string' }, report: { type: 'string' }, history: { type: 'boolean' }, 'max-cell': { type: 'string' } },
  async run(values, positionals) {
    const format = values.format as Format | undefined
    const maxCellBytes = values['max-cell'] === undefined ? undefined : intOption('max-cell', values['max-cell'], 0, 1)
    if (format && !FORMATS.includes(format)) throw new InputError('--format', `expected one of ${FORMATS.join(', ')}, got "${format}"`)
    if (!values.history && positionals.length === 0) throw new InputError('import', 'name at least one FILE (or "-" for stdin)')
    positionals.forEach(checkReadable)
    const store = await openStore(loadConfig().COLOPHON_DB)
    const { importer } = buildServices(store)
    const reports: FileReport[] = []
    try {
      if (values.history) {
        for (const r of await importer.recentRuns(20)) {
          const c = r.counts
          process.stdout.write(`#${r.id} ${r.startedAt} ${r.user} ${r.file} [${r.format}] ${r.status}: ${c.records} records, ${c.created} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.withdrawn} off sale, ${c.rejected} rejected${r.error ? ` — ${r.error}` : ''}\n`)
        }
      }
      for (const file of positionals) {
        const bar = recordProgress(file)
        try {
          reports.push(await importer.importFile(file, openInput(file), { format, maxCellBytes, user: userInfo().username, onProgress: (p) => bar.update(p.records, p.rejected) }))
        } finally {
          bar.stop()
        }
        process.stderr.write(summary(reports.at(-1)!) + '\n')
      }
    } finally {
      await store.close()
    }
    if (typeof values.report === 'string') writeFileSync(values.report, JSON.stringify({ files: reports }, null, 2))
    if (reports.some((r) => r.status === 'failed')) process.exitCode = 1
  },
}

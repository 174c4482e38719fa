import { loadConfig } from '../../core/config'
import { InputError } from '../../core/errors'
import { openStore } from '../../store'
import type { Command } from '../args'
import { buildServices } from '../services'

export const subjectsCommand: Command = {
  name: 'subjects',
  summary: 'show or edit how subject codes map to categories',
  usage: `colophon subjects [SCHEME CODE CATEGORY]

Without arguments: the table importers use to file books under categories,
by subject scheme (bisac, bic, thema, kdc, ddc) and code prefix; the longest
matching prefix wins. With arguments: maps CODE (a prefix) of SCHEME to
CATEGORY, e.g. "colophon subjects kdc 813 fiction-korean".`,
  options: {},
  async run(_values, positionals) {
    if (positionals.length !== 0 && positionals.length !== 3) throw new InputError('subjects', 'expected no arguments or SCHEME CODE CATEGORY')
    const store = await openStore(loadConfig().COLOPHON_DB)
    try {
      const { importer } = buildServices(store)
      if (positionals.length === 3) {
        const [scheme, code, category] = positionals as [string, string, string]
        await importer.mapSubject(scheme, code, category)
      }
      const rows = (await importer.subjectMappings()).sort((a, b) => a.scheme.localeCompare(b.scheme) || a.code.localeCompare(b.code))
      for (const r of rows) process.stdout.write(`${r.scheme.padEnd(8)} ${r.code.padEnd(12)} ${r.categoryId}\n`)
    } finally {
      await store.close()
    }
  },
}

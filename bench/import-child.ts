// One end-to-end import in its own process, so its peak RSS is the import's alone.
// It imports the way `colophon import` does: the services as the CLI builds them,
// so the search index and the audit log are written in the same transactions.
// Usage: tsx bench/import-child.ts FEED DB  → prints {"records":…,"seconds":…,"maxRssMb":…}
import { buildServices } from '../src/cli/services'
import { demoCategories } from '../src/demo/categories'
import { openInput } from '../src/ingest'
import { openStore } from '../src/store'

const [feed, db] = process.argv.slice(2) as [string, string]
const store = await openStore(db)
const { catalog, importer } = buildServices(store)
if ((await catalog.categories()).roots.length === 0) await catalog.saveCategories(demoCategories())
const started = performance.now()
const report = await importer.importFile(feed, openInput(feed), { user: 'bench' })
const seconds = (performance.now() - started) / 1000
await store.close()
if (report.status !== 'done' || report.counts.rejected) throw new Error(`import failed: ${report.error ?? JSON.stringify(report.rejected.slice(0, 3))}`)
console.log(JSON.stringify({ records: report.counts.records, created: report.counts.created, seconds, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), cpuSeconds: process.cpuUsage().user / 1e6 }))
